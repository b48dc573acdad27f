"""Crowd sizes in a sentence: the words that count the people at a gathering.

Candidates are the number phrases of a sentence ("Around 50,000", "6,000 to
9,000", "dozens and dozens", "a crowd of 500", "400 or so") with the qualifiers
CCC keeps ("over", "an estimated", "some"). Each is read by
:func:`turnout.sizes.parse_size` (CCC's rules), first alone and then with the
words after it, so the parser's own checks apply: units ("24-hour", "10 lanes"),
labels ("Local 3669", "287(g)"), things that are not people ("100 high schools",
"four arrests") and expected turnout give no number.

A number the parser reads is a crowd only when the sentence says so: its noun
is people ("workers", "residents", "May Day marchers"), or a gathering verb
follows ("half a million protested", "500 pack bridge"), or a frame gives it
("a march of 400,000", "estimated ... at 250,000"). It is left out when it
counts police, people arrested, hurt or killed ("16 people were arrested",
"two dozen people found themselves in handcuffs"), a part of a whole ("14 of
the city's 17 council members"), people already counted ("those four people"),
one person ("one woman said"), a plan ("organizers expected tens of
thousands"), another year's event ("since 2006, when roughly one million"), or
a total across the country with no place ("Across the nation, hundreds of
thousands demonstrated"). Each left-out number keeps its reason, for the
review notebook.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from turnout.ap import STATE_NAMES
from turnout.draft.dates import _EXPLICIT
from turnout.draft.harm import harm_words
from turnout.draft.text import Mention
from turnout.sizes import parse_size, size_problem

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety"
).split()
_NUMBER_WORDS = frozenset(
    _UNITS
    + "hundred thousand million billion dozen dozens hundreds thousands millions tens scores "
    "several few couple handful half".split()
)
_ANY_NUMBER = re.compile(
    r"\d|\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")",
    re.IGNORECASE,
)
_PLURAL_WORDS = frozenset("dozens hundreds thousands millions tens scores".split())
_SCALE_WORDS = frozenset("hundred thousand million billion dozen".split())
_QUALIFIER = re.compile(
    r"(?:\b(?:about|around|approximately|roughly|nearly|almost|over|more than|fewer than|"
    r"less than|at least|at most|up to|as many as|some|an estimated|estimated|close to|"
    r"upwards of|well over|just over|just under|perhaps|maybe|many|a crowd of|a group of|"
    r"a throng of|a total of|a reported|reportedly|an additional|another|between|by the|"
    # qualifiers typed one slip away, kept with their number: turnout.sizes reads them
    # as meant ("More then 10,000" is a floor) and cleaning names them in a warning
    r"(?:more|less|fewer)\s+then|atleast|atmost|aproximately|approximatly|arround)\s+)+$",
    re.IGNORECASE,
)
# A number the source mistyped: a thousands group of one, two or four digits ("600,00"),
# or a space inside one ("1, 000").
_MISTYPED = re.compile(
    r"\b\d{1,3}(?:,\d{3})*(?:,\d{1,2}|,\d{4,})(?![\d,])|\b\d{1,3}, \d{3}\b(?![\d,])"
)
MISTYPED = "a number that looks mistyped"
# A number in a notation the size parser does not code ("1e9", "10^6", "0x1F4", "800,00",
# "+500") is one token, so the draft keeps its words (never "9" out of "1e9").
_NOTATION = (
    r"\+\d[\d,]*|\d+(?:\.\d+)?[eE][+-]?\d+|\d+\s*(?:\^|\*\*)\s*\d+|0[xXbBoO][0-9A-Fa-f]+"
    r"|\d+(?:[,_]\d+)+(?:\.\d+)?"
)
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,_])|" + _NOTATION + r"|\d+(?:\.\d+)?"
    r"|[A-Za-z]+(?:['’][A-Za-z]+)*|\S"
)

# Nouns for people, and endings that make a plural a kind of person.
_PERSON = frozenset(
    """
    people persons men women children kids folks staff youth youths crowd families allies
    faculty clergy members employees retirees citizens parents students residents patients
    immigrants migrants participants attendees teens teenagers adults survivors neighbors
    neighbours activists protesters protestors demonstrators marchers supporters workers
    nurses teachers educators doctors veterans strikers picketers counterprotesters
    counter-protesters mourners worshippers worshipers advocates organizers volunteers
    opponents critics fans riders bikers cyclists runners walkers individuals souls
    bodies voters constituents tenants farmworkers laborers labourers unionists
    """.split()
)
_PERSON_ENDINGS = ("ers", "ors", "ists", "ians", "ans", "ants", "ents", "ees", "ites")
_NOT_PERSON = frozenset(
    """
    centers letters papers numbers orders posters banners stickers flyers fliers barriers
    corners borders offers quarters waters towers headquarters chambers computers hours
    doors floors colors sectors corridors lists events documents comments statements
    incidents accidents moments departments governments apartments segments elements
    instruments amendments payments percents cents tents plans cans grants lanes locals
    meters miles dollars yards acres years months weeks days minutes seconds times
    remainders matters letters others orders reports answers chapters sponsors co-sponsors
    cosponsors
    """.split()
)
# People named for their part in a gathering, not its crowd ("Several local leaders spoke").
_ROLES = frozenset(
    "leaders speakers performers panelists candidates politicians celebrities hosts "
    "presenters emcees musicians singers bands dignitaries honorees".split()
)
# "a town of 900 people": the people who live somewhere, not those who came.
_WHOLES = frozenset(
    "town city village community county state population enrollment membership school "
    "district nation country workforce union".split()
)
# Verbs after a count of people that say they did something other than gather.
_ELSEWHERE = frozenset(
    "used rode ride riding watched viewed streamed tuned donated registered voted bought "
    "clicked downloaded followed subscribed visited lost received applied filed earned "
    "owed lived".split()
)
# After one of those verbs, a way through a place says the crowd moved there ("streamed past
# the White House", "rode through downtown"): a march, not a count of viewers or riders.
_MOTION = frozenset(
    "past into through down up across along onto toward towards around over out".split()
)
_POLICE = frozenset(
    "police officers officer cops troopers deputies agents guards guardsmen soldiers troops "
    "marshals sheriffs".split()
)
# Officials in a meeting are not its protesters ("A few council members stayed").
_OFFICIALS = frozenset(
    "council board lawmakers legislators senators representatives officials commissioners "
    "councilmembers councilors aldermen judges journalists reporters".split()
)
_CROWD_VERBS = frozenset(
    """
    marched march marching rallied rally rallying gathered gather gathering protested protest
    protesting demonstrated demonstrate demonstrating attended attend attending joined join
    joining packed pack packing filled fill filling flooded flood thronged throng turned
    showed came come took participated walked braved brave chanted chant lined line swarmed
    converged poured assembled stood sat held carried waved crowded crammed descended
    testified signed spoke picketed marching rallying occupied blocked shut stormed sang
    paraded lit observed mourned
    """.split()
)
_MANY = re.compile(
    r"\b(?:most|many|some|all|each|several|other|the|these|those)\b(?: of the)?[^,;]{0,30}"
    r"\b(?:rallies|protests|marches|vigils|demonstrations|events|gatherings|actions)\b",
    re.IGNORECASE,
)


def _clause_start(text: str, pos: int) -> int:
    found = [m.end() for m in re.finditer(r"[.;:—]\s", text[:pos])]
    return found[-1] if found else 0


_SPOKE = re.compile(
    # ("spoke to 10,000 people at the Capitol" addressed a crowd)
    r"\b(?:spoke|speaking) with\s+$|\b(?:talked|talking) (?:with|to)\s+$"
    r"|\b(?:interviewed|surveyed)\s+$",
    re.I,
)
_CLAUSE_WORDS = frozenset("where which who but while whereas ;".split())
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_PAST_VERB = re.compile(
    r"^(?:[a-z]{3,}(?<!e)ed|came|went|ran|stood|sat|swept|flew|drove|rode|spread|rose|"
    r"knelt|led|brought|fought|sang|held|took|made|met|kept|grew|drew|began)$"
)
_STOP = frozenset(
    "and or to of from at in on for with by than as who which that were was are is had "
    "have has but if while plus per into".split()
)
_AUX = frozenset(
    "were was are is be been being had have has got get later reportedly also all then already "
    "eventually subsequently fatally who that whom".split()
)
_OUTCOME = re.compile(rf"^(?:{harm_words('outcome')})$")
_CUSTODY = re.compile(r"\b(?:in handcuffs|under arrest|into custody|in custody|behind bars)\b")
# Plans and suppositions: "organizers expected", "if there is an average 400 people".
_FUTURE = re.compile(
    r"^(?:expect\w*|will|would|plan|plans|planned|planning|hope[sd]?|hoping|anticipat\w*|"
    r"predict\w*|scheduled|could|aims?|intend\w*|should|if|average|permits?)$"
)
_BEYOND = re.compile(r"^(?:doubled|tripled|exceeded|exceeding|surpassed|beat|defied|topped)$")
_PAST_MARK = re.compile(
    r"\b(?:last year|the previous year|in the past|(?:years?|decades?|months?) "
    r"(?:ago|earlier|before|prior))\b",
    re.I,
)
_SPAN = re.compile(
    r"\b(?:this|last|all) (?:spring|summer|fall|autumn|winter|season)\b"
    r"|\b(?:in|over) (?:recent|the (?:past|last)(?: (?:few|several|two|three))?) "
    r"(?:weeks|months)\b",
    re.I,
)
# "it began with about 100": the words right before a number phrase (its qualifier included).
_BEGAN = re.compile(
    r"\b(?:began|begins?|beginning|start(?:ed|s|ing)?|opened)\s+with\s+$"
    r"|\bby the (?:beginning|start) of [^,.;]*,\s*$",  # "by the beginning of the protest, ..."
    re.I,
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# The fifty states by name (AP's table); a bare "New York" or "Washington" is the city.
_STATE_NAMES = "|".join(
    f"{name} State" if name in ("New York", "Washington") else name
    for code, name in STATE_NAMES.items()
    if code not in ("DC", "PR", "GU", "VI", "AS", "MP")
)
_NATIONAL = re.compile(
    r"\b(?:across|around|throughout)\s+(?:the\s+)?(?:U\.?S\.?|United States|country|nation|"
    r"world|globe)\b|\bnationwide\b|\bworldwide\b|\bcountrywide\b|\bglobally\b|\bnationally\b"
    r"|\bin (?:dozens|hundreds|scores) of cities\b|\bcoast[ -]to[ -]coast\b"
    r"|\bin (?:(?!the\b)[a-z]+ ){0,2}(?:cities|towns|communities)\b"
    # ("In all, police departments in more than two dozen US cities gave crowd estimates
    # that totaled some 1.1 million marchers")
    r"|\bin (?:more than |over |at least )?(?:two |three )?dozens? (?:of )?(?:US |U\.S\. )?cities\b"
    r"|^in all\b|\btotal(?:l?ed|l?ing)\b"
    r"|\bin other parts of\b|\belsewhere in\b|\bstatewide\b|\bacross the state\b"
    # many gatherings counted ("attended some 2,700 rallies", "at more than 2,600 events",
    # "in all 50 states") or a state or region as a whole ("across Illinois")
    r"|\b(?:\d[\d,]*|dozens|hundreds|thousands|scores)\+? (?:of )?(?:other )?(?:locations|"
    r"events|rallies|protests|demonstrations|marches|vigils|sites|cities|towns|communities|"
    r"states|places|gatherings|actions)\b|\ball 50 states\b"
    r"|(?<!from )\b(?:across|throughout) (?:the )?(?:New England|Midwest|South|Northeast|Southwest|"
    r"Pacific Northwest|West Coast|East Coast|region|" + _STATE_NAMES + r")\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"\b(?P<who>police(?: officials| chief)?|(?:city |state |local |law enforcement )?officials|"
    r"authorities|organi[sz]ers|the mayor['’]s office|the sheriff['’]s office|"
    r"fire (?:officials|department)|the (?:[A-Z][\w.]* ){0,4}(?:Times|Post|Tribune|Journal|"
    r"Globe|Herald|Chronicle|News|Press|Star|AP|Reuters))"
    r"(?:\s+\w+){0,3}?\s+(?:said|say|says|estimated|estimate|estimates|claimed|claim|"
    r"reported|counted|put|tallied|told)\b|\baccording to (?P<per>[^,.;]+)"
    r"|\((?P<par>police|organi[sz]ers|officials)(?:['’]s?)? (?:estimates?|count)\)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity(Mention):
    """A number phrase in the text, its reading, and why it is (not) a crowd size."""

    low: float
    high: float
    crowd: bool
    reason: str = ""  # why it is not a crowd size ("" for a crowd)
    source: str = ""  # who gave the estimate ("police", "organizers"), if the text says


@dataclass(frozen=True, slots=True)
class _Tok(Mention):
    low: str  # the text in lower case
    num: bool  # a numeral


def _is_number(t: _Tok) -> bool:
    return t.num or t.low in _NUMBER_WORDS


def _starts(toks: list[_Tok], i: int) -> bool:
    t = toks[i]
    if t.num:
        return True
    if t.low in ("a", "an"):
        return i + 1 < len(toks) and toks[i + 1].low in (
            _SCALE_WORDS | {"few", "couple", "handful", "score"}
        )
    return t.low in _NUMBER_WORDS


def _extend(toks: list[_Tok], i: int) -> int:
    """Index after the number phrase starting at token i."""
    j = i + 1 if toks[i].low not in ("a", "an") else i + 2
    while j < len(toks):
        t = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if _is_number(t) and not (t.num and toks[j - 1].num and t.start > toks[j - 1].end + 1):
            j += 1
        elif t.low in ("k",) and t.start == toks[j - 1].end and toks[j - 1].num:
            j += 1
        elif t.text in ("-", "–", "to", "through") and nxt is not None and _is_number(nxt):
            j += 1
        elif t.low == "or" and nxt is not None and (nxt.low == "so" or _is_number(nxt)):
            j += 2 if nxt.low == "so" else 1
            if nxt.low == "so":
                break
        elif t.low == "and" and nxt is not None and _is_number(nxt):
            between = j >= 2 and any(x.low == "between" for x in toks[max(0, i - 2) : i])
            if not (between or (toks[j - 1].low in _PLURAL_WORDS and nxt.low == toks[j - 1].low)):
                break
            j += 1
        elif t.low == "of" and nxt is not None and nxt.low in (_PLURAL_WORDS | _SCALE_WORDS):
            j += 1
        elif t.low == "a" and toks[j - 1].low == "half" and nxt is not None and _is_number(nxt):
            j += 1
        else:
            break
    return j


def _head(toks: list[_Tok], j: int) -> str:
    """What the words after a number phrase make it: person, police, thing, verb or ""."""
    k, seen, named = j, 0, False
    if k < len(toks) and toks[k].text == "+" and toks[k].start == toks[k - 1].end:
        k += 1  # "3000+ people"
    if k < len(toks) and toks[k].low in ("more", "additional", "other", "or", "so"):
        k += 1
    if k < len(toks) and toks[k].low == "of":
        k += 1
        if k < len(toks) and toks[k].low == "the":
            k += 1
    while k < len(toks) and seen < 5:
        t = toks[k]
        w = t.low
        if t.text in ("-", "“", "”", '"', "'", "’", "‘"):
            k += 1
            continue
        if w in _POLICE:
            return "police"
        if w in _OFFICIALS:
            return "officials"
        if w in _ROLES:
            return "role"
        if w in _PERSON:
            nxt = [x.low for x in toks[k + 1 : k + 5]] + [""] * 4
            if any(nxt[i] in _ELSEWHERE and nxt[i + 1] not in _MOTION for i in range(3)):
                return "not-gathered"  # "600,000 people had used the Metro system"
            return "person"
        if w in _CROWD_VERBS:
            return "verb"
        if _PAST_VERB.match(w) and w not in _NUMBER_WORDS and not _OUTCOME.match(w):
            after = toks[k + 1].low if k + 1 < len(toks) else ""
            if not (after.endswith("s") and len(after) > 3 and after not in _STOP):
                # Crowd verbs are an open class ("massed", "swarmed", "flocked", "jammed"):
                # a verb in the past right after the count says they did it ("300 armed
                # agents" is an adjective before its noun).
                moving = after in _MOTION  # "streamed past the White House": they marched
                return "not-gathered" if w in _ELSEWHERE and not moving else "verb"
        if w in ("who", "that", "had", "have", "has", "were", "was", "all", "also"):
            # "thousands who gathered", "400,000 had protested", "all claimed"
            nxt = [x.low for x in toks[k + 1 : k + 3]]
            if any(x in _CROWD_VERBS for x in nxt):
                return "verb"
        if w in ("are", "were", "was") and k + 1 < len(toks):
            if toks[k + 1].low in ("present", "there", "on", "in"):
                return "verb"
        if w in ("in", "at") and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and not named:
            return "verb"  # "400,000 in Chicago", "hundreds in Beaumont and Nacogdoches"
        if t.num and named and _named_number(toks, k):
            k += 1  # "Thousands of SEIU 1021 members": the union's number is its name's
            continue
        if not t.text[0].isalpha():
            return ""
        if w in _STOP:
            return ""
        if t.text[0].isupper() and seen + j > 0:
            k += 1  # "May Day marchers", "Dallas residents"
            seen += 1
            named = True  # ("2350 Broadway in Oakland" is an address, not a crowd in Oakland)
            continue
        if w.endswith("s") and len(w) > 3 and not w.endswith("ss"):
            if _person_after(toks, k):
                k += 1  # "gun-rights activists", "civil rights marchers": the last noun counts
                seen += 1
                continue
            if w in _NOT_PERSON:
                return "thing"
            if w.endswith(_PERSON_ENDINGS):
                return "person"
            return "thing"
        k += 1
        seen += 1
    return ""


def _person_after(toks: list[_Tok], k: int) -> bool:
    """True when the word after ``toks[k]`` (past a hyphen) is a noun of people: the plural
    at ``k`` then qualifies it ("Thousands of gun-rights activists").

    >>> find_quantities("Thousands of gun-rights activists rallied")[0].crowd
    True
    """
    n = k + 1
    if n < len(toks) and toks[n].text in ("-", "‑") and toks[n].start == toks[k].end:
        n += 1
    if n >= len(toks):
        return False
    w = toks[n].low
    return w in _PERSON or (w.endswith(_PERSON_ENDINGS) and w not in _NOT_PERSON)


def _framed(toks: list[_Tok], i: int) -> bool:
    """True when the words before a number make it a crowd: "a march of", "estimated ... at"."""
    before = [t.low for t in toks[max(0, i - 10) : i]]
    if before[-2:] == ["by", "the"] and toks[i].low in _PLURAL_WORDS:
        # "protesters massed by the hundreds" (not "made themselves heard by the hundreds")
        verb = before[-3] if len(before) >= 3 else ""
        return verb in _CROWD_VERBS or bool(_PAST_VERB.match(verb))
    if before[-2:-1] and before[-1] == "of" and before[-2] in (
        "crowd", "throng", "march", "rally", "demonstration", "protest", "gathering", "vigil",
        "turnout", "audience", "group", "crowds",
    ):  # fmt: skip
        return True
    if before and before[-1] == "among":
        return True
    if "had" in before[-4:] and any(w in ("we", "they") for w in before[-6:]):
        return True  # "We probably had at least 1000 at the Rancho Cucamonga, CA party"
    k = max((n for n, w in enumerate(before) if w == "number"), default=-9)
    if k >= len(before) - 3 and before[k + 1 : k + 2] != ["of"]:
        return True  # "the actual number there, 40,000" (not "the number of arrests, 40")
    if (
        len(before) >= 2
        and before[-1] in ("said", "say", "says", "claimed", "counted")
        and (before[-2] in ("organizers", "organisers", "police", "officials", "authorities"))
    ):
        return True  # "Police estimated 2,500 people; organizers said 4,000."
    if (
        before
        and before[-1] == "to"
        and any(
            w
            in ("upgraded", "revised", "raised", "increased", "grew", "rose", "climbed", "swelled")
            for w in before[-4:]
        )
    ):
        return True  # "that number has since been upgraded to 50,000"
    return any(
        w in ("estimated", "estimate", "estimates", "numbered", "drew", "draws", "drawing",
              "attracted", "attracting", "totaled", "totalled", "swelled", "pegged", "counted",
              "put", "placed")
        for w in before
    )  # fmt: skip


def _outcome(toks: list[_Tok], i: int, j: int, clause: str) -> bool:
    """True when the number counts people arrested, hurt or killed."""
    before = [t.low for t in toks[max(0, i - 3) : i]]
    if any(_OUTCOME.match(w) for w in before if w not in ("dead", "died", "taken")):
        return True
    k, aux = j, 0
    # Past the head noun ("16 people were arrested", "protesters being detained").
    while k < len(toks) and k < j + 5 and toks[k].low not in _AUX and toks[k].text[0].isalpha():
        if _OUTCOME.match(toks[k].low):
            return True
        k += 1
    while k < len(toks) and aux < 4:
        w = toks[k].low
        if _OUTCOME.match(w) and w != "taken":
            return True
        if w not in _AUX:
            break
        k += 1
        aux += 1
    # "Twenty-six workers ..., who were arrested"
    window = toks[j : j + 18]
    for n, t in enumerate(window):
        if t.low in ("who", "whom") and any(_OUTCOME.match(x.low) for x in window[n + 1 : n + 5]):
            return True
    return bool(_CUSTODY.search(clause))


_SEGMENT_END = re.compile(r"[;—–]|[,.](?!\d)|\s--\s")  # (not inside "2,600" or "2.5")
_CLAUSE_END = re.compile(r"[.;]")
_YEARS = re.compile(r"\b(?:1[89]|20)\d\d\b")
_AND_ACROSS = re.compile(r"(?:\band|&)\s+(?:across|around|throughout)\b")


def _segment_after(text: str, end: int) -> str:
    m = _SEGMENT_END.search(text[end:])
    return text[end : end + m.start()] if m else text[end:]


def _inside(toks: list[_Tok], spans: tuple[tuple[int, int], ...]) -> set[int]:
    """Indexes of the tokens that start inside one of the spans (in one pass)."""
    out: set[int] = set()
    ordered = sorted(spans)
    k = 0
    for n, t in enumerate(toks):
        while k < len(ordered) and ordered[k][1] <= t.start:
            k += 1
        if k < len(ordered) and ordered[k][0] <= t.start:
            out.add(n)
    return out


def _attribution(text: str, start: int) -> str:
    best, dist = "", 10**9
    # Within a few hundred characters: a sentence of thousands would make this quadratic.
    for m in _ATTRIBUTION.finditer(text, max(0, start - 300), start + 300):
        who = (m["who"] or m["per"] or m["par"] or "").strip()
        d = abs(m.start() - start)
        if d < dist:
            best, dist = who, d
    return best.lower() if best and not best[:1].isupper() else best


def _date_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Every written date's span: its numbers are a date's, a page's own date's too
    ("Posted at 6:35 PM, May 21, 2019" is no crowd of 21), though no day is read from it."""
    return tuple(m.span() for m in _EXPLICIT.finditer(text))


