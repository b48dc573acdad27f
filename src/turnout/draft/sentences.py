"""An article cut into blocks (headings, captions, paragraphs, list items) and sentences.

Every piece keeps its character offsets in the article, so a draft row can point
back at the exact words it came from. A block is a line of the text (``.html``
pages are turned into one block per paragraph or heading first). What kind of
block it is decides what the drafter takes from it:

- a *heading* ("Denver: 500 pack bridge", a title, a byline) names the place of
  the section below it, but its numbers summarise the section and are not read;
- a *caption* ("Cleveland, Jan. 30, 2026. (WW Photo: Susan Schnur)") gives the
  place and day of the paragraphs around it;
- a *paragraph* or list item holds the sentences that report gatherings.

A sentence a page broke over two lines ("... Detention Center," then "hundreds of
people ...") is joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st ste rev gov sen rep
    lt gen col sgt capt mt ft jr sr inc co corp no nos vol ave blvd rd hwy dept univ prof
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss
    mo mont neb nebr nev okla ore oreg pa penn tenn tex vt va wash wis wisc wyo est approx
    vs etc
    """.split()
)
# Words that abbreviate a numbered thing: no sentence ends after them before a number
# ("the Prop. 8 rally", "Sec. 2"); "the art." before a capital may end one.
_NUMBERED = frozenset("prop props sec art fig ch pt".split())
# After "U.S.", "p.m." and similar, a new sentence starts only with one of these words.
_STARTERS = frozenset(
    """
    the a an it its they he she we i in on at this that these those there police
    organizers officials but and after before when while then some many one about
    """.split()
)
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_FULL_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d{1,2},?\s+(?:19|20)\d{2}"
)
# A page's title: its headline, then the site's name ("... – East Bay Times", "... | Site").
_PAGE_TITLE = re.compile(r"\s[–|—]\s+(?:[A-Z][\w.'’&-]*\s*){1,5}$")
_CREDIT = re.compile(r"\bphoto\b|\(\s*[^()]*/[^()]*\)\s*$|\)\s*$", re.IGNORECASE)
# A photo's credit after its caption's sentence: "... in Phoenix on Sunday.Credit…Adriana
# Zehbrauskas for The New York Times" (a caption with a weekday, no full date).
_CREDIT_LINE = re.compile(r"[.!?]\s*(?:Credit|CREDIT|Photo|PHOTO|Image)\s*(?:…|\.\.\.|:)\s*[A-Z]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading, or caption) with its offsets in the article.

    ``kind`` is ``heading``, ``caption``, ``item`` (a line of a list) or ``paragraph``;
    ``block`` numbers the article's blocks and ``section`` its sections (a heading starts
    one).
    """

    start: int
    end: int
    text: str
    kind: str
    block: int
    section: int


def _headline_like(line: str, words: list[str]) -> bool:
    """Short, or "Place: words", or in title case; a sentence cut short by a copy is not."""
    if len(words) <= 8 or re.match(r"[^:]{2,40}:\s", line):
        return True
    long = [w for w in words[1:] if len(w) > 3 and w[0].isalpha()]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.75 * len(long)


def _block_kind(line: str) -> str:
    words = line.split()
    if not any(c.isalnum() for c in line):
        return "skip"
    if len(words) <= 40 and _FULL_DATE.search(line) and _CREDIT.search(line):
        return "caption"
    if len(words) <= 40 and _CREDIT_LINE.search(line):
        return "caption"
    last = line.rstrip()[-1]
    if last == ",":
        return "paragraph"
    if len(words) <= 12 and re.search(r"\b(?:[A-Z]\.){2,}$", line):
        return "heading"  # "Up to 1 million in L.A.": the period is the abbreviation's
    if len(words) <= 15 and last not in ".!?\"”’'" and _headline_like(line, words):
        return "heading"
    if len(words) <= 25 and last not in ".!?" and _PAGE_TITLE.search(line):
        return "heading"  # "Thousands protest war at S.F. rally, march – East Bay Times"
    if line.isupper() and len(words) <= 15:
        return "heading"
    return "paragraph"


# A line that stops mid-sentence: on a word or a comma, not on a sentence's end.
_RUNS_ON = re.compile(r"(?:[a-z]|[a-z],|\d|[A-Z]\.[A-Z]\.|\b[a-z]+-)$")
_BULLET = re.compile(r"^(?:[-•*–·]\s+|\d{1,2}[.)]\s+)")
_DIGIT = re.compile(r"\d")


def _items(text: str, blocks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Short lines that are a list ("15,000 in Cleveland", "- Denver: 100,000"), not headings.

    A bulleted line is an item; so is a short line with a number next to another such
    line. A heading stands alone above its paragraphs ("Denver: 500 pack bridge").
    """
    short = [
        kind in ("heading", "paragraph")
        and bool(_DIGIT.search(text[s:e]))
        and len(text[s:e].split()) <= 14
        and not text[s:e].rstrip().endswith(".")
        for s, e, kind in blocks
    ]
    out = []
    for n, (s, e, kind) in enumerate(blocks):
        line = text[s:e]
        listed = (n > 0 and short[n - 1]) or (n + 1 < len(blocks) and short[n + 1])
        if kind in ("heading", "paragraph") and (_BULLET.match(line) or (short[n] and listed)):
            kind = "item"
        out.append((s, e, kind))
    return out


