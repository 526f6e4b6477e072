"""Where the store lives unless the clerk says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENVIRONMENT_VARIABLE = "CLERK_STORE"


def default_store_path() -> Path:
    """``$CLERK_STORE`` if set, else ``<user data folder>/clerk/store``.

    Evaluated at call time (never at import), so tests and the CLI can set the
    variable first. The store gets a folder of its own inside the app's data folder,
    leaving room there for other things (logs, settings).
    """
    override = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("clerk", appauthor=False) / "store"