def find_quantities(
    text: str,
    offset: int = 0,
    *,
    year: int | None = None,
    skip: tuple[tuple[int, int], ...] = (),
    has_place: bool = False,
    listed: bool = False,
) -> list[Quantity]:
    """Every number phrase in a sentence, each marked crowd or not (with the reason).

    ``year`` is the publication's year (other years' numbers are other events);
    ``skip`` holds spans (relative to ``text``) already read as dates; ``has_place``
    says the sentence names a US city (then only a city joined to "across the country"
    makes a national total); ``listed`` says the text is a line of a list of crowds
    ("5-10,000 Augusta, Maine"), which frames its numbers as crowds.

    >>> [(q.text, q.crowd) for q in find_quantities(
    ...     "Police estimate 200 people protested; four people were arrested.")]
    [('200', True), ('four', False)]
    >>> [(q.text, q.low, q.high) for q in find_quantities(
    ...     "On Jan. 31, 6,000 to 9,000 workers came together in Seattle.", skip=((3, 10),))]
    [('6,000 to 9,000', 6000.0, 9000.0)]
    """
    if not _ANY_NUMBER.search(text):
        return []  # most sentences hold no number at all: skip the tokens
    toks = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        numeral = word[0].isdigit() or (word[0] == "+" and word[1:2].isdigit())  # "+500"
        toks.append(_Tok(m.start(), m.end(), word, word.lower(), numeral))
    out: list[Quantity] = []
    typos = [m.span() for m in _MISTYPED.finditer(text)]
    skipped = _inside(toks, skip + _date_spans(text))
    i = 0
    while i < len(toks):
        if not _starts(toks, i) or i in skipped:
            i += 1
            continue
        typo = next(((a, b) for a, b in typos if a <= toks[i].start < b), None)
        if typo is not None:
            # "as many as 600,00", "1, 000": the words stay, the number is the reviewer's.
            start = typo[0]
            q = _QUALIFIER.search(text[max(0, start - 40) : start])
            if q:
                start = max(0, start - 40) + q.start()
            nan = float("nan")
            out.append(
                Quantity(
                    offset + start, offset + typo[1], text[start : typo[1]], nan, nan, False,
                    f"{MISTYPED} ('{text[typo[0] : typo[1]]}'): check the source",
                )
            )  # fmt: skip
            while i < len(toks) and toks[i].start < typo[1]:
                i += 1
            continue
        j = _extend(toks, i)
        start, end = toks[i].start, toks[j - 1].end
        q = _QUALIFIER.search(text[max(0, start - 40) : start])
        if q:
            start = max(0, start - 40) + q.start()
        phrase = text[start:end]
        reason = _why_not(_Phrase(text, toks, i, j, start, end, year, has_place, listed))
        low, high = parse_size(phrase)
        if not reason and math.isnan(low) and not size_problem(phrase):
            reason = "not a number of people"  # (words the parser refuses stay, with a note)
        out.append(
            Quantity(
                offset + start,
                offset + end,
                phrase,
                low,
                high,
                not reason,
                reason,
                _attribution(text, start) if not reason else "",
            )
        )
        i = j
    return out


