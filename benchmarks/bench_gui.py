"""The window's cost, measured side by side in one run (the machine is shared and noisy).

1. Training throughput with the window open (offscreen) vs the command line's loop on the
   same preset and data: interleaved repeats in ABBA order, medians, ratio (target >= 95 %).
2. Launch to a painted window, from a fresh interpreter (target < 2 s).
3. UI event latency while training at full speed: how late a 10 ms QTimer fires (p99 < 50 ms).
4. Closing the window mid-training: time until the training thread has ended (< 1 s).
5. At full speed: redraws a second of the digit grid and the plots (counted at the views), and
   the GUI thread's CPU time as a share of one core (the refresh scheduler aims at ~2 %).

With --presenter the window trains in presenter mode (full screen on a 1024x768 screen, its
refresh table: the grid at >= 25 a second, the plots at >= 10): what smooth motion costs.

With --compare it measures compare mode instead (issue 22 part 2): the preset on both sides of
the Compare tab, each run's iterations a second beside a single run's in the window (interleaved,
ABBA), and how long closing takes with both training.

With --map, 1. compares the window with View > Map of Digit Space showing against the window
without it (instead of the command line), interleaved the same way: what the live map costs
training (target: a few per cent at most), with the maps drawn a second and the training
thread's time per map.

Usage: python benchmarks/bench_gui.py [--preset fast] [--seconds 4] [--repeats 9] [--presenter]
                                      [--compare | --map]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402

from ganstudio.blas_threads import one_blas_thread  # noqa: E402,I001

one_blas_thread()   # one BLAS thread, as the app: before NumPy loads (import ganstudio no longer sets it)
from ganstudio.core.config.presets import get_preset  # noqa: E402
from ganstudio.core.data import load_bundled  # noqa: E402
from ganstudio.core.engine import threads  # noqa: E402
from ganstudio.core.training.session import TrainingSession  # noqa: E402
from ganstudio.gui.app import make_application  # noqa: E402

# Both sides are timed from WARM_UP seconds after their first iteration: steady training, not
# the window's first paints or the judge loading its weights (one-off costs of ~0.1 s that would
# otherwise weigh several per cent in a run of a few seconds).
WARM_UP = 1.0


def cli_rate(config, dataset, seconds: float) -> float:
    """Iterations per second of the loop exactly as `ganstudio train` drives it."""
    session = TrainingSession(config, dataset)
    start = first = None
    for progress in session.run(log_every=1):
        now = time.perf_counter()
        if start is None:
            start = now
        if first is None and now - start >= WARM_UP:
            first = (progress.iteration, now)
        if first is not None and now - first[1] >= seconds:
            break
    return (progress.iteration - first[0]) / (now - first[1])


def _window(config, dataset, settings_file: str, presenter: bool = False):
    from ganstudio.gui.main_window import MainWindow
    from ganstudio.gui.window.saved_settings import WindowSettings

    settings = WindowSettings(QSettings(settings_file, QSettings.Format.IniFormat))
    window = MainWindow(settings, dataset, config)
    window.resize(1366, 768)
    window.show()
    if presenter:
        window.presenter.set(True)
        window.resize(1024, 768)   # a projector's size, whatever the offscreen screen is
    return window


def gui_run(app, config, dataset, seconds: float, settings_file: str, probe_latency: bool,
            presenter: bool = False, with_map: bool = False) -> dict:
    """Trains at full speed in the window for `seconds`; returns the iteration rate, how long
    closing took and, with `probe_latency`, the lateness of a 10 ms timer meanwhile (the probe
    itself costs the training thread GIL hand-overs, so throughput runs go without it).
    `with_map`: the map of digit space's window shows all along."""
    from ganstudio.gui.window import live_map

    window = _window(config, dataset, settings_file, presenter)
    map_seconds: list[float] = []
    if with_map:
        making = live_map.digit_map

        def timed_map(session):   # in the training thread, between two records
            began = time.perf_counter()
            try:
                return making(session)
            finally:
                map_seconds.append(time.perf_counter() - began)

        live_map.digit_map = timed_map
        window.actions.digit_map.trigger()
    marks: dict = {}
    lateness: list[float] = []
    tick = QElapsedTimer()
    probe = QTimer()
    probe.setInterval(10)

    def on_tick() -> None:
        lateness.append(max(0.0, tick.restart() - 10.0))

    probe.timeout.connect(on_tick)

    # Redraws counted at the views themselves, so the count does not depend on what schedules
    # them (the same file measures an older tree's window).
    calls = {"grid": 0, "plots": 0, "map": 0}

    def counting(name, method):
        def counted(*args, **kwargs):
            calls[name] += 1
            return method(*args, **kwargs)
        return counted

    window.view.grid.set_digits = counting("grid", window.view.grid.set_digits)
    window.view.equilibrium.show_history = counting("plots", window.view.equilibrium.show_history)
    window.digit_map.view.show_map = counting("map", window.digit_map.view.show_map)

    def on_progress(records) -> None:
        now = time.perf_counter()
        marks.setdefault("start", now)
        if "first" not in marks and now - marks["start"] >= WARM_UP:
            marks["first"] = (records[-1].iteration, now)
            marks["counts"] = (dict(calls), time.thread_time())
            QTimer.singleShot(int(seconds * 1000), finish)
            tick.start()
            if probe_latency:
                probe.start()

    def finish() -> None:
        probe.stop()
        session = window.controller.session
        marks["last"] = (session.iteration, time.perf_counter())
        counts, cpu = marks["counts"]
        marks["redraws"] = {name: calls[name] - counts[name] for name in calls}
        marks["gui_share"] = (time.thread_time() - cpu) / (marks["last"][1] - marks["first"][1])
        began = time.perf_counter()
        window.close()
        marks["close"] = time.perf_counter() - began
        marks["alive"] = window.controller.is_training_thread_alive
        app.quit()

    window.controller.progress.connect(on_progress)
    QTimer.singleShot(0, window.controller.start)
    try:
        app.exec()
    finally:
        if with_map:
            live_map.digit_map = making
    window.deleteLater()
    app.processEvents()
    (i0, t0), (i1, t1) = marks["first"], marks["last"]
    return {"rate": (i1 - i0) / (t1 - t0), "lateness": lateness[1:], "close": marks["close"],
            "alive": marks["alive"], "frames_per_s": marks["redraws"]["grid"] / seconds,
            "plots_per_s": marks["redraws"]["plots"] / seconds, "gui_share": marks["gui_share"],
            "maps_per_s": marks["redraws"]["map"] / seconds, "map_seconds": map_seconds}


