"""The window's copy of the metric history, fed from Progress records, read by the plots and
the CSV export. It is the session's bounded history (ganstudio/core/history.py) under the names
the window uses, so a window left running for hours holds a fixed number of points too."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ganstudio.core.export import write_metrics_csv
from ganstudio.core.history import MetricHistory as _CoreHistory


class MetricHistory(_CoreHistory):
    def extend(self, progresses: Iterable) -> None:
        """Each record of a new iteration; repeats and iteration 0 are skipped."""
        self.extend_records(progresses)

    def write_csv(self, path: str | Path) -> None:
        write_metrics_csv(self, path)
