"""Regular expressions compiled when first used, not at import: most of them only read
what the clerk types, and a command such as ``clerk export`` should not pay for them."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


def compiled_on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A getter of ``re.compile(pattern, flags)``, compiled at its first call and kept."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