@dataclass(frozen=True)
class _Phrase:
    """A number phrase (``toks[i:j]``, ``text[start:end]`` with its qualifier) and what
    the sentence around it says: the publication's year, whether it names a US city,
    whether it is a line of a list of crowds."""

    text: str
    toks: list[_Tok]
    i: int
    j: int
    start: int
    end: int
    year: int | None
    has_place: bool
    listed: bool

    @property
    def prev(self) -> _Tok | None:
        return self.toks[self.i - 1] if self.i else None

    @property
    def nxt(self) -> _Tok | None:
        return self.toks[self.j] if self.j < len(self.toks) else None

    @property
    def before(self) -> list[str]:
        """The three words before it, lower case."""
        return [t.low for t in self.toks[max(0, self.i - 3) : self.i]]


def _why_not(p: _Phrase) -> str:
    """Why the number phrase is not a crowd size ("" when it is one): the first rule,
    in order, that has a reason."""
    for rule in _RULES:
        reason = rule(p)
        if reason:
            return reason
    return ""


def _a_label(p: _Phrase) -> str:
    """Money, names, times, codes and years: a number that counts nobody."""
    toks, i, j, prev, nxt = p.toks, p.i, p.j, p.prev, p.nxt
    first, last = toks[i], toks[j - 1]
    if prev is not None and (prev.text in ("$", "#", "£", "€") or prev.low == "no"):
        return "money or a label"
    if nxt is not None and (nxt.text == "¢" or nxt.low in ("cents", "cent")):
        return "money or a label"  # ("Try 1 month for 99¢")
    if (nxt is not None and nxt.text[:1].isupper() and nxt.text[:1].isalpha()) and (
        (prev is not None and prev.text in ("'", "‘", '"', "“")) or (i > 0 and first.text.istitle())
    ):
        return "part of a name ('million MAGA march', 'Million Man March')"
    if (
        prev is not None
        and prev.low in ("for", "of")
        and i >= 3
        and toks[i - 2].text.istitle()
        and toks[i - 3].text not in (".", "!", "?", '"', "“")
    ):
        return "part of a name ('the Fight for 15 campaign')"
    if prev is not None and first.num and _named_number(toks, i):
        return "part of a name ('SEIU 1021', 'Local 73', 'NBC 15')"
    if (
        prev is not None
        and prev.text == ":"
        and i >= 2
        and toks[i - 2].num
        and prev.end == first.start
    ):
        return "a time"
    if nxt is not None and nxt.start == last.end and nxt.text[0].isalpha() and nxt.low != "k":
        return "an ordinal, a time or a code (letters glued to the number)"
    if prev is not None and prev.end == first.start and prev.text[-1].isalpha():
        return "a code (letters glued to the number: 'kIV2')"
    if (
        prev is not None
        and prev.text in ("-", "‑", "–")
        and prev.end == first.start
        and i >= 2
        and toks[i - 2].end == prev.start
        and toks[i - 2].text[-1].isalpha()
        and toks[i - 2].low not in _NUMBER_WORDS
    ):
        return "a name or a code ('COVID-19', 'I-95')"
    if (
        nxt is not None
        and nxt.text in (":", "%", "°")
        or (nxt is not None and nxt.low in ("a", "p", "am", "pm", "percent", "o'clock"))
    ):
        return "a time, a percentage or a temperature"
    if nxt is not None and nxt.text == "(" and nxt.start == last.end:
        return "a code such as 287(g)"
    glued = toks[j + 1] if j + 1 < len(toks) else None
    if (
        nxt is not None
        and glued is not None
        and nxt.text in ("-", "‑", "–")
        and nxt.start == last.end
        and glued.start == nxt.end
        and glued.text.istitle()
        and glued.low not in ("strong", "person", "people", "member")
    ):
        return "a unit in a title ('Farmworkers’ 24-Day March')"  # ("1,000-Strong" is a crowd)
    if first.num and _YEAR.match(first.text) and j == i + 1:
        after = toks[j].low if j < len(toks) else ""
        if not (after in _PERSON or (after.endswith(_PERSON_ENDINGS) and after not in _NOT_PERSON)):
            return "a year"  # ("Nearly 2000 protesters" is a crowd; "Chicago's 1886 Haymarket" not)
    return ""


