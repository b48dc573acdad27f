"""The map embed's shapes (turnout.embeds.map_shapes): the frame's outlines drawn as short
relative SVG paths, and one dot per place, rounded to whole view units."""

from __future__ import annotations

import re

from turnout.embeds.map_shapes import dots_path, frame


def _absolute(path: str) -> list[tuple[int, int]]:
    """The points of a dots path, undone from its relative moves."""
    points, at = [], None
    for cmd, x, y in re.findall(r"([Mm])(-?\d+)(?: ?(-?\d+))h0", path):
        step = (int(x), int(y))
        at = step if cmd == "M" else (at[0] + step[0], at[1] + step[1])
        points.append(at)
    return points


def test_dots_come_back_where_they_were_put_rounded():
    points = [(10.4, 20.6), (3.0, 25.2), (3.2, 25.1), (100.5, -4.0)]
    path = dots_path(points)
    assert path.startswith("M10 21h0m-7 4h0")
    assert _absolute(path) == [(round(x), round(y)) for x, y in points]


def test_no_places_no_path():
    assert dots_path([]) == ""


def test_the_frame_is_its_outlines_once_and_every_ring_a_closed_shape():
    f = frame()
    assert frame() is f  # computed once per process
    assert (
        f.outline.count("M") == f.outline.count("z") == len(f.rings) > 50
    )  # states, DC, Puerto Rico
    assert f.height > 0 and all(len(ring) >= 3 for ring in f.rings)
    for ring in f.rings:
        assert ring[:, 0].min() >= 0 and ring[:, 0].max() <= f.width
        assert ring[:, 1].min() >= 0 and ring[:, 1].max() <= f.height
