"""ganstudio.core must import and train with Qt and pyqtgraph unavailable."""

import subprocess
import sys
import textwrap

from support.commands import checkout_env


def test_core_imports_and_trains_with_qt_unimportable():
    script = textwrap.dedent("""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6"):
                    raise ImportError("Qt is blocked in this test: " + name)
        sys.meta_path.insert(0, Block())
        import pkgutil, importlib, ganstudio.core
        for mod in pkgutil.walk_packages(ganstudio.core.__path__, "ganstudio.core."):
            importlib.import_module(mod.name)
        from ganstudio.core.config.overrides import with_overrides
        from ganstudio.core.config.presets import get_preset
        from ganstudio.core.data import load_bundled
        from ganstudio.core.training.session import TrainingSession
        session = TrainingSession(with_overrides(get_preset("fast"), {"iterations": 3}), load_bundled("train"))
        last = list(session.run())[-1]
        assert last.finished and last.iteration == 3
        assert not any(m.startswith(("PySide6", "pyqtgraph")) for m in sys.modules)
        print("trained without Qt")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env=checkout_env())
    assert result.returncode == 0, result.stderr
    assert "trained without Qt" in result.stdout