_NUMBERING = re.compile(r"\s*\d{1,2}[.)]\s")


def _a_numbering(p: _Phrase) -> str:
    """A numbered list's numeral opening its line ("2. August 15: WGA offers
    counterproposal"): the item's place in the list, not a crowd.

    >>> find_quantities("2. August 15: WGA offers counterproposal", listed=True)[0].reason
    "a list's numbering ('2. August 15')"
    """
    if p.i == 0 and not p.text[: p.start].strip() and _NUMBERING.match(p.text, p.start):
        return "a list's numbering ('2. August 15')"
    return ""


def _an_age_or_address(p: _Phrase) -> str:
    """A person's age set off after the name ("Maya Hofstetter, 15, said") or a number in
    a web address ("http://www.vimeo.com/2189726"): no crowd, in a list's line too.

    >>> [q.reason for q in find_quantities("Maya Hofstetter, 15, said she felt inspired",
    ...                                    listed=True)]
    ["a person's age ('Maya Hofstetter, 15, said')"]
    >>> find_quantities("http://www.vimeo.com/2189726 for the video", listed=True)[0].reason
    'part of a web address'
    """
    toks, i, prev, nxt = p.toks, p.i, p.prev, p.nxt
    if prev is not None and prev.text == "/" and prev.end == toks[i].start:
        return "part of a web address"
    name = toks[i - 2] if i >= 2 else None
    if (
        p.j == i + 1
        and toks[i].text.isdecimal()
        and int(toks[i].text) < 120
        and prev is not None
        and prev.text == ","
        and name is not None
        and name.text[:1].isupper()
        and name.text.isalpha()
        and nxt is not None
        and nxt.text == ","
    ):
        return "a person's age ('Maya Hofstetter, 15, said')"
    return ""


