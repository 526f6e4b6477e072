"""What every clerk screen shares: typed access to the app's services (store, saver, clock),
through ``ClerkServices``: no screen imports the app."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, on
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from clerk_tui.compositor import use_narrow_compositor
from clerk_tui.domain import DomainError

if TYPE_CHECKING:
    from clerk_tui.services import ClerkServices
    from store import Store

NARROW_BELOW = 100
"""Columns below which a screen lays out for an 80-column terminal (the app's ``-narrow``)."""


def preselected_committee(committees: Mapping[str, object], wanted: str | None) -> str | None:
    """The committee a dialog starts on: the one the list was showing, or the only one."""
    if wanted in committees:
        return wanted
    if len(committees) == 1:
        return next(iter(committees))
    return None


class ClerkMixin:
    """Typed helpers; mixed into Screen and ModalScreen subclasses."""

    app: Any

    @property
    def clerk(self) -> ClerkServices:
        return cast("ClerkServices", self.app)

    def enter_moves_on(self) -> None:
        """Enter in each of this form's text boxes goes on to the next at once, as Tab does
        (a Submitted handler moving the focus acts after keys typed fast behind the enter
        have gone into the box it left)."""
        from widgets.safe_input import SafeInput  # not at start: only forms have text boxes

        assert isinstance(self, Screen)
        for box in self.query(SafeInput):
            box.enter_moves_focus = True

    @property
    def store(self) -> Store:
        return self.clerk.store

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dim what a read-only store refuses (the app refuses it, whichever door is used)."""
        from clerk_tui.read_only import refused

        store = getattr(self.app, "store", None)  # a dialog may be tried out in a bare app
        if store is not None and store.read_only and refused(self, action) is not None:
            return None
        return True

    def report(self, error: Exception, title: str = "Not saved") -> None:
        """Tell the clerk what went wrong, in one line, without a traceback."""
        message = error.message if isinstance(error, DomainError) else str(error)
        self.clerk.notify(message, title=title, severity="error", timeout=12)


class ClerkScreen(ClerkMixin, Screen[None]):
    PALETTE_GROUP = ""
    HELP_TITLE = ""
    HELP_TEXT = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_narrow_compositor(self)  # a key repaints the box without cutting up its neighbours

    @on(events.ScreenResume)
    def _header_catches_up(self) -> None:
        from widgets.steady_header import SteadyHeader

        for header in self.query(SteadyHeader):
            header.catch_up()  # the sub-title changed while another screen hid this one


class ClerkModal(ClerkMixin, ModalScreen[Any]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help", tooltip="Every key of this dialog.", id="modal.help"),
    ]
    PALETTE_GROUP = ""
    HELP_TITLE = ""
    HELP_TEXT = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_narrow_compositor(self)
