"""Compare mode's core (issue 22 part 2): two sessions through the same fixed noise, each
training exactly as it would alone, and fair turns on one core."""

import threading

import numpy as np

from ganstudio.core.training.paired_runs import FairTurns, paired_sessions, same_noise, takes_turns
from ganstudio.core.training.session import TrainingSession
from ganstudio.core.training.worker import TrainingWorker

from support.small_runs import small_config


def test_two_settings_of_one_preset_watch_the_same_noise_vectors(small_data):
    with_clusters = small_config("fast", iterations=3, seed=5)
    without = small_config("fast", iterations=3, seed=9, clusters=0)
    left, right = paired_sessions((with_clusters, without), (small_data, small_data))
    assert same_noise(with_clusters, without)
    # The cluster column is drawn after the noise: the noise itself is the same.
    width = without.noise_dim
    assert np.array_equal(left.fixed_noise[:, :width], right.fixed_noise)
    assert left.fixed_noise.shape[1] == width + 1
    # Alone, seed 9 would have watched other vectors.
    assert not np.array_equal(TrainingSession(without, small_data).fixed_noise, right.fixed_noise)


def test_each_run_trains_exactly_as_it_would_alone(small_data):
    a, b = small_config("fast", iterations=3, seed=1), small_config("mlp", iterations=3, seed=2)
    left, right = paired_sessions((a, b), (small_data, small_data))
    alone = TrainingSession(b, small_data)
    for session in (right, alone):
        list(session.run())
    for name, network in right.algorithm.networks.items():
        assert np.array_equal(network.flat_params, alone.algorithm.networks[name].flat_params)
    assert np.array_equal(right.history.column("d_loss"), alone.history.column("d_loss"))


def test_the_2014_demo_and_todays_recipe_take_different_noise():
    assert not same_noise(small_config("seed"), small_config("fast"))


def test_one_core_takes_turns_two_do_not():
    assert takes_turns(1) and not takes_turns(2) and not takes_turns(8)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_next_turn_goes_to_the_run_that_has_had_less_time():
    """Both runs always asking: a run whose steps take 5 times as long gets a fifth of the
    turns, and neither is ever more than a turn ahead (equal time each)."""
    clock = FakeClock()
    turns = FairTurns(2, clock)
    cost = {0: 0.005, 1: 0.001}
    order = []
    for _ in range(600):
        run = turns.next_run({0, 1})
        with turns.turn(run):
            clock.now += cost[run]
        order.append(run)
        assert abs(turns.used[0] - turns.used[1]) <= max(cost.values()) + 1e-9
    assert 4.5 <= order.count(1) / order.count(0) <= 5.5


def test_a_run_back_from_a_pause_is_not_owed_the_time_it_did_not_use():
    clock = FakeClock()
    turns = FairTurns(2, clock)
    with turns.turn(0):
        clock.now += 10.0          # run 0 trained alone for 10 s (run 1 was paused)
    clock.now += 1.0
    with turns.turn(1):            # run 1 comes back level, not 10 s behind
        clock.now += 0.01
    assert turns.used[1] >= turns.used[0]


def test_only_one_run_computes_at_a_time(small_data):
    """Two workers sharing one core's turns never step their sessions at once."""
    turns = FairTurns(2)
    inside, most = [0], [0]
    lock = threading.Lock()
    sessions = [TrainingSession(small_config("fast", iterations=20, seed=s), small_data) for s in (1, 2)]

    def watched(step):
        def counted(*args, **kwargs):
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            try:
                return step(*args, **kwargs)
            finally:
                with lock:
                    inside[0] -= 1
        return counted

    for session in sessions:
        session.step = watched(session.step)
    workers = [TrainingWorker(session, turns.for_run(i)) for i, session in enumerate(sessions)]
    finished = []
    threads = [threading.Thread(target=lambda w=w: finished.append(list(w.records())[-1])) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(finished) == 2 and all(record.finished and record.iteration == 20 for record in finished)
    assert most[0] == 1
    assert all(used > 0 for used in turns.used)
