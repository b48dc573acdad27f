"""The house colours and chart width, with no drawing library: Okabe-Ito hues, neutral inks
and the 6.4 in figure, shared by the charts' matplotlib style (:mod:`turnout.style`) and
the embeds (:mod:`turnout.embeds.theme`, the map embed's circle sizes).

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
#: Every chart's width in inches: 640 px at 100 dpi, a phone-to-desktop article column.
WIDTH = 6.4