# Words a number after them names, not counts: a union local, a channel, a road.
_NUMBERED = frozenset(
    "Local Locals Chapter Channel District Route Interstate Highway Pier Gate Precinct Ward "
    "Station Studio Unit Council Lodge Proposition Prop Measure Amendment Initiative".split()
)  # ("the Prop. 8 rally": a ballot measure's number)
_NOT_NAMES = frozenset("NYC USA DC LA".split())


def _named_number(toks: list[_Tok], i: int) -> bool:
    """True when the numeral at ``i`` is part of a name: right after an organization's
    initials ("SEIU 1021 members", "according to NBC 15") or a word such as "Local" (not
    a shouted headline: "OVER 500 MARCH").

    >>> find_quantities("Thousands of SEIU 1021 members rallied")[1].reason
    "part of a name ('SEIU 1021', 'Local 73', 'NBC 15')"
    """
    prev = toks[i - 1] if i else None
    if prev is None or prev.end == toks[i].start:
        return False
    if prev.text in _NUMBERED:
        return True
    if (
        prev.text == "."
        and i >= 2
        and toks[i - 2].text in _NUMBERED
        and toks[i - 2].end == prev.start
    ):
        return True  # ("Prop. 8")
    shouted = i >= 2 and toks[i - 2].text.isupper() and toks[i - 2].text.isalpha()
    return (
        prev.text.isalpha()
        and prev.text.isupper()
        and len(prev.text) >= 3
        and prev.text not in _NOT_NAMES
        and not _QUALIFIER.search(prev.text + " ")
        and not shouted
    )


