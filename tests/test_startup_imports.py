"""Start-up loads what the first frame needs: the meetings screen, not the other screens,
the printers or the date parser; each screen is imported when it is first pushed."""

import subprocess
import sys
from pathlib import Path


def loaded_after(statement: str, loaded: str = "sys.modules") -> set[str]:
    """The modules loaded once ``statement`` has run (or those it kept in ``loaded``)."""
    code = f"import sys\n{statement}\nprint(' '.join(sorted({loaded})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_the_app_loads_only_its_first_screen() -> None:
    loaded = loaded_after("import clerk_tui.cli, clerk_tui.app")
    screens = {name for name in loaded if name.startswith("clerk_tui.screens.")}
    assert screens == {"clerk_tui.screens.base", "clerk_tui.screens.meetings"}
    for later in ("clerk_tui.render", "clerk_tui.interchange", "clerk_tui.exporting", "dateutil"):
        assert later not in loaded, f"{later} is loaded before it is needed"
    assert {name for name in loaded if name.startswith("widgets.")} == {
        "widgets.lazy_table",
        "widgets.steady_footer",
        "widgets.steady_header",
    }


def test_reading_the_command_line_that_opens_the_app_builds_no_sub_command() -> None:
    """Each sub-command's parser costs its building, and text import's options their module."""
    code = "from clerk_tui.cli import parser_for\nargv = ['--store', '/tmp/x']\n"
    code += "assert parser_for(argv).parse_args(argv).command is None"
    assert "clerk_tui.cli_reading" not in loaded_after(code)


def test_opening_a_store_and_listing_its_meetings_loads_no_meeting_nor_rules_of_a_record(
    tmp_path: Path,
) -> None:
    """The first frame shows summaries: the meeting and its parts (agenda items, attendance,
    minutes, motions, the record) wait for a meeting to be opened; what refuses a change to
    signed or circulated minutes (and the date wording and text cleaning it brings) waits
    for a save. Checked on the app itself, started on the demo store until its list shows."""
    store = tmp_path / "store"
    made = subprocess.run(
        [sys.executable, "-m", "clerk_tui", "--store", str(store), "init", "--demo"], check=False
    )
    assert made.returncode == 0
    code = "\n".join(
        [
            "import asyncio",
            "from clerk_tui.app import ClerkApp",
            "from store import Store",
            "async def listed(store):",
            "    app = ClerkApp(store)",
            "    async with app.run_test(size=(120, 40)) as pilot:",
            "        while not app.screen.query_one('#meetings').row_count:",
            "            await pilot.pause(0.01)",
            "        return set(sys.modules)  # at the first frame: what comes after it may load more",
            f"with Store.open({str(store)!r}, auto_backup=False) as s:",
            "    s.start_background = lambda: None  # the backup, started after the first frame, reads them",
            "    at_first_frame = asyncio.run(listed(s))",
        ]
    )
    loaded = loaded_after(code, "at_first_frame")
    assert "clerk_tui.domain.summary" in loaded  # the summaries were read
    later = {
        "clerk_tui.domain.meeting",
        "clerk_tui.domain.minutes",
        "clerk_tui.domain.attendance",
        "clerk_tui.domain.record",
        "clerk_tui.domain.approval",
        "clerk_tui.domain.dates",
        "calendar",
    }
    assert loaded & later == set()


def test_a_widget_is_still_found_by_its_package_name() -> None:
    loaded = loaded_after("from widgets import DateField, PersonPicker\nassert DateField.__name__")
    assert {"widgets.fields", "widgets.person_picker"} <= loaded


def test_printing_minutes_loads_neither_the_interface_nor_the_generic_converter_nor_the_scheduler(
    tmp_path: Path,
) -> None:
    """`clerk export minutes` is a short process: what it imports is most of its time."""
    store, paper = tmp_path / "store", tmp_path / "minutes.txt"
    made = subprocess.run(
        [sys.executable, "-m", "clerk_tui", "--store", str(store), "init", "--demo"], check=False
    )
    assert made.returncode == 0
    export = ["--store", str(store), "export", "minutes", "hwb-2019-09-11", "--paginate", "-o", str(paper)]
    loaded = loaded_after(f"from clerk_tui.cli import main\nassert main({export!r}) == 0")
    assert "HEALTH AND WELLBEING BOARD" in paper.read_text(encoding="utf-8")
    heavy = {name.split(".")[0] for name in loaded} & {"textual", "rich", "cattrs", "dateutil"}
    assert heavy == set()
    assert loaded & NOT_FOR_PRINTING == set()


NOT_FOR_PRINTING = {
    "clerk_tui.domain.live",  # the live meeting's rules, its undo history, motions and votes
    "clerk_tui.domain.undo",
    "clerk_tui.domain.votes",
    "clerk_tui.render.votes",  # only for minutes that hold motions
    "clerk_tui.interchange",  # JSON files, for `clerk export meeting` and `clerk import`
    "clerk_tui.interchange.bundle",
    "difflib",  # comparing circulated revisions
    "clerk_tui.cli_reading",  # `clerk import` of text and `clerk search`: their parsers and handlers
    "clerk_tui.domain.phrases",  # the live screen's phrase library (printing needs domain.statutory)
    "clerk_tui.domain.planning",
    "store.outcomes",  # what a check, a restore or an import returns
}


def test_printing_minutes_to_the_terminal_loads_no_more_than_printing_needs(tmp_path: Path) -> None:
    """No page counts, no file written: neither the cache's folder finder, nor digests, nor
    the temporary files of an atomic write, nor what argparse's help would load (shutil and
    with it the compression modules)."""
    store = tmp_path / "store"
    made = subprocess.run(
        [sys.executable, "-m", "clerk_tui", "--store", str(store), "init", "--demo"], check=False
    )
    assert made.returncode == 0
    export = ["--store", str(store), "export", "minutes", "hwb-2019-09-11"]
    code = "import io, contextlib\nout = io.StringIO()\nfrom clerk_tui.cli import main\n"
    code += f"with contextlib.redirect_stdout(out):\n    assert main({export!r}) == 0\n"
    code += "assert 'HEALTH AND WELLBEING BOARD' in out.getvalue()"
    loaded = loaded_after(code)
    later = {"platformdirs", "hashlib", "tempfile", "shutil", "lzma", "bz2"}
    assert loaded & (NOT_FOR_PRINTING | later) == set()


def test_the_domain_package_loads_a_name_s_module_only_when_the_name_is_asked_for() -> None:
    """``clerk_tui.domain`` names every class of the domain, but loads each module on the first
    use of one of its names (PEP 562): a meeting's printer never loads the live meeting's rules."""
    loaded = loaded_after("import clerk_tui.domain")
    assert {name for name in loaded if name.startswith("clerk_tui.domain.")} == set()
    loaded = loaded_after("from clerk_tui.domain import Venue, DomainError")
    assert {name for name in loaded if name.startswith("clerk_tui.domain.")} == {
        "clerk_tui.domain.venue",
        "clerk_tui.domain.errors",
    }


def test_every_name_of_the_domain_package_is_its_module_s_own() -> None:
    import importlib

    import clerk_tui.domain as domain

    for name in domain.__all__:
        module = importlib.import_module(f"clerk_tui.domain.{domain._MODULE_OF[name]}")
        assert getattr(domain, name) is getattr(module, name), name
    assert set(domain._MODULE_OF) == set(domain.__all__)
    assert set(domain.__all__) <= set(dir(domain))
