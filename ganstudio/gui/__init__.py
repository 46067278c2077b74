"""The PySide6 window. Every module here imports PySide6 before pyqtgraph (see plotting.py)."""
