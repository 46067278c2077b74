"""The step-through tab: stepping a stage lights its blocks and arrows in the diagram, and shows
the stage's sentence, images and D's outputs; running clears it."""

import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset

SEED_SMALL = with_overrides(get_preset("seed"), {"real_per_iter": 200, "fake_per_iter": 200})

CLASSIC_LIGHTS = {
    "copy_generator": ({"stack_generator", "first_network"}, {"copy_generator"}),
    "generate_fakes": ({"noise", "first_network"}, {"noise_first", "fakes"}),
    "sample_reals": ({"data"}, {"reals"}),
    "train_discriminator": ({"discriminator", "loss_d"}, {"reals", "fakes", "d_out"}),
    "copy_discriminator": ({"discriminator", "stack_discriminator"}, {"copy_discriminator"}),
    "train_generator": ({"noise", "stack_generator", "stack_discriminator", "loss_g"},
                        {"noise_stack", "stack_out"}),
    "check_stop": ({"discriminator", "loss_d"}, {"d_out"}),
}


@pytest.fixture(autouse=True)
def check_in_line(monkeypatch):
    """The classic D check runs in the training thread here: started from a QThread, the
    process-wide pool's thread leaves a dummy Python thread behind that the thread watch in
    conftest.py would report (test_training.py covers the check beside training)."""
    monkeypatch.setattr("ganstudio.core.gan.second_core.enabled", False)


def step_stage(window, qtbot, name):
    window.actions.step_stage.trigger()
    qtbot.waitUntil(lambda: window.step_through.report is not None
                    and window.step_through.report.stage == name, timeout=10_000)


def test_each_classic_stage_lights_its_blocks_and_copies(make_window, qtbot):
    window = make_window(SEED_SMALL)
    view = window.step_through
    names = window.controller.session.stage_names
    assert tuple(CLASSIC_LIGHTS) == names
    assert not view.diagram.lit_blocks and "Shift+→" in view.sentence.text()
    for name in names:
        step_stage(window, qtbot, name)
        assert window.centre.currentWidget() is view
        assert view.diagram.stage == name
        assert (set(view.diagram.lit_blocks), set(view.diagram.lit_arrows)) == CLASSIC_LIGHTS[name]
        assert view.diagram.flowing   # the data runs along the lit arrows for a moment
        text = view.sentence.text()
        assert text and "nan" not in text.lower()
        assert "nan" not in view.loss.text().lower()
        if name.startswith("copy_"):
            assert f"{view.report.copied_values:,}" in text
        if name == "train_discriminator":
            assert view.outputs.before.real is not None and view.outputs.after.fake is not None
            assert view.loss.text()
        if name == "train_generator":
            assert view.fakes_after.isVisible() and len(view.fakes_after.digits) == 8
            assert not np.array_equal(view.fakes.digits, view.fakes_after.digits)
        if names.index(name) >= names.index("sample_reals") and name != "train_generator":
            # the iteration's batch stays on screen for the stages that use it
            assert len(view.fakes.digits) == 8 and len(view.reals.digits) == 8
    qtbot.waitUntil(lambda: not view.diagram.flowing, timeout=10_000)   # then it holds still
    assert view.diagram.lit_blocks


def test_the_minibatch_diagram_lights_g_and_d(make_window, qtbot):
    window = make_window()
    view = window.step_through
    step_stage(window, qtbot, "generate_fakes")
    assert view.diagram.lit_blocks == {"noise", "generator"}
    assert len(view.fakes.digits) == 8 and len(view.reals.digits) == 0
    step_stage(window, qtbot, "sample_reals")
    assert len(view.reals.digits) == 8
    step_stage(window, qtbot, "train_discriminator")
    assert "discriminator" in view.diagram.lit_blocks and "reals" in view.diagram.lit_arrows
    step_stage(window, qtbot, "train_generator")
    assert {"generator", "discriminator", "loss_g"} <= view.diagram.lit_blocks
    assert "g_update" in view.diagram.lit_arrows


def test_running_puts_the_training_tab_back_and_clears_the_stage(make_window, qtbot):
    window = make_window()
    step_stage(window, qtbot, "generate_fakes")
    window.actions.start_pause.trigger()
    assert window.centre.currentWidget() is window.view
    qtbot.waitUntil(lambda: window.step_through.report is None, timeout=10_000)
    assert not window.step_through.diagram.lit_blocks
    window.actions.start_pause.trigger()


@pytest.mark.parametrize("factor", [1.0, 1.75])
def test_the_diagram_reads_at_1024_by_768_and_zoomed(make_window, qtbot, factor, tmp_path):
    window = make_window(SEED_SMALL)
    window.resize(1024, 768)
    window.set_zoom(factor)
    step_stage(window, qtbot, "copy_generator")
    qtbot.waitUntil(lambda: window.step_through.diagram.width() > 0)
    diagram = window.step_through.diagram
    # Its text is the application's (zoomed) font, and it has room for it.
    assert diagram.font().pointSizeF() == pytest.approx(window.font().pointSizeF())
    assert diagram.height() >= diagram.minimumSizeHint().height() * 0.8
    image = diagram.grab().toImage()
    assert image.width() == diagram.width() * image.devicePixelRatio()
