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
from dataclasses import dataclass

from turnout.draft.text import Mention

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|March|Mar\.|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# "Sunday, Feb. 1", "Jan. 29, 2026", "Jan.30", "June 12" (month names are capitalised:
# "may" and "march" in lower case are verbs).
_EXPLICIT = re.compile(
    rf"\b(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MONTH})\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?!,\d{{3}})(?!:\d)(?:,?\s*(?P<year>(?:19|20)\d{{2}})\b)?"
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


@dataclass(frozen=True, slots=True)
class DateMention(Mention):
    """A day the text names: offsets in the article, the day, and how it was read."""

    date: dt.date
    how: str  # "explicit", "weekday" or "relative"
    future: bool
    note: str = ""


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


def find_dates(text: str, published: dt.date, offset: int = 0) -> list[DateMention]:
    """Every day named in ``text``, resolved against the publication date.

    >>> pub = dt.date(2026, 2, 3)
    >>> [(m.text, str(m.date), m.how) for m in find_dates("on Sunday, Feb. 1 and Jan.30", pub)]
    [('Sunday, Feb. 1', '2026-02-01', 'explicit'), ('Jan.30', '2026-01-30', 'explicit')]
    >>> [(m.text, str(m.date), m.future) for m in find_dates("Friday night; next Saturday", pub)]
    [('Friday night', '2026-01-30', False), ('next Saturday', '2026-02-07', True)]
    """
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in _EXPLICIT.finditer(text):
        month = _MONTHS[m["mon"][:3].lower()]
        day = int(m["day"])
        if m["year"]:
            try:
                d = dt.date(int(m["year"]), month, day)
            except ValueError:
                continue
        else:
            found = _year_for(month, day, published)
            if found is None:
                continue
            d = found
        note = ""
        if m["wd"]:
            named = m["wd"].lower().rstrip(".")
            actual = _WEEKDAYS[d.weekday()]
            if not actual.startswith(named[:3]):
                note = f"'{m.group(0)}': {d:%b. %-d, %Y} is a {actual.capitalize()}"
        out.append(
            DateMention(
                offset + m.start(), offset + m.end(), m.group(0), d, "explicit", d > published, note
            )
        )
        taken.append(m.span())
    for m in _WEEKDAY.finditer(text):
        if m["plural"] or any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
            continue
        mod = (m["mod"] or "").lower()
        d = _weekday(m["wd"], mod, published)
        note = f"'{m.group(0)}' read as {d:%A, %b. %-d, %Y} (the latest on or before publication)"
        out.append(
            DateMention(
                offset + m.start(), offset + m.end(), m.group(0), d, "weekday", d > published, note
            )
        )
    for m in _RELATIVE.finditer(text):
        word = m["word"].lower()
        if m.group(0)[0].isupper() and _NAME_BEFORE.search(text, 0, m.start()):
            continue  # a name: "USA Today"
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
                f"'{m.group(0)}' read as {d:%b. %-d, %Y}",
            )
        )
    return sorted(out, key=lambda m: m.start)
