"""The JSON interchange format: meetings with their committee and people, so that
meetings move between machines and can be backed up. Versioned; documented in
``docs/interchange.md`` and ``docs/interchange.schema.json``.
"""

from clerk_tui.interchange.bundle import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Bundle,
    InterchangeError,
    bundle_to_json,
    read_bundle,
)

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "Bundle", "InterchangeError", "bundle_to_json", "read_bundle"]
