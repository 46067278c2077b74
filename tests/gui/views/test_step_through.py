"""The step-through tab: stepping a stage lights its blocks and arrows in the diagram, and shows
the stage's sentence, images and D's outputs; running clears it."""

import re

import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.config.settings import discriminator_shapes, generator_shapes, parameter_count
from ganstudio.gui.views.network_diagram import COPY, FAKE, REAL

SEED_SMALL = with_overrides(get_preset("seed"), {"real_per_iter": 200, "fake_per_iter": 200})


# What each stage lights is not listed here again (the diagram's own table would be copied, and a
# wrong entry copied with it): it is checked against what the stage did (its report), the config's
# layer sizes and where the diagram draws things.
def widths(shapes) -> list[int]:
    return [shapes[0][0]] + [n_out for _, n_out in shapes]


def shows(block, numbers) -> bool:
    """The block's text names every one of these numbers (a network's layer widths, a count)."""
    found = {int(n) for n in re.findall(r"\d+", block.detail.replace(",", ""))}
    return set(numbers) <= found


def on_edge(point, block) -> bool:
    (x, y), (x0, y0, x1, y1) = point, block.rect
    inside = x0 - 1e-9 <= x <= x1 + 1e-9 and y0 - 1e-9 <= y <= y1 + 1e-9
    return inside and min(abs(x - x0), abs(x - x1), abs(y - y0), abs(y - y1)) < 1e-9


def ends(arrow, blocks) -> tuple:
    """The blocks the arrow leaves and reaches (None where it touches none)."""
    tail, head = arrow.points[0], arrow.points[-1]
    return (next((b for b in blocks if on_edge(tail, b)), None),
            next((b for b in blocks if on_edge(head, b)), None))


def check_classic_lights(diagram_view, report, config):
    drawing = diagram_view.diagram
    blocks = {b.key: b for b in drawing.blocks}
    arrows = {a.key: a for a in drawing.arrows}
    lit_blocks = [blocks[k] for k in diagram_view.lit_blocks]   # KeyError: a part not drawn
    lit_arrows = [arrows[k] for k in diagram_view.lit_arrows]
    kinds = {a.kind for a in lit_arrows}
    g, d = widths(generator_shapes(config)), widths(discriminator_shapes(config))
    assert lit_blocks
    for arrow in lit_arrows:   # the data lit runs out of, or into, a lit block
        assert any(end in lit_blocks for end in ends(arrow, blocks.values())), arrow.key
    if report.copied is not None:
        # One copy arrow, between two blocks that hold the same network: its weights moved.
        assert [a.kind for a in lit_arrows] == [COPY]
        source, target = ends(lit_arrows[0], blocks.values())
        assert {source.key, target.key} == {b.key for b in lit_blocks}
        whole = {parameter_count(generator_shapes(config)): g,
                 parameter_count(discriminator_shapes(config)): d}
        copied = whole[report.copied_values]   # KeyError: not one whole network's weights
        assert shows(source, copied) and shows(target, copied)
        return
    assert COPY not in kinds
    if report.stage == "sample_reals":
        (reals,) = lit_arrows
        assert reals.kind == REAL and shows(ends(reals, blocks.values())[0], [config.real_per_iter])
    if report.stage == "generate_fakes":
        (fakes,) = [a for a in lit_arrows if a.kind == FAKE]
        assert shows(ends(fakes, blocks.values())[0], g)   # drawn by a block holding G
        assert any(shows(b, [config.fake_per_iter, config.noise_dim]) for b in lit_blocks)
    if report.stage == "train_discriminator":
        # Reals and fakes both run into one lit block that holds D.
        into = {ends(a, blocks.values())[1] for a in lit_arrows if a.kind in (REAL, FAKE)}
        assert {REAL, FAKE} <= kinds and len(into) == 1
        (judge,) = into
        assert judge in lit_blocks and shows(judge, d)
    if report.stage == "train_generator":
        # G learns from noise, through D, without a real image.
        assert REAL not in kinds
        assert any(shows(b, [config.noise_dim]) for b in lit_blocks)
        assert any(shows(b, g) for b in lit_blocks) and any(shows(b, d) for b in lit_blocks)
    if report.stage == "check_stop":
        assert any(shows(b, d) for b in lit_blocks) and not kinds & {REAL, FAKE}


@pytest.fixture(autouse=True)
def check_in_line(monkeypatch):
    """The classic D check runs in the training thread here: started from a QThread, the
    process-wide pool's thread leaves a dummy Python thread behind that the thread watch in
    conftest.py would report (core/training/test_session_and_worker.py covers the check beside
    training)."""
    monkeypatch.setattr("ganstudio.core.gan.second_core.enabled", False)


def step_stage(window, qtbot, name):
    window.actions.step_stage.trigger()
    qtbot.waitUntil(lambda: window.step_through.report is not None
                    and window.step_through.report.stage == name, timeout=10_000)


def test_each_classic_stage_lights_its_blocks_and_copies(make_window, qtbot):
    window = make_window(SEED_SMALL)
    view = window.step_through
    names = window.controller.session.stage_names
    assert not view.diagram.lit_blocks and "Shift+→" in view.sentence.text()
    lit_before = None
    for name in names:
        step_stage(window, qtbot, name)
        assert window.centre.currentWidget() is view
        assert view.diagram.stage == name
        check_classic_lights(view.diagram, view.report, SEED_SMALL)
        lit = (view.diagram.lit_blocks, view.diagram.lit_arrows)
        assert lit != lit_before   # each stage shows something of its own
        lit_before = lit
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
