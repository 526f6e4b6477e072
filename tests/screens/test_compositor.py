"""The narrow compositor paints exactly what Textual's paints: every update the app draws
while a clerk takes minutes (keys in both boxes, a dialog over the screen and back, the
attendance panel, a resize) is rendered both ways and the terminal bytes compared."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from textual._compositor import Compositor, CompositorUpdate

from clerk_tui.app import ClerkApp
from clerk_tui.compositor import CHECKED_LAYOUT, NarrowCompositor, textual_layout
from store import Store
from tests.screens.conftest import make_app, settle
from tests.screens.test_live_typing import live_on_first_item


class Compared:
    def __init__(self) -> None:
        self.partial = 0
        self.full = 0
        self.differing: list[str] = []


def textual_own(compositor: Compositor, render: str, **options: bool) -> CompositorUpdate | None:
    """The same update rendered by Textual's own compositor, on the same widgets."""
    compositor.__class__ = Compositor
    try:
        update: CompositorUpdate | None = getattr(compositor, render)(**options)
        return update
    finally:
        compositor.__class__ = NarrowCompositor


@contextmanager
def compared_updates(app: ClerkApp, monkeypatch: pytest.MonkeyPatch) -> Iterator[Compared]:
    compared = Compared()
    partial, full = Compositor.render_partial_update, Compositor.render_full_update

    def check(ours: CompositorUpdate | None, theirs: CompositorUpdate | None, kind: str) -> None:
        mine = ours.render_segments(app.console) if ours is not None else None
        textual = theirs.render_segments(app.console) if theirs is not None else None
        if mine != textual:
            compared.differing.append(f"{kind}: {mine!r} != {textual!r}")

    def checked_partial(self: NarrowCompositor) -> Any:
        dirty = set(self._dirty_regions)
        theirs = textual_own(self, "render_partial_update")
        self._dirty_regions.update(dirty)
        ours = partial(self)
        compared.partial += ours is not None
        check(ours, theirs, "partial")
        return ours

    def checked_full(self: NarrowCompositor, simplify: bool = False) -> Any:
        theirs = textual_own(self, "render_full_update", simplify=simplify)
        ours = full(self, simplify=simplify)
        compared.full += 1
        check(ours, theirs, "full")
        return ours

    monkeypatch.setattr(NarrowCompositor, "render_partial_update", checked_partial)
    monkeypatch.setattr(NarrowCompositor, "render_full_update", checked_full)
    yield compared


def test_the_narrow_compositor_is_used_with_the_textual_it_was_checked_on() -> None:
    assert textual_layout() == CHECKED_LAYOUT, "Textual's compositor changed: check NarrowCompositor again"


@pytest.mark.parametrize("size", [(110, 36), (80, 24)])
async def test_every_update_of_minute_taking_is_painted_as_textual_paints_it(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        screen = await live_on_first_item(app, pilot, demo_store)
        assert type(screen._compositor) is NarrowCompositor
        with compared_updates(app, monkeypatch) as compared:
            for key in "Members asked about the budget.":
                await pilot.press(key)
            await pilot.press("tab", *"the report be noted")  # the resolution
            await pilot.press("f1")  # every key, in a dialog over the screen
            await settle(app, pilot)
            await pilot.press("escape")
            await pilot.press("ctrl+p", *"attendance")  # the palette, over the screen
            await settle(app, pilot)
            await pilot.press("escape")
            await pilot.resize_terminal(size[0] + 10, size[1] + 4)
            await settle(app, pilot)
            await pilot.press(*" and the officer replied.")
            await settle(app, pilot)
            app.export_screenshot()  # a snapshot's picture: a full update, simplified
        assert compared.differing == []
        assert compared.partial > 40, "each key was drawn as a partial update"
        assert compared.full > 1, "the resize and the picture drew the whole screen"
