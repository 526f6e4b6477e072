"""Form fields that read what the clerk types with the domain's own parsers, say at once
what is wrong, and keep the typed text whatever happens.

Each field is a labelled Input with a message line under it. The message shows either
the error (red) or, for dates and times, the value as it was understood ("Wed 12 Jun
2019"), so the clerk sees what will be saved before it is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Label

from clerk_tui.domain import DomainError, PageRange, parse_page_range
from clerk_tui.domain.dates import format_echo, format_time, parse_date, parse_time
from widgets.quiet_static import QuietStatic
from widgets.safe_input import SafeInput

T = TypeVar("T")


class ParserValidator(Validator):
    """A Textual validator around one of the domain's parsers; its message is the domain's."""

    def __init__(self, parse: Callable[[str], object], *, required: bool = False) -> None:
        super().__init__()
        self.parse = parse
        self.required = required

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.failure("This is needed.") if self.required else self.success()
        try:
            self.parse(value)
        except DomainError as error:
            return self.failure(error.message)
        return self.success()


def date_validator(today: Callable[[], date], required: bool = True) -> ParserValidator:
    return ParserValidator(lambda text: parse_date(text, today()), required=required)


def time_validator(required: bool = False) -> ParserValidator:
    return ParserValidator(parse_time, required=required)


def page_range_validator() -> ParserValidator:
    return ParserValidator(parse_page_range)


class FieldMessage(QuietStatic):
    """The line under a field: an error, or the value as understood (laid out again only
    when it changes: fields refresh it on every key)."""

    DEFAULT_CSS = """
    FieldMessage { height: auto; color: $text-muted; padding: 0 1; }
    FieldMessage.-error { color: $text-error; }
    FieldMessage.-empty { display: none; }
    """

    def show_error(self, message: str) -> None:
        self.set_classes("-error")
        self.update(message)

    def show_note(self, message: str) -> None:
        self.set_classes("-empty" if not message else "")
        self.update(message)


class TextField(Vertical, Generic[T]):
    """A label, an Input and a message line; ``value()`` gives the parsed value or raises."""

    DEFAULT_CSS = """
    TextField { height: auto; margin: 0 0 1 0; }
    TextField > Label { padding: 0 1; color: $text-accent; }
    """

    def __init__(
        self,
        label: str,
        *,
        value: str = "",
        placeholder: str = "",
        parse: Callable[[str], T] | None = None,
        echo: Callable[[T], str] | None = None,
        required: bool = False,
        field_id: str | None = None,
        suggester: Any = None,
    ) -> None:
        super().__init__(id=field_id)
        self.label = label
        self.parse = parse
        self.echo = echo
        self.required = required
        validators = [ParserValidator(parse, required=required)] if parse else []
        if not parse and required:
            validators = [ParserValidator(lambda text: text, required=True)]
        self.input = SafeInput(
            value,
            where=label,
            placeholder=placeholder,
            validators=validators,
            suggester=suggester,
            id=f"{field_id}-input" if field_id else None,
        )
        self.message = FieldMessage(classes="-empty")

    def compose(self) -> ComposeResult:
        yield Label(self.label)
        yield self.input
        yield self.message

    def on_mount(self) -> None:
        if self.input.value:
            self._refresh_message(self.input.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refresh_message(event.value)

    def _refresh_message(self, text: str) -> None:
        result = self.input.validate(text)
        if result is not None and not result.is_valid:
            self.message.show_error(" ".join(result.failure_descriptions))
            return
        if self.parse and self.echo and text.strip():
            self.message.show_note(self.echo(self.parse(text)))
        else:
            self.message.show_note("")

    @property
    def text(self) -> str:
        return self.input.value

    def value(self) -> T | None:
        """The parsed value (None when empty and not required); DomainError when invalid."""
        text = self.input.value
        if not text.strip():
            if self.required:
                raise DomainError(f"{self.label}: this is needed.", self.id or "")
            return None
        if self.parse is None:
            return text.strip()  # type: ignore[return-value]
        try:
            return self.parse(text)
        except DomainError as error:
            raise DomainError(f"{self.label}: {error.message}", self.id or "") from None

    def show_error(self, message: str) -> None:
        """Put a message from a failed save beside the field, keeping what was typed."""
        self.message.show_error(message)
        self.input.focus()


class DateField(TextField[date]):
    """A date typed as a UK clerk types it, echoed back as understood."""

    def __init__(
        self,
        label: str,
        today: Callable[[], date],
        *,
        value: str = "",
        required: bool = True,
        field_id: str | None = None,
    ) -> None:
        super().__init__(
            label,
            value=value,
            placeholder="12 June 2019 or 12/6/19",
            parse=lambda text: parse_date(text, today()),
            echo=format_echo,
            required=required,
            field_id=field_id,
        )


class TimeField(TextField[time]):
    def __init__(
        self, label: str, *, value: str = "", required: bool = False, field_id: str | None = None
    ) -> None:
        super().__init__(
            label,
            value=value,
            placeholder="6.30 pm",
            parse=parse_time,
            echo=lambda t: format_time(t),
            required=required,
            field_id=field_id,
        )


class PageRangeField(TextField[PageRange]):
    def __init__(self, label: str = "Pages", *, value: str = "", field_id: str | None = None) -> None:
        super().__init__(
            label,
            value=value,
            placeholder="13 - 26",
            parse=_pages,
            echo=lambda pages: pages.printed(),
            field_id=field_id,
        )


def _pages(text: str) -> PageRange:
    pages = parse_page_range(text)
    if pages is None:
        raise DomainError("Type a page range such as 13 - 26.")
    return pages
