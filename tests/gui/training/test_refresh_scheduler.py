"""The refresh table drives how often each view redraws: the scheduler on a fake clock, given
what redraws cost and how much time passes."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pytest

from ganstudio.gui.training.refresh_scheduler import CADENCE, GuiLoad, Pace, RefreshScheduler


class FakeClock:
    def __init__(self) -> None:
        self.wall = self.cpu_time = 100.0

    def now(self) -> float:
        return self.wall

    def cpu(self) -> float:
        return self.cpu_time


@dataclass
class Record:
    samples: object = None


def scheduler_with_costs(costs: dict[str, float], table=CADENCE):
    """A scheduler whose views cost `costs[name]` GUI seconds a redraw (default: nothing)."""
    clock = FakeClock()
    scheduler = RefreshScheduler(table, clock)

    def redraw(name):
        def spend():
            clock.cpu_time += costs.get(name, 0.0)
        return spend

    for name in table:
        scheduler.add_view(name, redraw(name))
    return scheduler, clock


def train(scheduler, clock, seconds: float, pace=Pace.FULL, iteration=0.005) -> dict[str, float]:
    """A record every `iteration` seconds, carrying samples when they were asked for, drained at
    once (the scheduler alone decides what redraws); returns each view's redraws a second."""
    before = {name: scheduler.count(name) for name in scheduler.table}
    asked = False
    end = clock.wall + seconds
    while clock.wall < end:
        clock.wall += iteration
        scheduler.news([Record(np.zeros(1) if asked else None)])
        scheduler.refresh(pace)
        asked = scheduler.wants_samples(pace)
    return {name: (scheduler.count(name) - before[name]) / seconds for name in scheduler.table}


def test_cheap_views_redraw_as_often_as_the_table_allows():
    scheduler, clock = scheduler_with_costs({})
    rates = train(scheduler, clock, 10.0)
    assert rates["grid"] == pytest.approx(CADENCE["grid"].most, rel=0.25)      # ~30 a second
    assert rates["status"] == pytest.approx(CADENCE["status"].most, rel=0.05)  # 4 a second
    assert rates["quality"] == pytest.approx(CADENCE["quality"].most, rel=0.1)
    assert rates["plots"] == pytest.approx(CADENCE["plots"].most, rel=0.25)


def test_a_costly_view_redraws_only_as_often_as_its_share_of_the_gui_thread():
    scheduler, clock = scheduler_with_costs({"plots": 0.004})  # 4 ms: 1.5 % allows 3.75 a second
    rates = train(scheduler, clock, 20.0)
    assert rates["plots"] == pytest.approx(CADENCE["plots"].gui_share / 0.004, rel=0.15)
    assert rates["grid"] > 20                                 # the other views are not held back
    # Paints are charged too, whenever they happen: the same cost split into update and paint.
    split, clock = scheduler_with_costs({"plots": 0.001})
    split.add_view("plots", lambda: split.charge_paint("plots", 0.003))
    assert train(split, clock, 20.0)["plots"] == pytest.approx(rates["plots"], rel=0.15)


def test_a_view_too_costly_for_its_share_still_redraws_at_its_least_rate():
    scheduler, clock = scheduler_with_costs({"plots": 0.2})
    rates = train(scheduler, clock, 40.0)
    assert rates["plots"] == pytest.approx(CADENCE["plots"].least, rel=0.15)


def test_the_grid_asks_for_samples_only_as_often_as_the_training_share_allows():
    scheduler, clock = scheduler_with_costs({})
    scheduler.sample_cost = 0.002     # drawing 100 digits takes training 2 ms: 1 % is 5 a second
    rates = train(scheduler, clock, 20.0)
    assert rates["grid"] == pytest.approx(0.01 / 0.002, rel=0.15)
    assert rates["histogram"] <= rates["grid"] + 0.1   # D's outputs come with the samples


def test_paced_runs_redraw_at_the_most_rate_whatever_views_cost():
    scheduler, clock = scheduler_with_costs({"plots": 0.05})
    scheduler.sample_cost = 0.01
    rates = train(scheduler, clock, 5.0, pace=Pace.PACED, iteration=0.05)   # 20 iterations/s
    assert rates["plots"] == pytest.approx(20, rel=0.1)       # every record (most: 30)
    assert rates["grid"] == pytest.approx(20, rel=0.1)        # samples asked for every record
    assert 3 <= rates["status"] <= 4                          # still readable


def test_at_rest_every_view_with_news_redraws_at_once():
    scheduler, clock = scheduler_with_costs({"plots": 0.2, "grid": 0.1})
    train(scheduler, clock, 1.0)                               # all views just redrawn
    scheduler.news([Record(np.zeros(1))])                      # the paused record, with samples
    assert set(scheduler.refresh(Pace.AT_REST)) == set(CADENCE)
    assert scheduler.refresh(Pace.AT_REST) == []               # nothing new: nothing redrawn
    assert not scheduler.wants_samples(Pace.AT_REST)           # a paused record brings its own


def test_a_table_that_does_not_redraw_at_once_keeps_its_budget_when_paced():
    calm = {**CADENCE, "plots": replace(CADENCE["plots"], at_once=False, least=1, most=1)}
    scheduler, clock = scheduler_with_costs({}, calm)
    rates = train(scheduler, clock, 5.0, pace=Pace.PACED, iteration=0.05)
    assert rates["plots"] == pytest.approx(1, rel=0.25)


