"""Pick the Schedule 12A paragraphs that make an item exempt, seeing what each means."""

from __future__ import annotations

from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from clerk_tui.domain import SCHEDULE_12A


class ParagraphPicker(SelectionList[int]):
    DEFAULT_CSS = """
    ParagraphPicker { height: auto; max-height: 16; }
    """

    def __init__(self, selected: list[int] | None = None, *, id: str | None = None) -> None:  # noqa: A002
        chosen = set(selected or [])
        super().__init__(
            *(
                Selection(f"{number}. {meaning}", number, number in chosen)
                for number, meaning in SCHEDULE_12A.items()
            ),
            id=id,
        )

    @property
    def paragraphs(self) -> list[int]:
        return sorted(self.selected)
