"""An exception nothing caught, in the window: it goes to the log file and into a dialog that
says what happened, offers the report (the log's path, a copy for the clipboard) and keeps the
session — the event loop goes on, training and the user's work with it. From another thread,
the dialog waits for the window's thread (a queued signal)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ganstudio.core.files.log_file import LOGGER, report_text, start_log


class CrashReporter(QObject):
    happened = Signal(str, str)   # the one-line summary, the traceback

    def __init__(self, parent_window) -> None:
        super().__init__(parent_window)
        self._window = parent_window
        self.log_path = start_log("window")
        self.dialog: QMessageBox | None = None
        self.reports: list[str] = []   # every report this session, for the tests and the copy
        self.happened.connect(self._show)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> CrashReporter:
        sys.excepthook = self._hook
        threading.excepthook = lambda args: self._hook(args.exc_type, args.exc_value, args.exc_traceback)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def _hook(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):   # Ctrl-C keeps its own handling
            self._previous[0](kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        summary = "".join(traceback.format_exception_only(kind, value)).strip().splitlines()[-1][:300]
        logging.getLogger(LOGGER).error("unexpected error: %s\n%s", summary, details.rstrip())
        try:
            print(details, file=sys.stderr, end="")   # the console too, for whoever started it there
        except (OSError, ValueError):
            pass
        self.happened.emit(summary, details)

    def _show(self, summary: str, details: str) -> None:
        report = report_text(summary, details)
        self.reports.append(report)
        if self.dialog is not None:   # one dialog at a time; a repeat goes to the log only
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Something went wrong"),
                          self.tr("GAN Studio met an unexpected error:\n{summary}").format(summary=summary),
                          QMessageBox.StandardButton.Close, self._window)
        where = (self.tr("The details are in the log file:\n{path}").format(path=self.log_path)
                 if self.log_path is not None else self.tr("No log file could be written."))
        box.setInformativeText(self.tr("Your session is kept: you can go on, and save your work.") + "\n\n" + where)
        box.setDetailedText(report)
        copy = box.addButton(self.tr("Copy report"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()   # an action button would close the box; this one only copies
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        box.finished.connect(self._closed)
        self.dialog = box
        box.open()   # not exec(): no nested event loop inside whatever just failed

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
