"""The words for people harmed (shot, killed, arrested, hurt): one list, read five ways.

Each word (a regular-expression fragment: its forms) says where it tells of harm:

- ``scene``: a place named beside it is where a killing or an attack happened, no
  gathering's place ("the shootings in Atlanta"; :mod:`.places`);
- ``by``: a verb right before a count, whose object is the people harmed ("ICE kidnapped
  45 workers");
- ``passive``: a passive told after a count and an aside ("eight people, including six
  Asian women, were shot");
- ``outcome``: a word near a count that says what became of those people ("16 people
  were arrested", "who were arrested");
- ``left``: what a shooting "left" them ("left eight people ... dead").

The last four are :mod:`.quantities`' reasons "people arrested, hurt or killed".
"""

from __future__ import annotations

HARM: tuple[tuple[str, str], ...] = (
    (r"shot", "scene by passive outcome"),
    (r"shootings?", "scene by"),
    (r"killed", "scene passive outcome"),
    (r"killings?", "scene by"),
    (r"gunm[ae]n", "scene"),
    (r"murder(?:ed|s)?", "scene outcome"),
    (r"stabb\w*", "scene by passive"),
    (r"shov\w*", "scene by"),
    (r"dead", "scene outcome left"),
    (r"arraign\w*", "scene by passive outcome"),
    (r"kidnapp?ed", "by passive"),
    (r"abducted", "by"),
    (r"attacking", "by"),
    (r"assaulting", "by"),
    (r"beating", "by"),
    (r"beat", "by"),
    (r"detain\w*", "by passive outcome"),
    (r"deport\w*", "by outcome"),
    (r"arrest\w*", "passive outcome"),
    (r"injur\w*", "passive outcome left"),
    (r"wounded", "passive outcome left"),
    (r"hurt", "passive outcome left"),
    (r"apprehend\w*", "outcome"),
    (r"handcuff\w*", "outcome"),
    (r"cited", "outcome"),
    (r"charged", "outcome"),
    (r"jailed", "outcome"),
    (r"booked", "outcome"),
    (r"died", "outcome"),
    (r"deaths?", "outcome"),
    (r"hospitali[sz]ed", "outcome"),
    (r"treated", "outcome"),  # ("About 20 people were treated for heat")
    (r"taken", "outcome"),
    (r"bodies", "outcome"),
    (r"corpses", "outcome"),
)
ROLES = ("scene", "by", "passive", "outcome", "left")


def harm_words(role: str) -> str:
    """The words of ``role`` as one alternation for a regular expression.

    >>> harm_words("left")
    'dead|injur\\\\w*|wounded|hurt'
    """
    if role not in ROLES:
        raise ValueError(f"no such role of a harm word: {role!r}")
    return "|".join(word for word, roles in HARM if role in roles.split())
