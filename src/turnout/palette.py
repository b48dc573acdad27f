"""The house colours, with no drawing library: Okabe-Ito hues and neutral inks, shared by the
charts' matplotlib style (:mod:`turnout.style`) and the embeds' theme
(:mod:`turnout.embeds.theme`).

>>> OKABE_ITO["blue"], PALETTE[0] == OKABE_ITO["blue"]
('#0072B2', True)
"""

from __future__ import annotations

#: Okabe-Ito colours (Okabe & Ito 2008, "Color Universal Design"), by name.
OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish green": "#009E73",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "sky blue": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
#: The colour cycle, in the order charts use it (yellow and black last: weak on white / heavy).
PALETTE: list[str] = list(OKABE_ITO.values())
#: Neutral greys for text, rules and "other" (greys are safe for every reader).
INK = "#222222"
INK_SOFT = "#555555"
GREY = "#999999"
GREY_LIGHT = "#E6E6E6"
