"""Several sources in one row: one line per source in the ``source_*`` cells.

A gathering several outlets reported is one row that names every one of them
(as the Crowd Counting Consortium codes it). Its ``source_name``,
``source_date``, ``source_url`` and ``source_quote`` cells hold one line per
source, in the same order (a spreadsheet shows them as lines inside one cell;
CSV quotes the cell). A row whose ``source_name`` is one line is one source, as
a hand-typed story has always been, whatever its other cells hold. The format
in full: ``docs/method.md`` (Several sources in one row).

>>> cells = join_sources([Source("AP", "2026-01-31", "", "About 40,000 marched."),
...     Source("Reuters", "2026-01-31", "https://r.example/1", "Police said 30,000.")])
>>> cells["source_name"]
'AP\\nReuters'
>>> [s.name for s in row_sources(**cells)]
['AP', 'Reuters']
"""

from __future__ import annotations

from typing import Any, NamedTuple

#: The line break between sources inside one cell.
SEP = "\n"
#: The cells that hold one line per source, in file order.
SOURCE_COLUMNS = ("source_name", "source_date", "source_url", "source_quote")


class Source(NamedTuple):
    """One source of a row: outlet, publication date, address and the sentences quoted."""

    name: str
    date: str
    url: str
    quote: str


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover
        pass
    return str(value)


def lines(value: Any) -> list[str]:
    """A cell's lines, each stripped (``\\r\\n`` from a spreadsheet counts as one break).

    >>> lines("AP\\r\\nReuters "), lines("\\nhttps://a.example"), lines(None)
    (['AP', 'Reuters'], ['', 'https://a.example'], [])
    """
    text = _text(value).replace("\r\n", SEP).replace("\r", SEP)
    # Only the cell's own blank edges go: an empty line is a source that gave nothing
    # (a merged row of two unnamed sources is "\n": two sources, neither named).
    return [line.strip() for line in text.split(SEP)] if text.strip() or SEP in text else []


def source_count(name: Any) -> int:
    """How many sources a row names: the lines of its ``source_name`` (at least one).

    >>> source_count("AP\\nReuters"), source_count("Workers World"), source_count("")
    (2, 1, 1)
    """
    return max(1, len(lines(name)))


def row_sources(
    source_name: Any = "", source_date: Any = "", source_url: Any = "", source_quote: Any = ""
) -> list[Source]:
    """A row's sources, in order: one, or one per line of ``source_name``.

    A cell with fewer lines than names gives the missing ones ""; a one-source row
    keeps its cells whole (a quote may hold a line break).

    >>> row_sources("WW", "2026-02-03", "", "Hundreds rallied.\\nIn the cold.")
    [Source(name='WW', date='2026-02-03', url='', quote='Hundreds rallied.\\nIn the cold.')]
    >>> [s.date for s in row_sources("AP\\nNPR", "2026-01-31")]
    ['2026-01-31', '']
    """
    names = lines(source_name)
    if len(names) <= 1:
        cells = (source_name, source_date, source_url, source_quote)
        return [Source(*(_text(c).strip() for c in cells))]
    columns = [lines(c) for c in (source_date, source_url, source_quote)]
    return [
        Source(name, *(col[i] if i < len(col) else "" for col in columns))
        for i, name in enumerate(names)
    ]


def join_sources(sources: list[Source]) -> dict[str, str]:
    """The ``source_*`` cells of a row with these sources (line breaks inside a quote become
    spaces, so each source stays one line).

    >>> join_sources([Source("AP", "2026-01-31", "", "One.\\nTwo.")])["source_quote"]
    'One. Two.'
    """
    out = {}
    for i, column in enumerate(SOURCE_COLUMNS):
        out[column] = SEP.join(" ".join(s[i].split()) for s in sources)
    return out


def sources_problem(
    source_name: Any = "", source_date: Any = "", source_url: Any = "", source_quote: Any = ""
) -> tuple[str, str]:
    """The column at fault and why, when a several-source row's cells do not line up;
    ``("", "")`` when they do. A cell may be empty (no source gave one) or have one line
    per source.

    >>> sources_problem("AP\\nNPR", "2026-01-31", "", "One.\\nTwo.")
    ('source_date', '1 line for 2 sources (one line per source, in source_name order)')
    >>> sources_problem("AP", "2026-01-31", "", "One.\\nTwo.")
    ('', '')
    """
    n = len(lines(source_name))
    if n <= 1:
        return "", ""
    for column, value in zip(
        SOURCE_COLUMNS[1:], (source_date, source_url, source_quote), strict=True
    ):
        got = len(lines(value))
        if got not in (0, n):
            noun = "line" if got == 1 else "lines"
            return (
                column,
                f"{got} {noun} for {n} sources (one line per source, in source_name order)",
            )
    return "", ""


def range_words(names: Any) -> str:
    """What a range's ends are, for a chart note, given the ``source_name`` cells of the
    rows drawn as ranges: one source's own range, or (a row of several sources) the
    lowest and highest of their estimates.

    >>> range_words(["AP"])
    'a range the source gives'
    >>> range_words(["AP\\nReuters"])
    'a range, the lowest and highest of the sources\u2019 estimates'
    """
    counts = {source_count(name) > 1 for name in names}
    if counts == {True}:
        return "a range, the lowest and highest of the sources\u2019 estimates"
    if True in counts:
        return (
            "a range the source gives or, where several sources report a gathering, "
            "the lowest and highest of their estimates"
        )
    return "a range the source gives"
