"""Textual's Footer, rebuilt only when the keys it shows change.

Stock, the footer removes and mounts all its keys again whenever the screen's bindings may
have changed, which Textual signals on every change of focus: each Tab from one text box to
the next in a form rebuilt the footer and laid the whole screen out again, although it
showed the very same keys. This one compares what it would show with what it shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

_Shown = tuple[tuple[str, str, str, bool, str, object], ...]


class SteadyFooter(Footer):
    """A Footer that ignores a bindings change leaving its keys as they are."""

    _shown: _Shown | None = None

    def _keys_to_show(self, screen: Screen[object]) -> _Shown:
        # Everything Footer.compose reads from the bindings (the palette key among them).
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip, binding.group)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = self._keys_to_show(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