def compare_run(app, config, dataset, seconds: float, settings_file: str, presenter: bool = False) -> dict:
    """Both sides of compare mode train `config` at full speed for `seconds`; returns each
    run's iteration rate and how long closing the window took."""
    from ganstudio.core.training.paired_runs import RunSetup

    window = _window(config, dataset, settings_file, presenter)
    compare = window.compare
    for column, label in zip(compare.view.runs, ("run 1", "run 2")):
        column.chooser.show_setup(RunSetup(label, config))
    window.actions.compare.trigger()
    marks: dict = {}

    def now_iterations() -> list[int]:
        return [c.session.iteration for c in compare.controllers]

    def on_progress(_records) -> None:
        now = time.perf_counter()
        marks.setdefault("start", now)
        if "first" not in marks and now - marks["start"] >= WARM_UP:
            marks["first"] = (now_iterations(), now)
            QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        marks["last"] = (now_iterations(), time.perf_counter())
        began = time.perf_counter()
        window.close()
        marks["close"] = time.perf_counter() - began
        marks["alive"] = any(c.is_training_thread_alive for c in compare.controllers)
        app.quit()

    compare.controllers[0].progress.connect(on_progress)
    QTimer.singleShot(0, compare.start)
    app.exec()
    window.deleteLater()
    app.processEvents()
    (i0, t0), (i1, t1) = marks["first"], marks["last"]
    return {"rates": [(b - a) / (t1 - t0) for a, b in zip(i0, i1)], "close": marks["close"],
            "alive": marks["alive"], "turns": compare.turns is not None}


