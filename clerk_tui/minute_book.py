"""Minute-book pages run on through a committee's municipal year (domain.md 2.1): the
first page of a meeting's minutes follows the last page of the year's earlier minutes,
printed the same way: as paginated text (``TextPages``, from the print options) or as
the PDF (``PDF_PAGES``, the minute book the Chair signs, which Word follows too).

Knowing how many pages a meeting printed means printing it (a PDF takes a second or two
a meeting), so each count is kept, on disk, and made again only when something it
depends on has changed: the meeting as stored (the store's revision of it), its first
minute number, the committee, the people, how the pages are counted (the format, and for
text the width, page length and public copy) and the code that prints (a digest of the
render and domain sources). A fresh ``clerk export`` process reads the counts of the
earlier meetings instead of loading and printing each of them.

Signed minutes carry the page they start on in their frozen copy: the count starts from
the latest signed set of the year (its first page and its own pages), so the meetings
before it are never looked at, and a member renamed since cannot move a page number.

The counts live in the user's cache folder (``$CLERK_CACHE`` moves it), outside the
store, so a read-only store is never written: one small JSON file per committee and
municipal year, holding numbers and digests only (never a word of the minutes), written
atomically with mode 0600. A damaged or missing file only makes a print slower.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_tui import __version__
from clerk_tui.domain import Committee, DomainError, HouseStyle, Meeting, MeetingSummary, Person
from clerk_tui.domain.approval import frozen_copy
from clerk_tui.domain.codec import to_document
from clerk_tui.domain.dates import format_long_date
from clerk_tui.domain.numbering import first_minute_numbers, municipal_year
from clerk_tui.domain.summary import RecordState
from clerk_tui.render import Document, MeetingPapers, PrintOptions, build_minutes, count_pages, public_papers
from clerk_tui.render.frozen import FrozenModelError, thaw

if TYPE_CHECKING:
    from store import Store

CACHE_VARIABLE = "CLERK_CACHE"
SHELF_FORMAT = 1
BASES_KEPT = 8
"""Option sets (and committee or people versions) remembered per year: public and
confidential copies at a few widths, without one pushing the other out."""


@dataclass(frozen=True)
class TextPages:
    """Pages of the paginated text, as ``clerk export --paginate`` prints them."""

    width: int
    page_length: int
    public: bool = False

    @classmethod
    def of(cls, options: PrintOptions) -> TextPages:
        return cls(options.width, options.page_length, options.public)

    @property
    def key(self) -> str:
        return f"width={self.width} lines={self.page_length} public={self.public}"

    def count(self, document: Document, signed_pages: int = 0) -> int:
        return count_pages(document, self.width, self.page_length)


@dataclass(frozen=True)
class PdfPages:
    """Pages of the minutes' PDF, signature block included: the minute book itself. Its
    page numbers are the same in the full and the public copy, so the full copy is counted."""

    public: bool = False

    @property
    def key(self) -> str:
        return "pdf"

    def count(self, document: Document, signed_pages: int = 0) -> int:
        return signed_pages or pdf_page_count(document)


PDF_PAGES = PdfPages()
PageCount = TextPages | PdfPages


def pdf_page_count(document: Document) -> int:
    """Pages of the minutes' PDF as printed, signature block included (loads fpdf2)."""
    from clerk_tui.render.layout import PaperOptions, SignatureLine
    from clerk_tui.render.pdf import count_pdf_pages

    return count_pdf_pages(document, PaperOptions(signature=SignatureLine()))


