"""Days in an article's words, resolved against its publication date.

"Jan. 30", "January 30, 2026", "Sunday, Feb. 1", "on Saturday", "Friday night",
"today", "yesterday", "last weekend". A month and day without a year take the
publication's year (the year before when that puts them more than a month after
publication). A weekday is the latest such day on or before publication, unless
the text says "next" or "this coming"; "last Saturday" is the one before the
publication day. A day after publication is a plan, not a gathering: the
mention is kept with ``future=True`` so the drafter can leave its numbers out.
Plural weekdays ("on Fridays") are habits, not days, and are not read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from turnout.ap import ap_date
from turnout.draft.text import Mention

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# "Sunday, Feb. 1", "Jan. 29, 2026", "Jan.30", "June 12", "Mar 19, 2016" (web copy leaves
# the period out; month names are capitalised: "may" and "march" in lower case are
# verbs, and a month is a date only with its day).
_EXPLICIT = re.compile(
    rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MONTH})\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?!,\d{{3}})(?!:\d)(?:,?\s*(?P<year>(?:19|20)\d{{2}})\b)?"
    # the day first, as wire pages and datelines abroad write it: "Sat, 14 Nov 2020"
    rf"|\b(?:(?P<wd2>{_WD}),?\s+)?(?P<day2>\d{{1,2}})\s+(?P<mon2>{_MONTH})\.?"
    rf"(?:,?\s+(?P<year2>(?:19|20)\d{{2}})\b)?"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|this past|past|this coming|coming|next|this)\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?P<plural>s)?\b"
    r"(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<word>today|tonight|this (?:morning|afternoon|evening)|yesterday|last night"
    r"|last weekend|this past weekend|past weekend|earlier today)\b",
    re.IGNORECASE,
)


_NAME_BEFORE = re.compile(r"[A-Z][\w.]*\s+$")
# A page's own dates ("Posted on May 3, 2020", "First Published: ... May 14, 2022",
# "Updated") are not the day of anything it reports.
_BYLINE = re.compile(
    r"\b(?:posted|published|updated|last updated|first published)(?: on)?:?[^.]{0,30}$",
    re.IGNORECASE,
)
# Days counted from the day in mind: "a day earlier", "the day before", "four days prior".
_SHIFT = re.compile(
    r"\b(?:(?P<one>a|the|one) (?:day|night) (?:earlier|before|prior)|the (?:previous|prior) "
    r"(?:day|night)|(?P<n>two|three|four|five|six|\d) days (?:earlier|before|prior))\b"
    r"(?! (?:the|a|an|his|her|their|its)\b)",
    re.IGNORECASE,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Holidays, each a rule for its day in a year: (month, day) or (month, weekday, nth; -1 is
# the last).
_HOLIDAYS = {
    "new year's day": (1, 1),
    "martin luther king jr. day": (1, 0, 3),
    "martin luther king day": (1, 0, 3),
    "mlk day": (1, 0, 3),
    "valentine's day": (2, 14),
    "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3),
    "president's day": (2, 0, 3),
    "international women's day": (3, 8),
    "tax day": (4, 15),
    "earth day": (4, 22),
    "may day": (5, 1),
    "memorial day": (5, 0, -1),
    "juneteenth": (6, 19),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
    "labor day": (9, 0, 1),
    "indigenous peoples' day": (10, 0, 2),
    "indigenous peoples day": (10, 0, 2),
    "columbus day": (10, 0, 2),
    "halloween": (10, 31),
    "veterans day": (11, 11),
    "thanksgiving": (11, 3, 4),
    "black friday": (11, 3, 4, 1),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
}
_HOLIDAY = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(h).replace("'", "['’]?").replace(r"\ ", r"\s+")
        for h in sorted(_HOLIDAYS, key=len, reverse=True)
    )
    # ("Sunday, Labor Day weekend" is the weekend's Sunday, not the Monday holiday)
    + r")(?!\w)(?!\s+weekend)",
    re.IGNORECASE,
)


def holiday(name: str, year: int) -> dt.date:
    """The day of a holiday in a year.

    >>> holiday("Labor Day", 2025), holiday("Presidents Day", 2025), holiday("Juneteenth", 2020)
    (datetime.date(2025, 9, 1), datetime.date(2025, 2, 17), datetime.date(2020, 6, 19))
    """
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    rule = _HOLIDAYS.get(key) or _HOLIDAYS[key.replace("'", "")]
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, weekday, nth = rule[:3]
    if nth > 0:
        first = dt.date(year, month, 1)
        d = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        d = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return d + dt.timedelta(days=rule[3] if len(rule) > 3 else 0)


@dataclass(frozen=True, slots=True)
class DateMention(Mention):
    """A day the text names: offsets in the article, the day, and how it was read."""

    date: dt.date
    how: str  # "explicit", "weekday", "relative", "holiday" or "shift"
    future: bool
    note: str = ""
    shift: int = 0  # for "shift": days from the day in mind ("a day earlier": -1)


def _year_for(month: int, day: int, published: dt.date) -> dt.date | None:
    for year in (published.year, published.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        if d <= published + dt.timedelta(days=31):
            return d
    return None


def _weekday(name: str, mod: str, published: dt.date) -> dt.date:
    target = _WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    if mod in ("next", "this coming", "coming"):
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    if mod in ("last",) and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _quoted(text: str, pos: int) -> bool:
    """True when ``pos`` is inside a quotation of ``text``."""
    before = text[:pos]
    curly = before.count("“") - before.count("”")
    return curly > 0 or before.count('"') % 2 == 1


def find_dates(text: str, published: dt.date, offset: int = 0) -> list[DateMention]:
    """Every day named in ``text``, resolved against the publication date.

    >>> pub = dt.date(2026, 2, 3)
    >>> [(m.text, str(m.date), m.how) for m in find_dates("on Sunday, Feb. 1 and Jan.30", pub)]
    [('Sunday, Feb. 1', '2026-02-01', 'explicit'), ('Jan.30', '2026-01-30', 'explicit')]
    >>> [(m.text, str(m.date), m.future) for m in find_dates("Friday night; next Saturday", pub)]
    [('Friday night', '2026-01-30', False), ('next Saturday', '2026-02-07', True)]
    """
    out, taken = _explicit_dates(text, published, offset)
    for finder in _FINDERS:
        out += finder(text, published, offset, taken)
    return sorted(out, key=lambda m: m.start)


_Spans = list[tuple[int, int]]


def _explicit_dates(text: str, published: dt.date, offset: int) -> tuple[list[DateMention], _Spans]:
    """Days written with their month ("Feb. 1", "Sunday, Feb. 1, 2026"), and the spans
    they take (with the page's own dates, which are no event's)."""
    out: list[DateMention] = []
    taken: _Spans = []
    for m in _EXPLICIT.finditer(text):
        if _BYLINE.search(text, max(0, m.start() - 60), m.start()):
            taken.append(m.span())
            continue  # "Posted on May 3, 2020": the page's date
        if m["day2"] and not (m["wd2"] or m["year2"]):
            continue  # "10 March for Our Lives events" is a count, not March 10
        mon, day_text, year = m["mon"] or m["mon2"], m["day"] or m["day2"], m["year"] or m["year2"]
        weekday_text = m["wd"] or m["wd2"]
        month = _MONTHS[mon[:3].lower()]
        day = int(day_text)
        if year:
            try:
                d = dt.date(int(year), month, day)
            except ValueError:
                continue
        else:
            found = _year_for(month, day, published)
            if found is None:
                continue
            d = found
        note = ""
        if weekday_text:
            named = weekday_text.lower().rstrip(".")
            actual = _WEEKDAYS[d.weekday()]
            if not actual.startswith(named[:3]):
                note = f"'{m.group(0)}': {ap_date(d, year=True)} is a {actual.capitalize()}"
        out.append(
            DateMention(
                offset + m.start(), offset + m.end(), m.group(0), d, "explicit", d > published, note
            )
        )
        taken.append(m.span())
    return out, taken


def _weekday_dates(text: str, published: dt.date, offset: int, taken: _Spans) -> list[DateMention]:
    """Days named by their weekday ("Friday night", "next Saturday")."""
    out: list[DateMention] = []
    for m in _WEEKDAY.finditer(text):
        if m["plural"] or any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
            continue
        mod = (m["mod"] or "").lower()
        d = _weekday(m["wd"], mod, published)
        day = f"{d:%A}, {ap_date(d, year=True)}"
        note = f"'{m.group(0)}' read as {day} (the latest on or before publication)"
        out.append(
            DateMention(
                offset + m.start(), offset + m.end(), m.group(0), d, "weekday", d > published, note
            )
        )
    return out


_NOWADAYS = re.compile(r"\b(?:still|even|face|faces|facing|remains?|exists?)\s+$", re.IGNORECASE)


def _relative_dates(text: str, published: dt.date, offset: int, taken: _Spans) -> list[DateMention]:
    """Days counted from publication ("today", "yesterday", "this weekend")."""
    out: list[DateMention] = []
    for m in _RELATIVE.finditer(text):
        word = m["word"].lower()
        if m.group(0)[0].isupper() and _NAME_BEFORE.search(text, 0, m.start()):
            continue  # a name: "USA Today"
        if _quoted(text, m.start()):
            # 'The Daily Mail reported, "Up to two million people marched ... today"': the
            # quoted writer's today, not the article's.
            continue
        if word == "today" and _NOWADAYS.search(text, max(0, m.start() - 20), m.start()):
            continue  # "the struggles we still face today": nowadays, not a day
        if word in ("yesterday", "last night"):
            d = published - dt.timedelta(days=1)
        elif "weekend" in word:
            # The Saturday of the latest weekend that ended before publication.
            d = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
        else:
            d = published
        out.append(
            DateMention(
                offset + m.start(),
                offset + m.end(),
                m.group(0),
                d,
                "relative",
                False,
                f"'{m.group(0)}' read as {ap_date(d, year=True)}",
            )
        )
    return out


def _holiday_dates(text: str, published: dt.date, offset: int, taken: _Spans) -> list[DateMention]:
    """Holidays ("on Christmas"), the latest of that name."""
    out: list[DateMention] = []
    for m in _HOLIDAY.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        d = holiday(m.group(0), published.year)
        if d > published + dt.timedelta(days=31):
            d = holiday(m.group(0), published.year - 1)  # "on Christmas", read in January
        out.append(
            DateMention(
                offset + m.start(),
                offset + m.end(),
                m.group(0),
                d,
                "holiday",
                d > published,
                f"'{m.group(0)}' read as {ap_date(d, year=True)}",
            )
        )
    return out


def _shifted_dates(text: str, published: dt.date, offset: int, taken: _Spans) -> list[DateMention]:
    """Days counted from the day in mind ("a day earlier", "four days prior")."""
    out: list[DateMention] = []
    for m in _SHIFT.finditer(text):
        days = 1 if not m["n"] else int(_COUNTS.get(m["n"].lower(), m["n"]))
        out.append(
            DateMention(
                offset + m.start(),
                offset + m.end(),
                m.group(0),
                published - dt.timedelta(days=days),  # until the day in mind is known
                "shift",
                False,
                f"'{m.group(0)}' counted back from the day before it",
                -days,
            )
        )
    return out


# The kinds of day after the explicit ones, in the order they are listed.
_FINDERS: tuple[Callable[[str, dt.date, int, _Spans], list[DateMention]], ...] = (
    _weekday_dates,
    _relative_dates,
    _holiday_dates,
    _shifted_dates,
)


# A day shortly after these words is another gathering's, named to compare ("bigger than
# Saturday's", "the scale of last weekend's", "smaller compared to the turnout on April 5").
_COMPARED = re.compile(
    r"\b(?:than|unlike|scale of|size of|compared (?:to|with)|similar to)\s+([^,;.\d]{0,25})$",
    re.IGNORECASE,
)
# ... unless what sits between is a count: "more than 500 people marched on Saturday" and
# "more than hundreds rallied Saturday" compare a number, and the day is the gathering's.
_COUNTED = re.compile(
    r"\b(?:a|one|two|three|hundreds?|thousands?|dozens?|millions?|scores?|several|many|few|"
    r"people|protesters|marchers|demonstrators|crowds?)\b",
    re.IGNORECASE,
)


def compared_day(text: str, at: int) -> bool:
    """True when the day at ``at`` in ``text`` is named to compare, another gathering's:
    "Though not on the scale of last weekend's protests, demonstrators gathered in ..."
    is not last weekend's, so it is no gathering's day in that sentence.

    >>> t = "Though not on the scale of last weekend's protests, crowds gathered in Boston."
    >>> compared_day(t, t.index("last")), compared_day("Crowds gathered Saturday.", 16)
    (True, False)
    """
    compared = _COMPARED.search(text, max(0, at - 40), max(0, at))
    return compared is not None and not _COUNTED.search(compared.group(1))