def _not_people(p: _Phrase) -> str:
    """What the size parser makes of the number, alone and with the words after it."""
    phrase = p.text[p.start : p.end]
    low, high = parse_size(phrase)
    if math.isnan(low) and size_problem(phrase):
        # A notation the parser refuses ("1e9"): judged by its words as a plain number
        # would be; the draft keeps it, and its note says why cleaning will refuse it.
        phrase, low, high = "100", 100.0, 100.0
    if math.isnan(low):
        return "not a number of people"
    if low == 1 and high == 1:
        return "one person"
    # The words after it, up to the next number, without names ("May Day marchers" are
    # marchers: the parser would read "Day" as a unit).
    after_words = []
    for t in p.toks[p.j : p.j + 10]:
        if (_is_number(t) and t.low != "one") or t.text in (";", "."):
            break
        if not t.text[:1].isupper():
            after_words.append(t.text)
    if math.isnan(parse_size(phrase + " " + " ".join(after_words)).low):
        return "the words after it count something else (units, things, a plan)"
    return ""


_STANDING = re.compile(
    r"\b(?:insures?|covers?|represents?|employs?|serves?|affects?|insured|covered|"
    r"represented|employed|served)\s+$"
    r"|\b(?:contracts?|lives|jobs|wages|pay|pensions?|benefits|rights|health care|"
    r"insurance|coverage|families|homes|data) of\s+$",
    re.IGNORECASE,
)


def _not_the_crowd(p: _Phrase) -> str:
    """People the words before the number set apart from the crowd's size."""
    text, start, before = p.text, p.start, p.before
    by_the = before[-2:] == ["by", "the"] and p.toks[p.i].low in _PLURAL_WORDS  # "by the hundreds"
    if (
        before
        and before[-1] in ("the", "those", "these", "their", "its", "our", "his", "her")
        and not by_the
    ):
        return "people already counted ('those four people')"
    if _SPOKE.search(text[max(0, start - 30) : start]):
        return "people a reporter spoke with, not the crowd"
    if re.search(r"\b(?:sent|bused|bussed)\s+$", text[max(0, start - 12) : start]):
        # "the DOE sent more than 400 people to march": one group's share of the crowd
        return "a group within the crowd, not its size"
    if re.search(r"\bjoined by\s+$", text[max(0, start - 12) : start]):
        # "They were soon joined by hundreds of students": more people, not the crowd's size
        return "people who joined the crowd, not its size"
    if before and before[-1] in ("on", "upon", "against") and not _framed(p.toks, p.i):
        # "A police commander used pepper spray on four women": people something was done to
        return "people something was done to, not a crowd"
    # (its qualifier's words too: "care for up to 15 patients at a time")
    if (
        before and before[-1] == "for" or re.search(r"\bfor\s+$", text[max(0, start - 8) : start])
    ) and not _framed(p.toks, p.i):
        # "vetoed a $15/hour minimum wage for 2.3 million workers", "a permit for 1,000
        # people": those a wage, a law or a permit is for, not who came.
        return "people something is for (a wage, a law, a permit), not a crowd"
    if len(before) >= 2 and before[-2] == "of" and before[-1] in ("the", "its", "their"):
        return "a part of a whole"
    if _BEGAN.search(text[max(0, start - 60) : start]):
        # "it began with about 100 demonstrators": a crowd as it started; CCC codes the
        # largest it reached, which the same report gives ("peaked at around 1,000").
        return "a count as the gathering began, not its size"
    if len(before) >= 3 and before[-3] == "of" and before[-2] in ("the", "its", "their"):
        if before[-1].endswith(("’s", "'s")):
            return "a part of a whole ('14 of the city's 17 council members')"
    if len(before) >= 2 and before[-1] == "of" and before[-2] in _WHOLES:
        return "a population, not a crowd ('a town of 900 people')"
    if re.search(r"\bhome to\s+$", text[max(0, start - 12) : start]):
        return "a population, not a crowd ('home to some 30,000 immigrants')"
    if _STANDING.search(text[max(0, start - 40) : start]):
        # "a program which currently insures 71 million people", "the union contracts of
        # more than 400,000 VA workers": people a program, a union or a law counts, or
        # what they have; not who came.
        return "people something counts or covers, not a crowd"
    return ""


# Harm done to the people a number counts: "a shooting ... that left eight people dead",
# "shoving three people to the ground", "ICE kidnapped 45 workers".
_HARMED_BY = re.compile(rf"\b(?:{harm_words('by')})\s+$", re.I)
_LEFT_DEAD = re.compile(rf"^[^.;]{{0,60}}?\b(?:{harm_words('left')})\b")
# A count within another ("including six Asian women", "among them 15 members", "six of
# them"): a part of people already counted, never a crowd of its own.
_PART_BEFORE = re.compile(r"\b(?:including|among them|among whom|of whom)\s+$", re.I)
_PART_AFTER = re.compile(r"^\s+of (?:them|whom)\b", re.I)
# A passive after a parenthesis: "eight people, including six Asian women, were shot".
_PASSIVE_HARM = re.compile(
    r"^[^.;]{0,50}?[,—–]\s*(?:were|was|had been|have been)\s+(?:\w+\s+)?"
    rf"(?:{harm_words('passive')})\b",
    re.I,
)


