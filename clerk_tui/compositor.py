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
  painted by a widget in front.

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
        reaches = Region(crop.x, crop.y, crop.width + 1, crop.height).overlaps
        left, right = crop.x, crop.right
        # Front to back, as Textual paints: the first strip to fill a fragment wins.
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            if not (shown and reaches(shown)):
                continue
            strips = widget.render_lines(shown.translate((-region.x, -region.y)))
            first_cut, last_cut = shown.column_span
            for y, strip in zip(shown.line_range, strips, strict=False):
                if not is_rendered_line(y):
                    continue
                line = chops[y]
                edges = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                if not _unpainted(line, edges, left, right):
                    continue
                pieces = strip.divide([cut - shown.x for cut in edges[1:]])
                for cut, piece in zip(edges, pieces, strict=False):
                    if line.get(cut) is None:
                        line[cut] = piece
        return chops  # type: ignore[return-value]  # every fragment is filled by the screen


def _unpainted(line: dict[int, Strip | None], edges: list[int], left: int, right: int) -> bool:
    """Whether a fragment between these edges, inside the update, is still unpainted."""
    return any(line[start] is None and start <= right and end > left for start, end in pairwise(edges))


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


def use_narrow_compositor(screen: Screen[Any]) -> None:
    """Give a new screen the narrow compositor, if Textual's is the one it was checked on."""
    if textual_layout() == CHECKED_LAYOUT:
        screen._compositor = NarrowCompositor()
