"""Soak test: does a long run stay flat in memory and checkpoint size?

Trains `fast` (or --preset) with the iteration limit lifted for --seconds, samples this
process's resident memory every --sample-every seconds, saves a checkpoint every
--checkpoint-every seconds and records its size, then prints a table and the RSS change after
the first minute (the first minute holds one-off costs: imports, the judge, warm caches).

- default: the loop exactly as `ganstudio train --seconds S` drives it (the CLI's own
  build_session and write_outputs, the session's run(log_every=1)).
- --window: the real MainWindow offscreen with training running; also reports how many points
  the window's history and its equilibrium plot hold (neither may grow without bound).

Usage: python benchmarks/soak.py [--seconds 3600] [--sample-every 30] [--checkpoint-every 300]
                                 [--preset fast] [--window]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganstudio.blas_threads import one_blas_thread  # noqa: E402,I001

one_blas_thread()   # one BLAS thread, as the app: before NumPy loads (import ganstudio no longer sets it)

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 1e6


class Recorder:
    """Collects one row per sample and the latest checkpoint size."""

    def __init__(self, sample_every: float, checkpoint_every: float, folder: Path) -> None:
        self.sample_every, self.checkpoint_every = sample_every, checkpoint_every
        self.folder = folder
        self.rows: list[dict] = []
        self.start = time.monotonic()
        self.next_sample = self.start
        self.next_checkpoint = self.start + checkpoint_every
        self.checkpoint_mb: float | None = None
        self.saves = 0

    def due(self, now: float) -> tuple[bool, bool]:
        return now >= self.next_sample, now >= self.next_checkpoint

    def save(self, session) -> None:
        path = self.folder / "soak.npz"
        from ganstudio.core.formats.checkpoint import save_checkpoint

        save_checkpoint(session, path)
        self.checkpoint_mb = path.stat().st_size / 1e6
        self.saves += 1
        self.next_checkpoint += self.checkpoint_every

    def sample(self, now: float, iteration: int, extra: dict | None = None) -> None:
        self.rows.append({"t": now - self.start, "iteration": iteration, "rss": rss_mb(),
                          "ckpt": self.checkpoint_mb, **(extra or {})})
        self.next_sample += self.sample_every
        print(_format_row(self.rows[-1]), flush=True)


def _format_row(row: dict) -> str:
    ckpt = f"{row['ckpt']:8.2f}" if row["ckpt"] is not None else "       -"
    extra = "".join(f"  {row[k]:>9}" for k in ("history", "plotted") if k in row)
    return f"{row['t']:7.0f}  {row['iteration']:>10}  {row['rss']:7.1f}  {ckpt}{extra}"


def soak_session(args, recorder: Recorder) -> None:
    """`ganstudio train --preset P --seconds S` with a checkpoint every few minutes."""
    from ganstudio.cli.main import build_parser
    from ganstudio.cli.train_command import build_session, prepare_output_folder, write_outputs

    cli = build_parser().parse_args(["train", "--preset", args.preset, "--seconds", str(args.seconds),
                                     "--out", str(recorder.folder / "run")])
    session = build_session(cli)
    deadline = recorder.start + args.seconds
    for progress in session.run(log_every=1):
        now = time.monotonic()
        sample, checkpoint = recorder.due(now)
        if checkpoint:
            recorder.save(session)
        if sample:
            recorder.sample(now, progress.iteration)
        if now >= deadline:
            break   # between iterations, as `ganstudio train --seconds` stops
    recorder.save(session)
    recorder.sample(time.monotonic(), session.iteration)
    prepare_output_folder(recorder.folder / "run")
    write_outputs(session, recorder.folder / "run")


def soak_window(args, recorder: Recorder) -> None:
    """The real window, offscreen, training at full speed; checkpoints as File > Save does."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer

    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.core.config.presets import get_preset
    from ganstudio.core.data import load_bundled
    from ganstudio.gui.app import make_application

    app = make_application()
    from ganstudio.gui.main_window import MainWindow
    from ganstudio.gui.window.saved_settings import WindowSettings

    settings = WindowSettings(QSettings(str(recorder.folder / "soak.ini"), QSettings.Format.IniFormat))
    config = with_overrides(get_preset(args.preset), {"iterations": 10 ** 12})
    window = MainWindow(settings, load_bundled(), config)
    window.resize(1366, 768)
    window.show()
    controller = window.controller

    def sizes() -> dict:
        plotted = window.view.equilibrium.real_curve.xData   # all it holds, not what it drew
        return {"history": len(controller.history), "plotted": 0 if plotted is None else len(plotted)}

    def tick() -> None:
        now = time.monotonic()
        sample, checkpoint = recorder.due(now)
        if checkpoint:
            with controller.quiescent() as session:
                recorder.save(session)
        if sample:
            recorder.sample(now, controller.session.iteration, sizes())
        if now - recorder.start >= args.seconds:
            timer.stop()
            window.close()
            app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(250)
    QTimer.singleShot(0, controller.start)
    app.exec()
    window.deleteLater()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3600.0)
    parser.add_argument("--sample-every", type=float, default=30.0)
    parser.add_argument("--checkpoint-every", type=float, default=300.0)
    parser.add_argument("--preset", default="fast")
    parser.add_argument("--window", action="store_true", help="drive the real window offscreen")
    args = parser.parse_args()
    extra = "    history    plotted" if args.window else ""
    print(f"{'time s':>7}  {'iteration':>10}  {'RSS MB':>7}  {'ckpt MB':>8}{extra}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["GANSTUDIO_DATA_DIR"] = str(Path(folder) / "data")   # the window's autosave, not the user's
        recorder = Recorder(args.sample_every, args.checkpoint_every, Path(folder))
        (soak_window if args.window else soak_session)(args, recorder)
    rows = recorder.rows
    after_minute = [r for r in rows if r["t"] >= 60.0]
    if len(after_minute) >= 2:
        first, last = after_minute[0], after_minute[-1]
        minutes = (last["t"] - first["t"]) / 60.0
        change = last["rss"] - first["rss"]
        print(f"RSS after the first minute: {first['rss']:.1f} -> {last['rss']:.1f} MB "
              f"({change:+.1f} MB over {minutes:.1f} min, {change / minutes:+.2f} MB/min); "
              f"last checkpoint {rows[-1]['ckpt']:.2f} MB after {recorder.saves} saves")


if __name__ == "__main__":
    main()