def compare_main(args, app, config, dataset, settings_file: str) -> None:
    """--compare: each run of compare mode against a single run in the window, side by side."""
    single, runs, closes, turns = [], [[], []], [], False
    for repeat in range(args.repeats):
        order = ("single", "compare") if repeat % 2 == 0 else ("compare", "single")
        for side in order:
            if side == "single":
                single.append(gui_run(app, config, dataset, args.seconds, settings_file,
                                      probe_latency=False, presenter=args.presenter)["rate"])
                continue
            result = compare_run(app, config, dataset, args.seconds, settings_file, args.presenter)
            assert not result["alive"], "a compare run's thread outlived the window"
            for run, rate in enumerate(result["rates"]):
                runs[run].append(rate)
            closes.append(result["close"])
            turns = result["turns"]
        print(f"repeat {repeat + 1} ({order[0]} first): single {single[-1]:.1f} it/s, compare "
              f"{runs[0][-1]:.1f} + {runs[1][-1]:.1f} it/s, close {1000 * closes[-1]:.0f} ms", flush=True)
    one = statistics.median(single)
    each = [statistics.median(rates) for rates in runs]
    mode = "presenter mode" if args.presenter else "normal mode"
    cores = "one core, by turns" if turns else f"{threads.available_cores()} cores, a thread each"
    print(f"\npreset {args.preset} on both sides, {mode}, {cores}, {args.seconds:g} s per run, "
          f"{args.repeats} interleaved repeats (medians)")
    print(f"single run  {one:.1f} it/s")
    print(f"compare     run 1 {each[0]:.1f} it/s ({each[0] / one:.0%}) | run 2 {each[1]:.1f} it/s "
          f"({each[1] / one:.0%}) | together {sum(each):.1f} it/s ({sum(each) / one:.0%} of one run)")
    print(f"close       both training: median {1000 * statistics.median(closes):.0f} ms,"
          f" max {1000 * max(closes):.0f} ms (target < 1000 ms)")


