"""The window's refresh budgets, on a fake clock."""

from __future__ import annotations

import pytest

import ganstudio.gui.training.refresh_budget as refresh_budget
from ganstudio.gui.training.refresh_budget import GuiLoad, PaintMeter, RefreshBudget


class FakeClock:
    def __init__(self, monkeypatch) -> None:
        self.wall = self.cpu = 100.0
        monkeypatch.setattr(refresh_budget.time, "monotonic", lambda: self.wall)
        monkeypatch.setattr(refresh_budget.time, "thread_time", lambda: self.cpu)

    def run(self, seconds: float, busy_share: float) -> None:
        self.wall += seconds
        self.cpu += seconds * busy_share


def test_a_refresh_is_spaced_so_drawing_takes_its_share():
    meter = PaintMeter()
    budget = RefreshBudget(meter, share=0.01, fastest=1 / 30, slowest=0.25)
    budget.record(0.0001)
    assert budget.interval(full_speed=True) == pytest.approx(1 / 30)     # cheap: 30 a second
    meter.add(0.0015)
    budget.record(0.0005)
    assert budget.interval(full_speed=True) == pytest.approx(0.0005 / 0.01, rel=0.3)
    budget.record(0.5)
    assert budget.interval(full_speed=True) == 0.25                      # never slower than this
    assert budget.interval(full_speed=False) == pytest.approx(1 / 30)    # paced: CPU is idle


def test_the_gui_load_stretches_refreshes_until_the_whole_thread_is_back_on_target(monkeypatch):
    clock = FakeClock(monkeypatch)
    load = GuiLoad(target=0.03, window=1.0, most=4.0)
    load.sample()
    clock.run(1.0, busy_share=0.06)          # twice the target, whatever the meters saw
    load.sample()
    assert load.share == pytest.approx(0.06) and load.factor == pytest.approx(2.0)
    clock.run(1.0, busy_share=0.03)          # stretched, the thread is on target: stay there
    load.sample()
    assert load.factor == pytest.approx(2.0)
    clock.run(1.0, busy_share=0.015)         # little to do: back toward every refresh
    load.sample()
    assert load.factor == pytest.approx(1.0)
    clock.run(1.0, busy_share=0.5)           # a very slow machine: stretched, but bounded
    load.sample()
    assert load.factor == 4.0


def test_the_gui_load_starts_over_after_an_idle_spell(monkeypatch):
    """A pause must not dilute the next measurement: the minute of idling is not averaged in."""
    clock = FakeClock(monkeypatch)
    load = GuiLoad(target=0.03, window=1.0)
    load.sample()
    clock.run(0.5, busy_share=0.2)
    load.sample()                             # not a whole window yet: no verdict
    assert load.factor == 1.0
    clock.run(0.5, busy_share=0.04)
    load.sample()
    assert load.factor == pytest.approx(4.0)  # (0.1 + 0.02) s of CPU in 1 s: 0.12 / 0.03
    clock.run(60.0, busy_share=0.0)           # paused for a minute
    load.sample()
    clock.run(1.0, busy_share=0.03)           # on target at the stretched pace: keep it
    load.sample()
    assert load.share == pytest.approx(0.03) and load.factor == pytest.approx(4.0)
