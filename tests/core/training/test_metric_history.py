"""The bounded metric history: fixed size however long the run, recent iterations exact, older
ones binned; exact for short runs; compact, checked checkpoints that older files still open."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.errors import CheckpointError
from ganstudio.core.formats.checkpoint import load_checkpoint, read_checkpoint, save_checkpoint
from ganstudio.core.formats.run_outputs import write_metrics_csv
from ganstudio.core.training.metric_history import (
    CHUNK,
    COLUMNS,
    MAX_BINS,
    RECENT,
    HistoryError,
    MetricHistory,
)
from ganstudio.core.training.session import TrainingSession

MAX_ROWS = RECENT + CHUNK + MAX_BINS + 1


def ramp(count: int, start: int = 1) -> dict[str, np.ndarray]:
    """Columns whose values are known functions of the iteration, so bin means can be checked."""
    it = np.arange(start, start + count, dtype=np.int64)
    return {"iteration": it, "d_real": it * 1.0, "d_fake": -it * 1.0, "rounded_mean": it % 2 * 1.0,
            "d_loss": np.sqrt(it), "g_loss": np.full(count, 2.5)}


def appended(count: int) -> MetricHistory:
    history = MetricHistory()
    columns = ramp(count)
    for row in zip(*(columns[name].tolist() for name in COLUMNS)):
        history.append(row)
    return history


def test_a_long_run_keeps_a_fixed_number_of_rows_and_the_recent_ones_exact():
    count = 50_000
    history = appended(count)
    assert len(history) <= MAX_ROWS and history.thinned_rows > 0
    # The recent part is every iteration, exactly as appended.
    assert list(history["iteration"][-RECENT:]) == list(range(count - RECENT + 1, count + 1))
    assert history["d_loss"][-RECENT:] == np.sqrt(np.arange(count - RECENT + 1, count + 1)).tolist()
    # The bins span the whole run, in order, each the mean of the iterations it holds.
    iterations = np.asarray(history["iteration"])
    assert iterations[0] >= 1 and (np.diff(iterations) > 0).all() and iterations[-1] == count
    state = history.state()
    covered = state["weights"].sum() + state["pending_count"] + state["recent"].shape[1]
    assert covered == count
    first = iterations[:history.thinned_rows] - np.concatenate(
        (state["weights"], [state["pending_count"]] if state["pending_count"] else [])) + 1
    assert np.allclose(np.asarray(history["d_real"])[:history.thinned_rows],
                       (first + iterations[:history.thinned_rows]) / 2)   # mean of a ramp
    assert np.allclose(history["g_loss"], 2.5)


def test_a_million_appends_stay_bounded_and_cheap():
    history = MetricHistory()
    columns = {name: values.tolist() for name, values in ramp(1_000_000).items()}
    started = time.perf_counter()
    for row in zip(*(columns[name] for name in COLUMNS)):
        history.append(row)
    seconds = time.perf_counter() - started
    assert len(history) <= MAX_ROWS
    assert sum(a.size for a in history.state().values()) <= len(COLUMNS) * (MAX_ROWS + 1) + MAX_BINS + 2
    assert history["iteration"][-1] == 1_000_000 and history["d_real"][-1] == 1_000_000.0
    assert seconds < 20   # ~1-2 µs an append; the loop spends milliseconds per iteration
    # The bins still tell the ramp's story: each one's mean lies within its own iterations.
    iterations = np.asarray(history["iteration"], dtype=np.float64)
    values = np.asarray(history["d_real"])
    assert (values <= iterations).all() and (values > np.concatenate(([0], iterations[:-1]))).all()


def test_the_stopping_rules_window_reads_exact_recent_values():
    history = appended(30_000)
    window = history["d_real"][-1000:]
    assert isinstance(window, list) and window == [float(i) for i in range(29_001, 30_001)]
    assert history["rounded_mean"][-1] == 0.0 and len(history["d_real"]) == len(history)


def test_a_short_history_is_kept_exactly_and_reads_like_the_dict_of_lists():
    columns = {name: values.tolist() for name, values in ramp(RECENT + CHUNK - 1).items()}
    history = MetricHistory()
    history.extend_columns(columns)
    assert history.thinned_rows == 0
    assert history == columns and history.to_lists() == columns
    assert list(history) == list(COLUMNS) and history["iteration"][2:5] == [3, 4, 5]
    assert np.array_equal(history.column("g_loss"), np.full(RECENT + CHUNK - 1, 2.5))


def test_truncate_forgets_the_iterations_after_a_restored_one():
    history = appended(3000)
    history.truncate(2500)
    assert len(history) == 2500 and history["iteration"][-1] == 2500
    long = appended(40_000)
    oldest_recent = long["iteration"][long.thinned_rows]
    long.truncate(oldest_recent - 1)   # back into the bins: no row after it survives
    assert long["iteration"][-1] <= oldest_recent - 1 and long.thinned_rows == len(long)
    long.append((oldest_recent, 0.5, 0.5, 0.5, 1.0, 1.0))
    assert (np.diff(long.column("iteration")) > 0).all()


def test_state_round_trip_goes_on_exactly():
    straight, resumed = appended(20_000), MetricHistory.from_state(appended(12_345).state())
    for row in zip(*(values.tolist() for values in ramp(20_000 - 12_345, start=12_346).values())):
        resumed.append(row)
    assert resumed == straight
    for key, value in straight.state().items():
        assert np.array_equal(resumed.state()[key], value), key


# ------------------------------------------------------------------------------- a real run

def test_a_short_seed_run_has_the_same_history_and_csv_as_plain_lists(small_data, tmp_path):
    """Any run shorter than RECENT + CHUNK is kept exactly (a whole 1,500-iteration seed run was
    compared with the code before the bound; this one is shorter to keep the suite quick)."""
    config = with_overrides(get_preset("seed"), {"iterations": 100, "real_per_iter": 100,
                                                "fake_per_iter": 100})
    session = TrainingSession(config, small_data)
    as_lists = {name: [] for name in COLUMNS}   # what the history held before it was bounded
    for p in session.run(log_every=1):
        if not as_lists["iteration"] or p.iteration > as_lists["iteration"][-1]:
            for name in COLUMNS:
                as_lists[name].append(getattr(p, name))
    assert session.iteration == 100 and session.history == as_lists
    write_metrics_csv(as_lists, tmp_path / "lists.csv")
    write_metrics_csv(session.history, tmp_path / "history.csv")
    assert (tmp_path / "history.csv").read_bytes() == (tmp_path / "lists.csv").read_bytes()


def long_session(data, iterations: int = 20_000) -> TrainingSession:
    """A session whose history is that of a long run (training it would take minutes)."""
    session = TrainingSession(with_overrides(get_preset("fast"), {"batch_size": 8}), data)
    session.history.extend_columns({k: v.tolist() for k, v in ramp(iterations).items()})
    session.iteration = iterations
    return session


def test_a_checkpoint_holds_the_history_as_arrays_and_restores_it_exactly(small_data, tmp_path):
    session = long_session(small_data)
    path = save_checkpoint(session, tmp_path / "long.npz")
    with np.load(path) as npz:
        assert {f"history.{k}" for k in session.history.state()} <= set(npz.files)
        assert "history" not in json.loads(str(npz["meta"]))
    loaded = load_checkpoint(path, small_data)
    assert loaded.history == session.history and loaded.history.thinned_rows > 0
    write_metrics_csv(session.history, tmp_path / "a.csv")
    write_metrics_csv(loaded.history, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    # 20,000 iterations of history cost a fixed ~0.4 MB, not the megabytes of JSON lists.
    assert sum(a.nbytes for a in session.history.state().values()) < 500_000


def rewrite(path, change_meta=None, drop_history=False, arrays=None):
    """The checkpoint at `path`, rewritten with its meta or history arrays changed."""
    with np.load(path) as npz:
        contents = {key: npz[key] for key in npz.files}
    if drop_history:
        contents = {k: v for k, v in contents.items() if not k.startswith("history.")}
    if change_meta:
        meta = json.loads(str(contents["meta"]))
        change_meta(meta)
        contents["meta"] = np.array(json.dumps(meta))
    contents.update(arrays or {})
    np.savez(path, **contents)


def old_format(session, path, columns):
    """A checkpoint as GAN Studio wrote them before: the history as JSON lists in its meta."""
    save_checkpoint(session, path)
    rewrite(path, change_meta=lambda meta: meta.update(history=columns), drop_history=True)


@pytest.mark.parametrize("count", [7, 30_000])
def test_older_checkpoints_with_json_lists_still_open(small_data, tmp_path, count):
    session = TrainingSession(with_overrides(get_preset("fast"), {"batch_size": 8}), small_data)
    session.iteration = count
    columns = {k: v.tolist() for k, v in ramp(count).items()}
    old_format(session, tmp_path / "old.npz", columns)
    loaded = load_checkpoint(tmp_path / "old.npz", small_data)
    expected = MetricHistory()
    expected.extend_columns(columns)
    assert loaded.history == expected and len(loaded.history) <= MAX_ROWS
    if count < RECENT:
        assert loaded.history == columns


def _ragged(meta):
    meta["history"]["d_real"].pop()


def _text(meta):
    meta["history"]["d_loss"][3] = "1.5"


def _not_a_table(meta):
    meta["history"] = "history"


def _missing_column(meta):
    del meta["history"]["g_loss"]


def _iterations_backwards(meta):
    meta["history"]["iteration"][2] = 1


OLD_DAMAGE = {"ragged": _ragged, "text": _text, "not a table": _not_a_table,
              "missing column": _missing_column, "iterations backwards": _iterations_backwards}


@pytest.mark.parametrize("damage", list(OLD_DAMAGE))
def test_a_damaged_json_history_is_refused_in_one_line(small_data, tmp_path, damage):
    session = TrainingSession(with_overrides(get_preset("fast"), {"batch_size": 8}), small_data)
    session.iteration = 10
    path = tmp_path / "bad.npz"
    old_format(session, path, {k: v.tolist() for k, v in ramp(10).items()})
    rewrite(path, change_meta=OLD_DAMAGE[damage])
    with pytest.raises(CheckpointError) as caught:
        load_checkpoint(path, small_data)
    message = str(caught.value)
    assert str(path) in message and "metric history" in message and "\n" not in message


ARRAY_DAMAGE = {
    "text": {"history.bins": np.array([["a"] * 2] * len(COLUMNS))},
    "wrong column count": {"history.recent": np.zeros((3, 10))},
    "absurdly long": {"history.recent": np.ones((len(COLUMNS), RECENT + CHUNK + 5))},
    "bin sizes": {"history.weights": np.zeros(7, dtype=np.int64)},
    "width not a number": {"history.width": np.array(2.5)},
    "pending too big": {"history.pending_count": np.array(10 ** 9)},
    "iterations not whole": {"history.recent": np.full((len(COLUMNS), 3), 1.5)},
}


@pytest.mark.parametrize("damage", list(ARRAY_DAMAGE))
def test_a_damaged_array_history_is_refused_in_one_line(small_data, tmp_path, damage):
    path = save_checkpoint(long_session(small_data), tmp_path / "bad.npz")
    rewrite(path, arrays=ARRAY_DAMAGE[damage])
    with pytest.raises(CheckpointError) as caught:
        read_checkpoint(path)
    message = str(caught.value)
    assert str(path) in message and "metric history" in message and "\n" not in message


def test_the_command_line_refuses_a_damaged_history_in_one_line(small_data, tmp_path, capsys):
    from ganstudio.cli.main import main

    path = save_checkpoint(long_session(small_data), tmp_path / "bad.npz")
    rewrite(path, arrays={"history.recent": np.array(["x"])})
    code = main(["train", "--resume", str(path), "--iterations", "1", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1 and "metric history" in err and "Traceback" not in err


def test_from_state_rejects_what_is_not_a_history():
    with pytest.raises(HistoryError):
        MetricHistory.from_state([1, 2, 3])
    with pytest.raises(HistoryError):
        MetricHistory.from_state({k: [1, 2] for k in COLUMNS} | {"d_real": [True, False]})
    with pytest.raises(HistoryError):
        MetricHistory().extend_columns({k: [1, 2] for k in COLUMNS} | {"d_real": [0.5]})