_DANGLING = re.compile(
    r"\s(?:in|through|of|the|a|an|near|and|to|at|from|with|for|on|by|or|into|onto|across)$"
)


def _hard_wrapped(text: str) -> bool:
    """True when most lines are cut at one width (an e-mail or wire copy), not paragraphs."""
    lines = [len(x.strip()) for x in text.split("\n") if x.strip()]
    if len(lines) < 6:
        return False
    return sum(40 <= n <= 80 for n in lines) >= 0.7 * len(lines)


def _blocks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each non-empty line, broken sentences joined to their ends."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    after_blank = True
    wrapped = _hard_wrapped(text)
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            after_blank = True
            continue
        follows, after_blank = not after_blank, False
        lead = len(line) - len(line.lstrip())
        start, end = start + lead, start + lead + len(stripped)
        kind = _block_kind(stripped)
        if kind == "skip":
            continue
        if out:
            p_start, p_end, p_kind = out[-1]
            tail = text[p_start:p_end].rstrip()[-1]
            # A paragraph cut mid-sentence: it ends on a comma, or the next line starts
            # in lower case.
            if p_kind == "paragraph" and (
                tail == "," or (stripped[0].islower() and tail not in ".!?")
            ):
                out[-1] = (p_start, end, "paragraph")
                continue
            # Text hard-wrapped at a fixed width ("San Francisco -- An estimated 200,000
            # people" / "of nearly all ages spilled ... on Sunday in" / "San Francisco for
            # ..."): a line that runs on into the next, with no blank line between.
            previous = text[p_start:p_end]
            if follows and p_kind in ("paragraph", "heading") and _DANGLING.search(previous):
                # A line cut after "in", "the" or "through" ("A few hundred demonstrators
                # paraded through" / "lower Manhattan for several hours") ends no sentence
                # and no heading, whatever the width of the lines around it.
                out[-1] = (p_start, end, "paragraph")
                continue
            if (
                wrapped
                and follows
                and p_kind in ("paragraph", "heading")
                and _RUNS_ON.search(previous)
                and (stripped[0].islower() or len(previous) - previous.rfind("\n") >= 45)
            ):
                out[-1] = (p_start, end, "paragraph")
                continue
        out.append((start, end, kind))
    return _items(text, out)


def _boundary(text: str, dot: int, after: int) -> bool:
    """True when the punctuation ending at ``after`` ends a sentence."""
    rest = text[after:].lstrip()
    if not rest:
        return True
    first = rest[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'("):
        return False
    if text[dot] != ".":
        return True
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 40) : dot])
    token = word.group(1) if word else ""
    if token.lower().rstrip(".") in _ABBREVIATIONS:
        return False
    if token.lower().rstrip(".") in _NUMBERED and first.isdigit():
        return False  # ("protesting the Prop. 8 rally")
    if len(token) == 1:
        return False  # an initial ("Damon T. Hininger") or a case's "v." ("Roe v. Wade")
    if "." in token:  # "U.S.", "p.m.", "N.Y.": a new sentence only with a usual first word
        nxt = re.match(r"[A-Za-z]+", rest)
        return nxt is not None and nxt.group(0).lower() in _STARTERS
    return True


def split_sentences(text: str) -> list[Sentence]:
    """The article's headings, captions and sentences, in reading order.

    >>> [(s.kind, s.text) for s in split_sentences(
    ...     "Denver: 500 pack bridge\\n\\nOn Jan. 31, a crowd of 500 people packed the "
    ...     "bridge. Horns honked in approval.")]
    [('heading', 'Denver: 500 pack bridge'), ('paragraph', 'On Jan. 31, a crowd of 500 people \
packed the bridge.'), ('paragraph', 'Horns honked in approval.')]
    """
    out: list[Sentence] = []
    section = 0
    for number, (start, end, kind) in enumerate(_blocks(text)):
        if kind == "heading" and out:
            section += 1
        if kind not in ("paragraph",):
            out.append(Sentence(start, end, text[start:end], kind, number, section))
            continue
        block = text[start:end]
        begin = 0
        for m in _END.finditer(block):
            if _boundary(block, m.start(), m.end()):
                piece = block[begin : m.end()].strip()
                if piece:
                    s = start + begin + (len(block[begin:]) - len(block[begin:].lstrip()))
                    out.append(Sentence(s, s + len(piece), piece, kind, number, section))
                begin = m.end()
        piece = block[begin:].strip()
        if piece:
            s = start + begin + (len(block[begin:]) - len(block[begin:].lstrip()))
            out.append(Sentence(s, s + len(piece), piece, kind, number, section))
    return out
