"""What a draft row tells its reviewer: each guess the drafter made, in plain words."""

from __future__ import annotations

#: The note on a drafted row whose article names no source: the reporter adds the outlet
#: (a name is never made up; cleaning warns about a row without one).
NO_SOURCE = "no source named: add the outlet"


def estimates_note(sources: list[tuple[str, str]]) -> str:
    """Who gave which estimate, when a gathering has more than one.

    >>> estimates_note([("Hundreds", ""), ("about 700", "police")])
    "estimates joined: 'Hundreds' (the article); 'about 700' (police)"
    """
    if len(sources) < 2:
        return ""
    parts = [f"'{text}' ({who or 'the article'})" for text, who in sources]
    return "estimates joined: " + "; ".join(parts)


def shared_note(text: str, places: list[str]) -> str:
    """A quantity the sentence gives to several places at once.

    >>> shared_note("more than 100,000", ["Seattle", "Denver", "Portland"])
    "'more than 100,000' is given to Seattle, Denver and Portland together: check each"
    """
    names = ", ".join(places[:-1]) + " and " + places[-1] if len(places) > 1 else places[0]
    return f"'{text}' is given to {names} together: check each"


def join_notes(notes: list[str]) -> str:
    """Distinct notes in order, one sentence each, joined by "; ".

    >>> join_notes(["a", "b", "a", ""])
    'a; b'
    """
    return "; ".join(dict.fromkeys(n for n in notes if n))
