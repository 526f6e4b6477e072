"""Textual's compositor, made to paint a partial update from the widgets that reach it.

A key typed into a minute repaints the box alone, but Textual's compositor still takes every
widget whose clip touches the box's rows: the docked header and footer (whose clip is the
whole screen), the agenda and attendance panels beside the box, and each container around
it; it cuts each of their lines at every edge on the row, though none of them shows a cell
of the update. On the live meeting that doubled the strips cut per key and was most of what
a key cost over a bare text area.

``NarrowCompositor._render_chops`` paints the same cells, skipping the work no cell needs:
- a widget whose visible region misses the update (by one column more on the right, where
  Textual's update may still place the cursor) is not rendered at all;
- a line of a widget is not cut when every fragment of it inside the update is already
  painted by a widget in front, and a widget with no such line is not rendered (the
  containers around the box: the box covers them).

The output is byte for byte Textual's own (``tests/screens/test_compositor.py`` renders
each update both ways). It copies the loop of a private method of Textual 8.2.8 (the
version in ``constraints.txt``), so it is used only while Textual's compositor is that one:
the methods it stands in for, and the ones that read what it makes, start on the lines they
start on there (:data:`CHECKED_LAYOUT`). Any edit to Textual's compositor moves them, and
the screen keeps Textual's own. (Asking Textual its version reads its package metadata:
10 ms at start.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from itertools import pairwise
from typing import Any

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip

CHECKED_LAYOUT = {
    "Compositor._get_renders": 1031,
    "Compositor.render_full_update": 1140,
    "Compositor.render_partial_update": 1165,
    "Compositor._render_chops": 1200,
    "ChopsUpdate.__rich_console__": 186,
    "ChopsUpdate.render_segments": 235,
}
"""Where these methods start in Textual 8.2.8's ``_compositor.py``."""


class NarrowCompositor(Compositor):
    def _render_chops(
        self, crop: Region, is_rendered_line: Callable[[int], bool]
    ) -> Sequence[Mapping[int, Strip]]:
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        left, top, right, bottom = crop.x, crop.y, crop.right, crop.bottom
        # Front to back, as Textual paints: the first strip to fill a fragment wins.
        for widget, (region, clip) in self.visible_widgets.items():
            # Most widgets are elsewhere: told by plain comparisons (this runs once a key).
            if not (_reaches(region, left, top, right, bottom) and _reaches(clip, left, top, right, bottom)):
                continue
            shown = region.intersection(clip)
            if not (shown and _reaches(shown, left, top, right, bottom)):
                continue
            strips: list[Strip] | None = None  # rendered once a line of it shows
            first_cut, last_cut = shown.column_span
            for y in shown.line_range:
                if not is_rendered_line(y):
                    continue
                line = chops[y]
                edges = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                for start, end in pairwise(edges):
                    if line[start] is None and start <= right and end > left:
                        break  # a fragment inside the update still unpainted: cut this line
                else:
                    continue
                if strips is None:
                    strips = widget.render_lines(shown.translate((-region.x, -region.y)))
                if y - shown.y >= len(strips):
                    break  # a widget drew fewer lines than it has (Textual's loop stops there too)
                pieces = strips[y - shown.y].divide([cut - shown.x for cut in edges[1:]])
                for cut, piece in zip(edges, pieces, strict=False):
                    if line.get(cut) is None:
                        line[cut] = piece
        return chops  # type: ignore[return-value]  # every fragment is filled by the screen


def _reaches(region: Region, left: int, top: int, right: int, bottom: int) -> bool:
    """Whether the region overlaps the update's crop, or touches it on its right edge."""
    x, y, width, height = region
    return x <= right and x + width > left and y < bottom and y + height > top


def textual_layout() -> dict[str, int]:
    """Where the compositor methods this one depends on start in the Textual installed."""
    methods = (
        Compositor._get_renders,
        Compositor.render_full_update,
        Compositor.render_partial_update,
        Compositor._render_chops,
        ChopsUpdate.__rich_console__,
        ChopsUpdate.render_segments,
    )
    return {method.__qualname__: method.__code__.co_firstlineno for method in methods}


@cache
def _checked_on_this_textual() -> bool:
    return textual_layout() == CHECKED_LAYOUT


def use_narrow_compositor(screen: Screen[Any]) -> None:
    """Give a new screen the narrow compositor, if Textual's is the one it was checked on."""
    if _checked_on_this_textual():
        screen._compositor = NarrowCompositor()