def _victims(p: _Phrase) -> str:
    """People harm was done to, or a part of another count: not a crowd.

    >>> [(q.text, q.crowd) for q in find_quantities(
    ...     "a shooting last week that left eight people — six of them Asian-American "
    ...     "women — dead at spas in and around Atlanta.")]
    [('eight', False), ('six', False)]
    """
    text, start, end = p.text, p.start, p.end
    before = text[max(0, start - 30) : start]
    if _HARMED_BY.search(before):
        return "people arrested, hurt or killed"
    if re.search(r"\bleft\s+$", before) and _LEFT_DEAD.search(text[end:]):
        return "people arrested, hurt or killed"
    if _head(p.toks, p.j) == "person" and _PASSIVE_HARM.search(text[end:]):
        return "people arrested, hurt or killed"
    if _PART_BEFORE.search(before) or _PART_AFTER.search(text[end : end + 12]):
        return "a part of people already counted, not a crowd"
    return ""


def _not_protesters(p: _Phrase) -> str:
    """The noun the number counts, and what the clause after it says they did."""
    head = _head(p.toks, p.j)
    if head == "police":
        return "police, not protesters"
    if head == "officials":
        return "officials, not protesters"
    if head == "role":
        return "speakers or leaders, not the crowd ('several local leaders spoke')"
    clause_end = _CLAUSE_END.search(p.text[p.end :])
    clause = p.text[p.end : p.end + clause_end.start()] if clause_end else p.text[p.end :]
    if _outcome(p.toks, p.i, p.j, clause):
        return "people arrested, hurt or killed"
    if head == "thing":
        return "counts things, not people"
    if head == "not-gathered":
        return "people counted doing something else (riding, watching, signing up online)"
    if head not in ("person", "verb") and not _framed(p.toks, p.i):
        if not p.listed:
            return "no people or gathering in the words around it"
        prev = p.prev
        if p.j == len(p.toks) and prev is not None and prev.text.isalpha() and prev.text.islower():
            # A list line frames a crowd ("Denver: 500"), not a caption's count ("Capitol
            # protest big crowd 2", a photo's number in a gallery).
            return "a label, not a crowd ('big crowd 2')"
    return ""


def _a_plan(p: _Phrase) -> str:
    """A number in a clause that tells of a plan or an expectation."""
    toks, i, j, start = p.toks, p.i, p.j, p.start
    # Words someone is quoted saying before the number are theirs, not the report's:
    # ""Tomorrow, we will impeach Donald Trump!" ... as a crowd of 125 bundled together".
    quoted = [m.span() for m in _QUOTED.finditer(p.text, max(0, start - 600), start)]
    sentence_before = [
        t.low
        for t in toks[_conceded(toks, max(0, i - 60), i) : i]
        if not any(a <= t.start < b for a, b in quoted) and not t.text[0].isupper()
    ]  # (and not names: "Planned Parenthood")
    # Only the number's own clause: "sister marches planned across the world and in
    # cities like ... Washington, D.C., where more than 100,000 protested".
    cut = [n for n, w in enumerate(sentence_before) if w in _CLAUSE_WORDS]
    sentence_before = sentence_before[cut[-1] + 1 :] if cut else sentence_before
    words_after = [t.low for t in toks[j : j + 6]]
    own = sentence_before + words_after
    if any(
        _FUTURE.match(w)
        and not (n + 1 < len(own) and own[n + 1] in ("not", "n't"))
        and not (w == "expectations" and n and _BEYOND.match(own[n - 1]))
        for n, w in enumerate(own)
    ):  # ("could not stop a few thousand people from rallying": they rallied; a crowd that
        # "doubled expectations" came)
        return "a plan or an expectation, not a gathering"
    return ""


def _conceded(toks: list[_Tok], lo: int, i: int) -> int:
    """Where the number's clause begins after a clause conceded before it: "Though
    organizers had predicted a turnout of 20,000, less than 5,000 people had gathered"
    (the prediction is the other clause's, not the crowd's).

    >>> [q.crowd for q in find_quantities("Though organizers had predicted a turnout of "
    ...     "20,000, less than 5,000 people had gathered at the National Mall by midday.")]
    [False, True]
    """
    concede = [n for n in range(lo, i) if toks[n].low in ("though", "although")]
    if concede:
        commas = [n for n in range(concede[-1], i) if toks[n].text == ","]
        if commas:
            return commas[-1] + 1
    return lo


def _another_time(p: _Phrase) -> str:
    """A number of another year's or an earlier event, or of many days' gatherings."""
    text, start, end = p.text, p.start, p.end
    if p.year is not None:
        near = p.toks[max(0, p.i - 10) : p.i]
        # "... as the original 2018 March for Our Lives in DC, but many thousands of people
        # gathered": the year is another clause's.
        cut = [n for n, t in enumerate(near) if t.low in ("but", "while", "whereas", ";")]
        near = near[cut[-1] + 1 :] if cut else near
        seg = _segment_after(text, end)
        years = [int(t.text) for t in near if _YEAR.match(t.text)] + [
            int(y) for y in _YEARS.findall(seg)
        ]
        if any(y != p.year for y in years):
            return "a number from another year's event"
    if _PAST_MARK.search(text[max(0, start - 80) : start]) or _PAST_MARK.search(
        _segment_after(text, end)
    ):
        return "a number from an earlier event"
    if _SPAN.search(text[_clause_start(text, start) : start]) or _SPAN.search(
        _segment_after(text, end)
    ):
        # "Thousands of teachers took their voices to state Capitols this spring": the
        # people of many days' gatherings, not one gathering's crowd.
        return "a count over weeks or a season, not one gathering"
    return ""


# "The gathering was one of four held in Connecticut, where close to a thousand workers
# and allies gathered": the number of the state's gatherings, not of one of them.
_ONE_OF_IN_STATE = re.compile(
    r"\bone of (?:the )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|"
    r"dozens|hundreds)\b[^.;]{0,60}?\b(?:in|across|throughout) (?:" + _STATE_NAMES + r"),"
    r"\s+where\s+$"
)


