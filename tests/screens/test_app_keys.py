"""The app's keys (help, save, quit, search, import) work from every screen: a full screen
may bind one of them only to do the same thing. Dialogs are exempt: they are over a screen
and their own ctrl+s accepts them."""

import importlib
import inspect
import pkgutil

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

import clerk_tui.screens
from clerk_tui.app import ClerkApp


def _keys(bindings: list[BindingType]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for binding in bindings:
        key, action = (binding.key, binding.action) if isinstance(binding, Binding) else binding[:2]
        for one in key.split(","):
            keys[one.strip()] = action
    return keys


def _full_screens() -> list[type[Screen[object]]]:
    screens: list[type[Screen[object]]] = []
    for module_info in pkgutil.iter_modules(clerk_tui.screens.__path__):
        module = importlib.import_module(f"clerk_tui.screens.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            defined_here = cls.__module__ == module.__name__
            if defined_here and issubclass(cls, Screen) and not issubclass(cls, ModalScreen):
                screens.append(cls)
    return screens


def test_there_are_screens_to_check() -> None:
    names = {screen.__name__ for screen in _full_screens()}
    assert {"LiveMeetingScreen", "MinutesRecordScreen", "MeetingsScreen", "AgendaScreen"} <= names


def test_no_full_screen_takes_an_app_key_for_something_else() -> None:
    app_keys = _keys(ClerkApp.BINDINGS)
    shadowed = {
        (screen.__name__, key, action)
        for screen in _full_screens()
        for key, action in _keys(screen.BINDINGS).items()
        if key in app_keys and action.removeprefix("app.") != app_keys[key]
    }
    assert shadowed == set()
