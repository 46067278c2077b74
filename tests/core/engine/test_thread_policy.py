"""The engine's own helper threads (core/engine/threads.py) follow one policy and never change a
number; the BLAS variables themselves: tests/packaging/test_blas_environment.py."""

import subprocess
import sys

import numpy as np
import pytest

from ganstudio.core.config.presets import PRESETS
from ganstudio.core.engine import threads

from support.commands import checkout_env


def test_the_policy_for_1_2_4_8_cores():
    cli = [threads.policy_workers(cores, gui=False) for cores in (1, 2, 4, 8, 16)]
    gui = [threads.policy_workers(cores, gui=True) for cores in (1, 2, 4, 8, 16)]
    assert cli == [1, 2, 4, 4, 4]
    assert gui == [1, 2, 3, 4, 4]   # one core's share for the GUI thread where it costs little
    assert threads.policy_workers(8, gui=False, blas=2) == 1   # the user gave BLAS the cores


@pytest.fixture
def restore_policy():
    yield
    threads.configure()


def _clear_thread_variables(monkeypatch):
    for name in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)


def test_work_runs_beside_only_where_blas_leaves_a_core_free(monkeypatch, restore_policy):
    import os

    from ganstudio.core.gan import second_core as beside

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(threads, "available_cores", lambda: 2)
    _clear_thread_variables(monkeypatch)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    assert threads.configure() == 2 and not threads.splits()   # 2 cores: beside work only
    assert beside.start_beside(lambda x: x * 3, 7).result() == 21
    assert threads.configure(workers=2) == 2 and threads.splits()   # a chosen number splits
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")      # BLAS has both cores already
    assert threads.configure() == 1 and beside.start_beside(lambda x: x * 3, 7) is None
    _clear_thread_variables(monkeypatch)                 # OpenBLAS's default: every core
    assert threads.blas_threads() == 2 and threads.configure() == 1
    monkeypatch.setenv("OMP_NUM_THREADS", "1")           # read when the others are not set
    assert threads.blas_threads() == 1
    monkeypatch.setattr(threads, "available_cores", lambda: 1)   # one core: nothing beside
    assert threads.configure() == 1 and beside.start_beside(lambda x: x, 1) is None


def _preset_products():
    """(rows, inner, columns) of every Dense product the presets compute: forward x @ W,
    the weight gradient x.T @ dy and the input gradient, at their batch sizes."""
    shapes = set()
    for config in PRESETS.values():
        g = [config.noise_dim + config.clusters, *config.g_hidden, 784]
        d = [784 + config.clusters, *config.d_hidden, 1]
        for sizes in (g, d):
            for n_in, n_out in zip(sizes, sizes[1:]):
                for batch in {config.batch_size, 2 * config.batch_size, 2000}:
                    shapes |= {(batch, n_in, n_out), (n_in, batch, n_out), (batch, n_out, n_in),
                               (n_in, n_out, batch)}
    return sorted(shapes)


class AlwaysSplit(threads.SplitGauge):
    def wanted(self, kind):   # whatever the machine's load: these tests are about the bits
        return True


@pytest.fixture
def always_split(monkeypatch):
    monkeypatch.setattr(threads, "_gauge", AlwaysSplit())


@pytest.mark.parametrize("workers", [2, 3])
def test_a_split_product_has_the_bits_of_one_call(workers, restore_policy, always_split):
    threads.configure(workers=workers)
    rng = np.random.default_rng(0)
    split = [s for s in _preset_products() if s[0] * s[1] * s[2] >= 2 * threads.MIN_SPLIT_WORK]
    for rows, inner, cols in split:   # the others are never split
        for transposed in (False, True):   # x.T @ dy reads a transposed view
            a = rng.standard_normal((inner, rows) if transposed else (rows, inner), np.float32)
            a = a.T if transposed else a
            b = rng.standard_normal((inner, cols), np.float32)
            out = np.empty((rows, cols), np.float32)
            threads.matmul(a, b, out)
            assert np.array_equal(out, np.matmul(a, b)), (rows, inner, cols, transposed)


def test_the_policy_counts_the_cores_a_process_may_use():
    probe = ("import ganstudio; from ganstudio.core.engine import threads; "
             "print(threads.available_cores(), threads.workers())")
    import os

    if not hasattr(os, "sched_setaffinity"):
        pytest.skip("no CPU affinity on this system")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS") and k != "GANSTUDIO_THREADS"}
    one_core = subprocess.run([sys.executable, "-c", probe], env=checkout_env(env), check=True,
                              capture_output=True, text=True,
                              preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}))
    assert one_core.stdout.split() == ["1", "1"]   # taskset -c 0: no helper on a shared core


def test_each_kind_of_work_is_split_only_while_splitting_is_faster():
    gauge = threads.SplitGauge()
    kind = ("matmul", (64, 512), (512, 1024), True)
    assert not gauge.wanted(kind)            # nothing known: once in line,
    gauge.record(kind, False, 2.0)
    assert gauge.wanted(kind)                # once split
    gauge.record(kind, True, 1.2)            # split measured faster
    ways = [gauge.wanted(kind) for _ in range(gauge.EXPLORE_EVERY)]
    assert ways.count(True) == gauge.EXPLORE_EVERY - 1   # and one call tries in line again
    for _ in range(20):                      # then every core gets busy: split parts wait
        gauge.record(kind, True, 3.0)
    ways = [gauge.wanted(kind) for _ in range(gauge.EXPLORE_EVERY)]
    assert ways.count(True) == 1             # in line, but it keeps an eye on the other way
    assert not gauge.wanted(("matmul", (32, 128), (128, 784), True))   # another kind: its own times
