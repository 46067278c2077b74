"""The window's parts (gui/window/) are given what they use, typed, never the whole MainWindow:
each constructor parameter names its type, and no part imports the main window."""

import importlib
import inspect
import pkgutil


def _part_classes():
    """Imported when a test runs, never at collection (test_core_without_qt hides Qt)."""
    import ganstudio.gui.window as package

    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "__init__" in vars(cls):
                yield cls


def test_the_parts_are_found():
    names = {cls.__name__ for cls in _part_classes()}
    assert {"SessionPolicy", "FileCommands", "TrainingDisplay", "ScenarioChoice"} <= names


def test_every_constructor_parameter_is_typed_and_none_is_the_main_window():
    untyped, whole_window = {}, {}
    for cls in _part_classes():
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
        untyped[cls.__name__] = [p.name for p in parameters if p.annotation is inspect.Parameter.empty]
        whole_window[cls.__name__] = [p.name for p in parameters
                                      if "MainWindow" in str(p.annotation).replace("QMainWindow", "")]
    assert not any(untyped.values()), untyped
    assert not any(whole_window.values()), whole_window


def test_no_part_imports_the_main_window():
    from pathlib import Path

    import ganstudio.gui.window as package

    for path in Path(package.__path__[0]).glob("*.py"):
        assert "ganstudio.gui.main_window" not in path.read_text(encoding="utf-8"), path.name
