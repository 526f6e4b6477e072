"""A Static that is laid out again only when its text changes.

``Static.update`` asks for a relayout of the whole screen every time it is called, even with
the text it already shows. Forms that refresh their notes and samples on every key would
then arrange every widget on the screen per key; this one ignores an update that changes
nothing."""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


class QuietStatic(Static):
    """A Static whose ``update`` with the content it already shows does nothing."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if isinstance(content, str) and isinstance(self.content, str) and content == self.content:
            return
        super().update(content, layout=layout)
