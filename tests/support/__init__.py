"""Helpers shared by the tests (the root conftest.py puts tests/ on sys.path, so test files
anywhere below import them as `support.<module>`).

The scripts in this folder that tests run by path (gui_app_child.py, interrupt_child.py) are
found through SCRIPTS; REPO is the checkout the tests run against."""

from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
TESTS = SCRIPTS.parent
REPO = TESTS.parent
