"""The ladder presets: one setting group per rung, valid, trainable, listed in order by the
command line, grouped in the window's chooser with their caption."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from ganstudio.core.config.ladder import LADDER, LADDER_GROUPS, LADDER_IMAGES, images_per_iteration
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.config.settings import GANConfig, validate
from ganstudio.core.data import Dataset
from ganstudio.core.training.session import TrainingSession

# Not settings a rung chooses: its name and sentence, and the iterations that LADDER_IMAGES gives.
DERIVED = {"name", "description", "iterations"}


def changed_keys(before: GANConfig, after: GANConfig) -> set[str]:
    a, b = dataclasses.asdict(before), dataclasses.asdict(after)
    return {key for key in a if a[key] != b[key]} - DERIVED


def test_the_ladder_starts_at_the_classic_demo():
    first = get_preset(LADDER[0].preset)
    assert LADDER[0].group is None
    assert changed_keys(get_preset("seed"), first) == set()


@pytest.mark.parametrize("step", range(1, len(LADDER)), ids=[r.preset for r in LADDER[1:]])
def test_each_rung_changes_one_setting_group(step):
    rung, before = LADDER[step], get_preset(LADDER[step - 1].preset)
    changed = changed_keys(before, get_preset(rung.preset))
    assert changed, f"{rung.preset} changes nothing"
    assert changed <= set(LADDER_GROUPS[rung.group]), (
        f"{rung.preset} says it changes {rung.group} but changes {sorted(changed)}")


def test_rung_names_say_their_place_and_whys_are_single_sentences():
    for place, rung in enumerate(LADDER):
        assert rung.preset.startswith(f"ladder-{place}-")
        assert rung.why.endswith(".") and rung.why.count(". ") == 0, rung.why
        assert get_preset(rung.preset).description == rung.why


def test_every_rung_runs_the_measured_number_of_images_and_validates():
    for rung in LADDER:
        config = get_preset(rung.preset)
        validate(config)
        assert GANConfig.from_json(config.to_json()) == config
        assert config.iterations == LADDER_IMAGES // images_per_iteration(config)


def test_the_ladder_ends_with_digits_of_every_kind():
    start, end = LADDER[0], LADDER[-1]
    assert start.kinds == 0 and end.kinds == 10 and end.unlike < 0.05
    assert end.kl < start.kl and end.frechet < start.frechet


@pytest.mark.parametrize("rung", LADDER, ids=[r.preset for r in LADDER])
def test_each_rung_trains(rung, bundled_train):
    session = TrainingSession(with_overrides(get_preset(rung.preset), {"iterations": 2}), bundled_train)
    records = list(session.run(log_every=1))
    assert session.iteration == 2 and records[-1].finished
    assert np.isfinite([records[-1].d_loss, records[-1].g_loss]).all()
    assert session.sample(4).shape == (4, 28, 28)


def test_presets_lists_the_rungs_in_order_with_their_numbers(capsys):
    from ganstudio.cli.main import main

    assert main(["presets"]) == 0
    out = capsys.readouterr().out
    places = [out.index(f"  {rung.preset}  ") for rung in LADDER]
    assert places == sorted(places)
    for rung in LADDER:
        assert rung.why in out
        row = out[out.index(f"  {rung.preset}  "):].splitlines()[0]
        assert f"{rung.kl:5.2f}" in row and f"{rung.frechet:7.1f}" in row


def test_chooser_groups_the_ladder_and_a_rung_says_why(make_window, bundled_train):
    window = make_window(dataset=bundled_train)
    box = window.preset_box
    heading = box.findText("Ladder, one change each:")
    assert heading >= 0 and not box.model().item(heading).isEnabled()
    assert [box.itemData(heading + 1 + i) for i in range(len(LADDER))] == [r.preset for r in LADDER]

    rung = LADDER[-1]
    box.setCurrentIndex(box.findData(rung.preset))
    bar = window.message_bar
    assert bar.isVisible() and rung.why in bar.label.text()
    assert f"rung {len(LADDER) - 1} of {len(LADDER) - 1}" in bar.label.text()
    assert window.hyperparameters.config().name == rung.preset
    # Dressed as information, not as the error red.
    assert bar.info and window.theme.message_background not in bar.styleSheet()

    box.setCurrentIndex(box.findData("fast"))
    assert not bar.isVisible()


def test_an_error_about_the_chosen_rung_is_not_covered_by_its_caption(make_window, small_data):
    # Not the small dataset itself: this needs fewer digits than the classic algorithm draws in an
    # iteration (1,000 real images), so that choosing the first rung is an error.
    count = get_preset(LADDER[0].preset).real_per_iter - 400
    too_few = Dataset(small_data.images[:count], small_data.labels[:count], "too few", "bundled")
    window = make_window(dataset=too_few)
    window.preset_box.setCurrentIndex(window.preset_box.findData(LADDER[0].preset))
    text = window.message_bar.label.text()
    assert window.message_bar.isVisible() and f"{count} images" in text and LADDER[0].why not in text
    assert not window.message_bar.info   # an error keeps the error style


def test_a_rungs_caption_says_how_its_kinds_were_counted():
    from ganstudio.gui.window.ladder_caption import ladder_caption

    text = ladder_caption("ladder-7-noise")
    # Measured with a kind from 1 % of the samples; the chart and the verdict count from 3 %.
    assert "8.0 of 10 kinds" in text
    assert "a kind counted from 1% of the samples" in text and "count from 3%" in text
    assert "mean of 3 seeds" in text
