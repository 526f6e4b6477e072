"""Reusable Textual widgets for clerk. Widgets post messages up; they never touch the store.

The names below are imported when first asked for (``from widgets import TextField``), so
that importing one widget module (the meetings list's table, at start) does not load the
others and what they need (python-dateutil for the date fields).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from widgets.fields import (
        DateField,
        FieldMessage,
        PageRangeField,
        TextField,
        TimeField,
        date_validator,
        page_range_validator,
        time_validator,
    )
    from widgets.paragraph_picker import ParagraphPicker
    from widgets.person_picker import PersonPicker
    from widgets.safe_input import SafeInput, SafeTextArea, TextCleaned

_HOMES = {
    "DateField": "widgets.fields",
    "FieldMessage": "widgets.fields",
    "PageRangeField": "widgets.fields",
    "TextField": "widgets.fields",
    "TimeField": "widgets.fields",
    "date_validator": "widgets.fields",
    "page_range_validator": "widgets.fields",
    "time_validator": "widgets.fields",
    "ParagraphPicker": "widgets.paragraph_picker",
    "PersonPicker": "widgets.person_picker",
    "SafeInput": "widgets.safe_input",
    "SafeTextArea": "widgets.safe_input",
    "TextCleaned": "widgets.safe_input",
}

__all__ = [
    "DateField",
    "FieldMessage",
    "PageRangeField",
    "ParagraphPicker",
    "PersonPicker",
    "SafeInput",
    "SafeTextArea",
    "TextCleaned",
    "TextField",
    "TimeField",
    "date_validator",
    "page_range_validator",
    "time_validator",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'widgets' has no attribute {name!r}")
    return getattr(import_module(home), name)
