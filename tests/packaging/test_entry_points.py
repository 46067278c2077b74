"""The installed commands: `ganstudio` (console) and `ganstudio-gui` (the window, no console)."""

from importlib.metadata import entry_points

from ganstudio import launcher as cli_main


def _entry(group: str, name: str):
    found = [e for e in entry_points(group=group) if e.name == name]
    assert len(found) == 1, f"{name} is not installed as a {group} entry point"
    return found[0]


def test_the_console_and_the_window_commands_are_installed():
    assert _entry("console_scripts", "ganstudio").load() is cli_main.main
    assert _entry("gui_scripts", "ganstudio-gui").load() is cli_main.window


def test_the_window_command_opens_nothing_but_the_window(monkeypatch):
    seen = []
    monkeypatch.setattr(cli_main, "main", lambda argv=None: seen.append(argv) or 0)
    assert cli_main.window() == 0 and seen == [[]]   # no arguments: the window, whatever argv says
