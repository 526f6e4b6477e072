"""A house-style form built from data: one control per setting description
(``render.style_samples.SETTINGS``), each with a live sample of what the papers print."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, Switch, TextArea

from clerk_tui.domain import DomainError, HouseStyle
from clerk_tui.render.style_samples import Control, Setting
from widgets.fields import FieldMessage, TextField
from widgets.quiet_static import QuietStatic


def control_id(setting: Setting) -> str:
    return f"style-{setting.name.replace('_', '-')}"


class StyleSettings(Vertical):
    """The settings, each a control, its help and its sample; ``read`` gives the style."""

    DEFAULT_CSS = """
    StyleSettings { height: auto; }
    StyleSettings .style-setting { height: auto; margin: 0 0 1 0; }
    StyleSettings .style-sample { color: $text-muted; padding: 0 1; }
    StyleSettings .style-help { padding: 0 1; }
    StyleSettings TextArea { height: 6; }
    """

    def __init__(self, settings: Sequence[Setting], style: HouseStyle, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.settings = tuple(settings)
        self.style = style
        self._controls: dict[str, Widget] = {}
        self._samples: list[Static] = []

    def compose(self) -> ComposeResult:
        for setting in self.settings:
            with Vertical(classes="style-setting"):
                yield from self._control(setting)
                yield Static(setting.help, classes="style-help", markup=False)
                yield QuietStatic(setting.sample(self.style), classes="style-sample", markup=False)

    def on_mount(self) -> None:
        # Fixed once composed: looked up once, not on every key.
        self._controls = {setting.name: self._find_control(setting) for setting in self.settings}
        self._samples = list(self.query(".style-sample").results(Static))

    def _control(self, setting: Setting) -> ComposeResult:
        value = setting.value_of(self.style)
        widget_id = control_id(setting)
        if setting.control == Control.CHOICE:
            yield Label(setting.label, classes="committee-label")
            yield Select(list(setting.choices), value=value, allow_blank=False, compact=True, id=widget_id)
            yield FieldMessage(classes="-empty")
        elif setting.control == Control.SWITCH:
            yield Horizontal(Switch(value, id=widget_id), Label(setting.label), classes="committee-switch")
            yield FieldMessage(classes="-empty")
        elif setting.name == "bullet_markers":
            yield TextField(setting.label, value=" ".join(value), field_id=widget_id)
        elif setting.control == Control.LINES:
            yield Label(setting.label, classes="committee-label")
            yield TextArea("\n".join(value), id=widget_id, soft_wrap=True)
            yield FieldMessage(classes="-empty")
        else:
            yield TextField(setting.label, value=str(value), field_id=widget_id)

    def _typed(self, setting: Setting) -> Any:
        found = self._control_of(setting)
        if isinstance(found, Select | Switch):
            return found.value
        if isinstance(found, TextArea):
            return [line.strip() for line in found.text.split("\n") if line.strip()]
        assert isinstance(found, TextField)
        if setting.name == "bullet_markers":
            return found.text.split()
        return found.text

    def _control_of(self, setting: Setting) -> Widget:
        if setting.name in self._controls:
            return self._controls[setting.name]
        return self._find_control(setting)

    def _find_control(self, setting: Setting) -> Widget:
        return self.query_one(f"#{control_id(setting)}")

    def read(self, style: HouseStyle) -> HouseStyle:
        """``style`` with every setting as typed; DomainError naming the field if refused."""
        for setting in self.settings:
            style = setting.with_value(style, self._typed(setting))
        return style

    def state(self) -> tuple[object, ...]:
        """What is typed, for the screen's "changed since applied" (text areas included)."""
        controls = [self._control_of(setting) for setting in self.settings]
        return tuple(control.text for control in controls if isinstance(control, TextArea))

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Switch.Changed)
    @on(TextArea.Changed)
    def _refresh_samples(self) -> None:
        """Each sample printed again with the settings as typed; a wording the printer cannot
        fill says why under its sample instead."""
        style = self.style
        problems: dict[str, str] = {}
        for setting in self.settings:
            try:
                style = setting.with_value(style, self._typed(setting))
            except DomainError as error:
                problems[setting.name] = error.message
        samples = self._samples or list(self.query(".style-sample").results(Static))
        for setting, sample in zip(self.settings, samples, strict=True):
            sample.update(problems.get(setting.name) or setting.sample(style))
