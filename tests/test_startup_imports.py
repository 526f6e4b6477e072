"""Start-up loads what the first frame needs: the meetings screen, not the other screens,
the printers or the date parser; each screen is imported when it is first pushed."""

import subprocess
import sys


def loaded_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_the_app_loads_only_its_first_screen() -> None:
    loaded = loaded_after("import clerk_tui.cli, clerk_tui.app")
    screens = {name for name in loaded if name.startswith("clerk_tui.screens.")}
    assert screens == {"clerk_tui.screens.base", "clerk_tui.screens.meetings"}
    for later in ("clerk_tui.render", "clerk_tui.interchange", "clerk_tui.exporting", "dateutil"):
        assert later not in loaded, f"{later} is loaded before it is needed"
    assert {name for name in loaded if name.startswith("widgets.")} == {"widgets.lazy_table"}


def test_a_widget_is_still_found_by_its_package_name() -> None:
    loaded = loaded_after("from widgets import DateField, PersonPicker\nassert DateField.__name__")
    assert {"widgets.fields", "widgets.person_picker"} <= loaded