def _a_total(p: _Phrase) -> str:
    """A total of several places or of the nation, not one gathering's crowd."""
    text, start, end = p.text, p.start, p.end
    if _ONE_OF_IN_STATE.search(text, max(0, start - 160), start):
        return "a total of several places"
    if not p.has_place and _MANY.search(text[_clause_start(text, start) : start]):
        # "Most of the rallies drew dozens, or, at most, hundreds": many gatherings at once.
        return "a total of several places"
    seg = _segment_after(text, end)
    if p.has_place:
        # "many thousands of people in Minneapolis and across the U.S.": the place is part
        # of a national total; "marched in New York City as part of nationwide protests" is not.
        if _AND_ACROSS.search(seg):
            return "a total across the country"
        return _spanning(p)
    else:
        scope = _NATIONAL.search(text[:start]) or _NATIONAL.search(verbs_after(text, end))
        if scope:
            # No place of its own, and the scope is the nation: "Across the nation,
            # hundreds of thousands ...", "Tens of thousands marched, rallied and protested
            # from coast to coast"; or a region: "in other parts of California".
            regional = _REGIONAL.search(scope.group(0))
            return "a total of several places" if regional else "a total across the country"
    return ""


# "from Pittsburgh to Pasadena": a span of places, many gatherings (not after a verb of
# going: "marched from Columbus Circle to Trump Tower" is one march).
_FROM_TO = re.compile(
    r"(?:^|(?P<verb>[\w-]+)\s+)[Ff]rom (?:the )?[A-Z][\w.’'-]*"
    r"(?:,? [A-Z][\w.’'-]*){0,3} to [A-Z]"
)
_GOING = frozenset("walk walks march marches trek journey route ride drive run pilgrimage "
                   "caravan trip way went ran rode drove flew".split())  # fmt: skip


def _span_of_places(words: str) -> bool:
    return any(
        not (m.group("verb") and (m.group("verb").lower() in _GOING
                                  or m.group("verb").endswith(("ed", "ing"))))
        for m in _FROM_TO.finditer(words)
    )  # fmt: skip


def _spanning(p: _Phrase) -> str:
    """A number whose own clause spans many places though the sentence names some
    (:func:`clause_total`, the places not yet known).

    >>> [(q.text, q.crowd) for q in find_quantities("Tens of thousands participated "
    ...     "in demonstrations from Pittsburgh to Pasadena, California.", has_place=True)]
    [('Tens of thousands', False)]
    """
    return "a total of several places" if clause_total(p.text, p.start, p.end) else ""


# Where a number's clause begins and ends, for the scope of a total; and the words after
# which the places a clause names are examples of its total.
_SCOPE_BREAK = re.compile(r"[;—–]|\s--\s|:\s|,\s+(?:and|but|while)\s")
_EXAMPLES = re.compile(r"\b(?:including|such as|like|among them)\b")


def clause_total(text: str, start: int, end: int, places: list[int] | None = None) -> bool:
    """True when the number at ``text[start:end]`` is a total: its own clause spans many
    places. The one test of a total's scope, for :mod:`.quantities` (places unknown) and
    :mod:`.gatherings` (``places``: where the sentence names places a crowd can be, sorted
    offsets in ``text``).

    The nation right after the number, before any name ("thousands of workers in
    hundreds of cities across the country", "parades throughout the U.S., including
    Chicago"; not where they came from: "union members from across the country joined
    together in Philadelphia"), or a span of places ("From Washington, DC to San
    Francisco, thousands"); with ``places``, also a clause that spans the nation and
    names none of them but as examples ("More than a million people marched in cities
    across the country; in Omaha, 4,000 turned out" gives Omaha 4,000 only; "in smaller
    towns, including Bozeman, Montana").

    >>> text = ("More than a million marched in cities across the country; "
    ...         "in Omaha, 4,000 turned out")
    >>> omaha, n = [text.index("Omaha")], text.index("4,000")
    >>> clause_total(text, 0, 19, omaha), clause_total(text, n, n + 5, omaha)
    (True, False)
    """
    after = verbs_after(text, end)
    scope = _NATIONAL.search(text[end : end + len(after) + 6])  # ("the U.S.": its periods)
    if scope and not re.search(r"\b[A-Z]|\bas part of\b|\bfrom\s+$", after[: scope.start()]):
        return True
    lead = text[_clause_start(text, start) : start]
    if _span_of_places(lead) or _span_of_places(after):
        return True
    if places is None:
        return False
    window = max(0, start - 400)  # (a clause is shorter: keeps a long sentence linear)
    begin = max((m.end() for m in _SCOPE_BREAK.finditer(text, window, start)), default=window)
    stop = _SCOPE_BREAK.search(text, end)
    finish = stop.start() if stop else len(text)
    # Its words: the clause up to the number, then its verbs ("... vigil, held in cities
    # nationwide" and "the demonstration, one of many around the country" are not).
    if not _NATIONAL.search(text[begin:start] + verbs_after(text[:finish], end)):
        return False
    examples = _EXAMPLES.search(text, begin, finish)
    inside = places[bisect_left(places, begin) : bisect_left(places, finish)]
    return all(examples is not None and at > examples.start() for at in inside)


# The rules in the order they are asked: the first with a reason gives it.
_RULES: tuple[Callable[[_Phrase], str], ...] = (
    _a_numbering,
    _an_age_or_address,
    _a_label,
    _not_people,
    _not_the_crowd,
    _victims,
    _not_protesters,
    _a_plan,
    _another_time,
    _a_total,
)


_REGIONAL = re.compile(r"other parts|elsewhere|statewide|the state", re.IGNORECASE)


_PAST_END = re.compile(r"\b[a-z]{3,}ed\s*$")
_PAST_START = re.compile(r"^\s*(?:and\s+)?[a-z]{3,}ed\b")


def verbs_after(text: str, end: int) -> str:
    """The words after a number up to the end of its verb phrase, a list of verbs
    included ("marched, rallied and protested from coast to coast", not "... vigil, held
    in cities nationwide").

    >>> verbs_after("Thousands marched, rallied and protested from coast to coast, after", 9)
    ' marched, rallied and protested from coast to coast'
    """
    pos = end
    while True:
        m = _SEGMENT_END.search(text, pos)
        if m is None:
            return text[end:]
        if (
            m.group(0) == ","
            and _PAST_END.search(text[pos : m.start()])
            and _PAST_START.match(text[m.end() :])
        ):
            pos = m.end()
            continue
        return text[end : m.start()]
