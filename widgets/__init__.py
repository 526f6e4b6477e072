"""Reusable Textual widgets for clerk. Widgets post messages up; they never touch the store."""

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