def cache_folder() -> Path:
    """``$CLERK_CACHE`` if set, else ``<user cache folder>/clerk/minute-book`` (read at call time)."""
    override = os.environ.get(CACHE_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs  # here: a print that needs no page counts never looks for the cache

    return platformdirs.user_cache_path("clerk", appauthor=False) / "minute-book"


def first_page(
    store: Store, meeting: Meeting, counting: PrintOptions | PageCount, folder: Path | None = None
) -> int:
    """The minute-book page the meeting's minutes start on, pages counted as ``counting``
    says (print options: their paginated text)."""
    pages_of = TextPages.of(counting) if isinstance(counting, PrintOptions) else counting
    committee = store.committee(meeting.committee_id)
    style = committee.style
    year = municipal_year(meeting.date, style)
    same_year = summaries_of_year(store, meeting.committee_id, style, year)
    earlier = [s for s in same_year if (s.date, s.id) < (meeting.date, meeting.id) and s.minute_count]
    if not earlier:
        return 1
    page = 1
    signed = [index for index, s in enumerate(earlier) if s.record_state == RecordState.SIGNED]
    firsts = first_minute_numbers(same_year, style)  # numbers start again each year
    people = {person.id: person for person in store.people()}
    basis = _basis(committee, people.values(), pages_of)
    shelf = _Shelf.read((folder or cache_folder()) / _shelf_name(store.root, committee.id, year))
    if signed:  # the latest signed set: its frozen first page, and its own pages
        anchor = earlier[signed[-1]]
        revision = store.meeting_revision(anchor.id)
        frozen, signed_pages = signed_copy(store.meeting(anchor.id), pages_of.public)
        pages = shelf.pages(basis, anchor.id, revision, frozen.first_page)
        if pages is None:
            pages = pages_of.count(frozen, signed_pages)
            shelf.keep(basis, anchor.id, revision, frozen.first_page, pages)
        page = frozen.first_page + pages
        earlier = earlier[signed[-1] + 1 :]
    for summary in earlier:
        revision = store.meeting_revision(summary.id)  # before the load: a later save is a miss
        pages = shelf.pages(basis, summary.id, revision, firsts[summary.id])
        if pages is None:
            papers = MeetingPapers(
                store.meeting(summary.id), committee, people, first_minute_number=firsts[summary.id]
            )
            if pages_of.public:
                papers = public_papers(papers)
            pages = pages_of.count(build_minutes(papers))
            shelf.keep(basis, summary.id, revision, firsts[summary.id], pages)
        page += pages
    shelf.write()
    return page


def signed_copy(meeting: Meeting, public: bool = False) -> tuple[Document, int]:
    """The frozen document of signed minutes (the public copy if asked: see
    ``approval.frozen_copy``), and the PDF pages counted when they were signed (0 if not
    counted). DomainError if they are not signed, or their copy does not read back."""
    held = format_long_date(meeting.date)
    copy = frozen_copy(meeting, public)
    if copy is None:
        raise DomainError(f"The minutes of the meeting held on {held} are not signed.", "record")
    try:
        return thaw(copy.model), meeting.record.signature.pages if meeting.record.signature else 0
    except FrozenModelError as error:
        raise DomainError(
            f"The signed copy of the minutes of {held} is damaged: {error}. Run `clerk verify`, and "
            "restore the meeting from a backup.",
            "record",
        ) from None


def summaries_of_year(store: Store, committee_id: str, style: HouseStyle, year: int) -> list[MeetingSummary]:
    """The committee's meetings of one municipal year, by date (read from the index)."""
    return [s for s in store.meeting_summaries(committee_id) if municipal_year(s.date, style) == year]


def _basis(committee: Committee, people: Iterable[Person], pages_of: PageCount) -> str:
    """Everything but the meeting itself that decides how many pages it prints."""
    import hashlib  # here and below: only page counts need digests, not every print

    documents = [to_document(committee), sorted((to_document(p) for p in people), key=lambda d: d["id"])]
    digest = hashlib.blake2b(digest_size=16)
    digest.update(_code_digest().encode())
    digest.update(json.dumps(documents, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    digest.update(pages_of.key.encode())
    return digest.hexdigest()


@functools.cache
def _code_digest() -> str:
    """The printing code itself: a changed layout rule must not reuse old counts."""
    import hashlib

    import clerk_tui.domain
    import clerk_tui.render

    digest = hashlib.blake2b(digest_size=16)
    try:
        for package in (clerk_tui.render, clerk_tui.domain):
            for path in sorted(Path(str(package.__file__)).parent.glob("*.py")):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    except OSError:
        return f"clerk {__version__}"
    return digest.hexdigest()


def _shelf_name(root: Path, committee_id: str, year: int) -> str:
    import hashlib

    key = f"{root}\0{committee_id}\0{year}".encode("utf-8", "surrogatepass")
    return f"{hashlib.blake2b(key, digest_size=16).hexdigest()}.json"


@dataclass
class _Shelf:
    """One committee's counts for one municipal year: basis -> meeting -> its one count."""

    path: Path
    bases: dict[str, dict[str, Any]] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def read(cls, path: Path) -> _Shelf:
        try:
            document = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(document, dict) or document.get("format") != SHELF_FORMAT:
            return cls(path)
        bases = document.get("bases")
        return cls(path, bases if isinstance(bases, dict) else {})

    def pages(self, basis: str, meeting_id: str, revision: str, first_number: int) -> int | None:
        entry = self.bases.get(basis, {}).get("meetings", {}).get(meeting_id)
        if isinstance(entry, list) and len(entry) == 3 and entry[:2] == [revision, first_number]:
            pages = entry[2]
            if isinstance(pages, int) and not isinstance(pages, bool) and pages > 0:
                return pages
        return None

    def keep(self, basis: str, meeting_id: str, revision: str, first_number: int, pages: int) -> None:
        shelf = self.bases.get(basis)
        if not isinstance(shelf, dict) or not isinstance(shelf.get("meetings"), dict):
            shelf = self.bases[basis] = {"meetings": {}}
        shelf["meetings"][meeting_id] = [revision, first_number, pages]
        shelf["used"] = 1 + max(_used(other) for other in self.bases.values())
        self.changed = True

    def write(self) -> None:
        """Keep the counts for next time; a cache that cannot be written is no failure."""
        if not self.changed:
            return
        from store.files import atomic_write, make_private_dir

        kept = sorted(self.bases, key=lambda basis: _used(self.bases[basis]), reverse=True)[:BASES_KEPT]
        document = {"format": SHELF_FORMAT, "bases": {basis: self.bases[basis] for basis in kept}}
        with contextlib.suppress(OSError):
            make_private_dir(self.path.parent)
            atomic_write(self.path, json.dumps(document, separators=(",", ":")).encode())
        self.changed = False


def _used(shelf: object) -> int:
    """When a basis was last added to (a counter), for keeping the latest few."""
    used = shelf.get("used", 0) if isinstance(shelf, dict) else 0
    return used if isinstance(used, int) else 0