LAUNCH_PROBE = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from ganstudio.gui.app import make_application  # noqa: E402
app = make_application()
from ganstudio.gui.main_window import MainWindow  # noqa: E402
from ganstudio.gui.window.saved_settings import WindowSettings  # noqa: E402
window = MainWindow(WindowSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time() - t0, flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
painted = FirstPaint()
window.view.grid.installEventFilter(painted)
window.show()
app.exec()
window.close()
"""


def launch_seconds(settings_file: str) -> float:
    """Interpreter start to the first paint of the digit grid, in a fresh process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    started = time.time()
    out = subprocess.run([sys.executable, "-c", LAUNCH_PROBE, str(started), settings_file],
                         capture_output=True, text=True, env=env, timeout=120, check=True)
    return float(out.stdout.strip().splitlines()[0])


def percentile(values, q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="fast")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--presenter", action="store_true",
                        help="train the window in presenter mode")
    parser.add_argument("--compare", action="store_true",
                        help="compare mode's two runs, each against a single run")
    parser.add_argument("--map", action="store_true",
                        help="compare the window with the map of digit space showing against without it")
    args = parser.parse_args()
    import tempfile

    tmp = tempfile.mkdtemp(prefix="bench_gui_")
    settings_file = str(Path(tmp) / "settings.ini")
    # The windows' autosaves (and the launch probe's) go here, not into the user's data folder,
    # where the next real launch would offer a benchmark's session.
    os.environ["GANSTUDIO_DATA_DIR"] = str(Path(tmp) / "data")
    config, dataset = get_preset(args.preset), load_bundled()
    app = make_application()
    if args.compare:
        compare_main(args, app, config, dataset, settings_file)
        return

    if args.map:
        map_cost(app, config, dataset, args, settings_file)
        return
    cli, gui, late, closes, fps, plot_fps, shares = [], [], [], [], [], [], []
    for repeat in range(args.repeats):
        # Interleaved, so drifts in machine load hit both, and in turn (ABBA: command line first
        # on even repeats, window first on odd ones), so neither always runs second.
        order = ("cli", "gui") if repeat % 2 == 0 else ("gui", "cli")
        for side in order:
            if side == "cli":
                cli.append(cli_rate(config, dataset, args.seconds))
                continue
            result = gui_run(app, config, dataset, args.seconds, settings_file, probe_latency=False,
                             presenter=args.presenter)
            gui.append(result["rate"])
            closes.append(result["close"])
            fps.append(result["frames_per_s"])
            plot_fps.append(result["plots_per_s"])
            shares.append(result["gui_share"])
            assert not result["alive"], "the training thread outlived the window"
        print(f"repeat {repeat + 1} ({order[0]} first): cli {cli[-1]:.1f} it/s, window {gui[-1]:.1f} it/s, "
              f"close {1000 * closes[-1]:.0f} ms", flush=True)
    for _ in range(max(1, args.repeats // 3)):
        result = gui_run(app, config, dataset, args.seconds, settings_file, probe_latency=True,
                         presenter=args.presenter)
        late.extend(result["lateness"])
    launches = [launch_seconds(settings_file) for _ in range(5)]

    cli_median, gui_median = statistics.median(cli), statistics.median(gui)
    mode = "presenter mode" if args.presenter else "normal mode"
    print(f"\npreset {args.preset}, {mode}, {args.seconds:g} s per run, {args.repeats} interleaved repeats")
    paired = statistics.median(g / c for g, c in zip(gui, cli))
    print(f"throughput  cli median {cli_median:.1f} it/s | window median {gui_median:.1f} it/s"
          f" | ratio of medians {gui_median / cli_median:.1%}, median of paired ratios {paired:.1%}"
          f" (target >= 95%)")
    print(f"refreshes   at full speed: grid {statistics.median(fps):.1f}/s,"
          f" plots {statistics.median(plot_fps):.1f}/s (medians); GUI thread"
          f" {statistics.median(shares):.1%} of one core (target ~2%)")
    print(f"launch      to painted window: median {statistics.median(launches):.2f} s"
          f" (min {min(launches):.2f}, max {max(launches):.2f}; target < 2 s)")
    print(f"latency     10 ms timer lateness while training: p50 {percentile(late, 50):.1f} ms,"
          f" p99 {percentile(late, 99):.1f} ms, max {max(late):.1f} ms over {len(late)} ticks"
          f" (target p99 < 50 ms)")
    print(f"close       mid-training: median {1000 * statistics.median(closes):.0f} ms,"
          f" max {1000 * max(closes):.0f} ms (target < 1000 ms)")


def map_cost(app, config, dataset, args, settings_file: str) -> None:
    """The window with the map showing vs without it: interleaved (ABBA), medians, ratio."""
    plain, mapped, maps_per_s, per_map, shares = [], [], [], [], {False: [], True: []}
    for repeat in range(args.repeats):
        order = (False, True) if repeat % 2 == 0 else (True, False)
        for with_map in order:
            result = gui_run(app, config, dataset, args.seconds, settings_file, probe_latency=False,
                             presenter=args.presenter, with_map=with_map)
            assert not result["alive"], "the training thread outlived the window"
            (mapped if with_map else plain).append(result["rate"])
            shares[with_map].append(result["gui_share"])
            if with_map:
                maps_per_s.append(result["maps_per_s"])
                per_map.extend(result["map_seconds"])
        print(f"repeat {repeat + 1} ({'map' if order[0] else 'no map'} first): without {plain[-1]:.1f} it/s, "
              f"with the map {mapped[-1]:.1f} it/s", flush=True)
    mode = "presenter mode" if args.presenter else "normal mode"
    plain_median, mapped_median = statistics.median(plain), statistics.median(mapped)
    paired = statistics.median(m / p for m, p in zip(mapped, plain))
    print(f"\npreset {args.preset}, {mode}, {args.seconds:g} s per run, {args.repeats} interleaved repeats")
    print(f"map cost    window without the map median {plain_median:.1f} it/s | with the map showing median"
          f" {mapped_median:.1f} it/s | ratio of medians {mapped_median / plain_median:.1%}, median of"
          f" paired ratios {paired:.1%} (target >= 95%)")
    print(f"map         {statistics.median(maps_per_s):.2f} maps drawn a second (median); training thread"
          f" {1000 * statistics.median(per_map):.1f} ms a map (median of {len(per_map)}, max"
          f" {1000 * max(per_map):.1f}); GUI thread {statistics.median(shares[False]):.1%} of one core"
          f" without, {statistics.median(shares[True]):.1%} with")


if __name__ == "__main__":
    main()
