"""Geography for turnout's maps: bundled state outlines and an equal-area US projection.

- :mod:`turnout.geo.albers`: the Albers equal-area conic and the composite that puts
  Alaska, Hawaii and Puerto Rico in insets (:func:`project`, :func:`part_of`).
- :mod:`turnout.geo.states`: the outlines shipped in ``turnout/data`` (no download),
  :func:`state_at` and :func:`in_state` for point-in-state tests.

The map shows the 50 states, the District of Columbia and Puerto Rico
(:data:`MAPPED`); anything else is left off by the chart, which says how many.

>>> from turnout import geo
>>> x, y = geo.project([-93.265], [44.978], "MN")
>>> geo.state_at([-93.265], [44.978]).tolist()
['MN']
"""

from turnout.geo.albers import INSETS, MAPPED, Part, albers, part_of, project
from turnout.geo.states import (
    State,
    boundary_metadata,
    in_state,
    load_states,
    projected_outlines,
    state_at,
)

__all__ = [
    "INSETS",
    "MAPPED",
    "Part",
    "State",
    "albers",
    "boundary_metadata",
    "in_state",
    "load_states",
    "part_of",
    "project",
    "projected_outlines",
    "state_at",
]
