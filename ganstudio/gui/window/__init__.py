"""The main window's parts, one job each; main_window.py composes them."""