def test_a_presenter_table_is_one_switch_and_its_floors_beat_the_budgets():
    scheduler, clock = scheduler_with_costs({"grid": 0.002, "plots": 0.01})
    scheduler.sample_cost = 0.005
    normal = train(scheduler, clock, 10.0)
    assert normal["grid"] < 5 and normal["plots"] < 2
    presenter = {**CADENCE, "grid": replace(CADENCE["grid"], least=25),
                 "plots": replace(CADENCE["plots"], least=10)}
    scheduler.use(presenter)
    shown = train(scheduler, clock, 10.0, iteration=0.002)
    assert shown["grid"] >= 25 * 0.9 and shown["plots"] >= 10 * 0.9


def test_wait_says_when_to_drain_next():
    scheduler, clock = scheduler_with_costs({})
    assert scheduler.wait(Pace.FULL, mail=False) == 0.0         # the grid wants samples
    scheduler.news([Record(np.zeros(1))])
    assert set(scheduler.refresh(Pace.FULL)) == set(CADENCE)    # never drawn: all due
    assert scheduler.wants_samples(Pace.FULL)
    assert not scheduler.wants_samples(Pace.FULL)               # asked: not again at once
    clock.wall += 0.01
    # Records in the box: the next views due are the plots and the grid (1/30 s after their
    # last redraw; the grid may be brought its samples).
    assert scheduler.wait(Pace.FULL, mail=True) == pytest.approx(1 / 30 - 0.01)
    assert scheduler.wait(Pace.AT_REST, mail=True) == 0.0
    # No mail, and every view shown: nothing to wake for until the samples come, or until
    # they are asked for again had the request been lost (the grid's least rate: 1 a second).
    assert scheduler.wait(Pace.FULL, mail=False) == pytest.approx(1.0 - 0.01)
    scheduler.news([Record(np.zeros(1))])                        # samples: four views have news
    assert scheduler.wait(Pace.FULL, mail=False) == pytest.approx(1 / 30 - 0.01)


def test_the_gui_load_stretches_budgets_until_the_whole_thread_is_back_on_target():
    load = GuiLoad(target=0.03, window=1.0, most=4.0)
    load.sample(100.0, 10.0)
    load.sample(101.0, 10.06)               # twice the target, whatever the views were charged
    assert load.share == pytest.approx(0.06) and load.factor == pytest.approx(2.0)
    load.sample(102.0, 10.09)               # stretched, the thread is on target: stay there
    assert load.factor == pytest.approx(2.0)
    load.sample(103.0, 10.105)              # little to do: back toward every refresh
    assert load.factor == pytest.approx(1.0)
    load.sample(104.0, 10.605)              # a very slow machine: stretched, but bounded
    assert load.factor == 4.0
    load.sample(164.0, 10.605)              # paused a minute: starts over, not averaged in
    load.sample(165.0, 10.635)
    assert load.share == pytest.approx(0.03) and load.factor == pytest.approx(4.0)


def test_the_gui_load_stretches_a_budgeted_view_but_not_below_its_floor():
    scheduler, clock = scheduler_with_costs({"plots": 0.004})
    assert scheduler.interval("plots", Pace.FULL) == pytest.approx(1 / 30)   # not measured yet
    train(scheduler, clock, 1.0)
    budget = 0.004 / CADENCE["plots"].gui_share
    assert scheduler.interval("plots", Pace.FULL) == pytest.approx(budget)
    scheduler.load.factor = 3.0
    assert scheduler.interval("plots", Pace.FULL) == pytest.approx(3 * budget)
    scheduler.load.factor = 100.0
    assert scheduler.interval("plots", Pace.FULL) == 1 / CADENCE["plots"].least


def test_samples_asked_for_and_never_brought_are_asked_for_again():
    scheduler, clock = scheduler_with_costs({})
    assert scheduler.wants_samples(Pace.FULL)
    clock.wall += 0.5
    assert not scheduler.wants_samples(Pace.FULL)   # still on their way
    clock.wall += 0.5
    assert scheduler.wants_samples(Pace.FULL)       # lost (a restarted loop): ask again


def test_presenter_table_animates_the_grid_and_moves_the_curves_whatever_they_cost():
    from ganstudio.gui.training.refresh_scheduler import PRESENTER_CADENCE

    # Costs and a GUI load that hold the normal table near its floors (grid 1, plots 1 a second).
    costs = {"plots": 0.02, "grid": 0.004, "histogram": 0.01}
    normal, clock = scheduler_with_costs(costs)
    normal.sample_cost = 0.01
    slow = train(normal, clock, 10.0)
    presenting, clock = scheduler_with_costs(costs, PRESENTER_CADENCE)
    presenting.sample_cost = 0.01
    smooth = train(presenting, clock, 10.0)
    assert slow["grid"] < 5 and slow["plots"] < 2
    assert smooth["grid"] >= 25 * 0.95 and smooth["plots"] >= 10 * 0.95
    assert smooth["status"] == pytest.approx(slow["status"])   # the rest as before
