"""Draw for the discriminator and Inside the generator (issue 14): two docks, filled from
copies the training thread makes between its records (TrainingController.between_records), so
neither training's networks nor their work buffers are ever used from this thread and training
never stops for them.

What is copied, and when: D's weights and G's one-layer weights at the pace of the "inside" row
of the refresh table (gui/training/refresh_scheduler.py), only for a dock that is showing; a
latent walk's digits (G drawing 10 noise rows) at that pace too, or at the animation's. The
drawing is asked of a private copy of D and a private judge (the Quality panel's judge is busy
judging samples off the GUI thread), at most DRAW_ANSWERS_PER_SECOND while the user draws."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ganstudio.core.classroom.discriminator_probe import DiscriminatorProbe, copy_discriminator
from ganstudio.core.classroom.hand_drawing import read_picture
from ganstudio.core.classroom.inside_generator import LatentWalk, single_layer_weights, weight_images
from ganstudio.core.config.settings import generator_shapes
from ganstudio.core.errors import GanStudioError
from ganstudio.core.files.bundled_assets import asset_path
from ganstudio.core.quality.digit_likeness import load_digit_likeness
from ganstudio.core.quality.judge import JUDGE_FILE, read_judge
from ganstudio.core.quality.verdict import recent_means
from ganstudio.gui.panels.draw_panel import DrawPanel
from ganstudio.gui.panels.generator_panel import WALK_LENGTH, GeneratorPanel
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.window.frame import Docks

DRAW_ANSWERS_PER_SECOND = 25
YARDSTICK_WINDOW = 10   # iterations D's yardstick means are taken over: recent, not one noisy batch
WALK_FRAMES_PER_SECOND = 12
WALK_STEP = 0.02   # of the way to the next pair, per frame: a new pair every ~4 s


class _Copies(QObject):
    """Carries a copy made in the training thread to this one: (what, session, payload)."""
    arrived = Signal(object)


class NetworkProbes:
    def __init__(self, controller: TrainingController, docks: Docks,
                 show_error: Callable[[str], None], parent: QWidget) -> None:
        self._controller, self._show_error = controller, show_error
        self._parent = parent   # the picture dialog's parent, and the timers'
        c = controller
        self.draw_panel = DrawPanel()
        self.generator_panel = GeneratorPanel()
        self.draw_dock = docks.add(_tr("Draw for D"), "DrawDock", self.draw_panel)
        self.generator_dock = docks.add(_tr("Inside G"), "GeneratorDock", self.generator_panel)
        self.probe = DiscriminatorProbe()
        self._judge = None   # read on first use
        self._walk: LatentWalk | None = None
        self._pending: set[str] = set()   # copies asked for and not yet arrived: one at a time
        self._copies = _Copies(parent)
        self._copies.arrived.connect(self._arrived, Qt.ConnectionType.AutoConnection)
        self._answer_timer = QTimer(parent)
        self._answer_timer.setSingleShot(True)
        self._answer_timer.setInterval(1000 // DRAW_ANSWERS_PER_SECOND)
        self._answer_timer.timeout.connect(self.answer)
        self._walk_timer = QTimer(parent)
        self._walk_timer.setInterval(1000 // WALK_FRAMES_PER_SECOND)
        self._walk_timer.timeout.connect(self._walk_frame)

        c.add_view("inside", self.refresh, self.draw_panel.canvas, self.generator_panel.weights,
                   self.generator_panel.walk)
        c.session_replaced.connect(self.show_session)
        self.draw_panel.canvas.changed.connect(self._drawing_changed)
        self.draw_panel.open_button.clicked.connect(self.open_picture)
        self.generator_panel.new_pair.clicked.connect(self.new_pair)
        self.generator_panel.animate.toggled.connect(self._animate)
        for dock in (self.draw_dock, self.generator_dock):
            dock.visibilityChanged.connect(lambda visible: visible and self.refresh())

    # ----- copies from the training thread ----------------------------------------------------
    def _ask(self, what: str, copy) -> None:
        """Has `copy(session)` run where the session holds still; its result arrives in
        _arrived. At most one of each kind is on its way."""
        session = self._controller.session
        if session is None or what in self._pending:
            return
        self._pending.add(what)
        emit = self._copies.arrived.emit
        self._controller.between_records(lambda: emit((what, session, copy(session))))

    def _arrived(self, copied) -> None:
        what, session, payload = copied
        self._pending.discard(what)
        if session is not self._controller.session:
            return   # the old run's
        if what == "d":
            weights, means = payload
            self.probe.load(weights)
            self.draw_panel.show_yardstick(means)
            self.answer()
        elif what == "weights":
            self.generator_panel.show_weights(payload)
        elif what == "walk":
            self.generator_panel.show_walk(payload)

    def refresh(self) -> None:
        """The "inside" row's redraw: asks for fresh copies for the docks that show."""
        if self.draw_dock.isVisible():
            # D's weights, and its recent means on reals and fakes as the yardstick.
            self._ask("d", lambda s: (copy_discriminator(s), recent_means(s.history, YARDSTICK_WINDOW)))
        if self.generator_dock.isVisible():
            if self.generator_panel.shows_weights:
                self._ask("weights", lambda s: weight_images(single_layer_weights(s.algorithm), 100))
            elif not self.generator_panel.animate.isChecked():   # the animation asks itself
                self._ask_walk()

    def _ask_walk(self) -> None:
        noise = self._walk.noise()
        self._ask("walk", lambda s: s.draw(noise))

    def show_session(self, session) -> None:
        """A new run: a new D to ask, and the weights or a walk for its G."""
        self.probe = DiscriminatorProbe()
        self.draw_panel.show_answers(None, None)
        self.draw_panel.show_yardstick(None)
        panel = self.generator_panel
        panel.clear()
        if session is None:
            return
        panel.show_weights_page(len(generator_shapes(session.config)) == 1)
        self._walk = LatentWalk(session.config, count=WALK_LENGTH)
        self.refresh()

    # ----- the drawing ------------------------------------------------------------------------
    def _drawing_changed(self) -> None:
        if not self._answer_timer.isActive():
            self._answer_timer.start()

    def answer(self) -> None:
        """What D and the judge say about the drawing now."""
        self._answer_timer.stop()
        image = self.draw_panel.canvas.image()
        if not image.any():
            self.draw_panel.show_empty()
            return
        if self._judge is None:
            self._judge = read_judge(asset_path(JUDGE_FILE))
        features = self._judge.features(image[None])
        # The judge names a digit for anything; the likeness test says whether it is one.
        self.draw_panel.show_answers(self.probe.real_probability(image),
                                     self._judge.proba_from_features(features)[0],
                                     bool(load_digit_likeness().digit_like(features)[0]))

    def open_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, _tr("Open a Picture of a Digit"), "",
            _tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Shows the picture on the canvas; a file that is no picture leaves the drawing as it
        was and says so in the message bar."""
        try:
            image = read_picture(path)
        except GanStudioError as error:
            self._show_error(str(error))
            return
        self.draw_panel.canvas.set_image(image)

    # ----- the latent walk --------------------------------------------------------------------
    def new_pair(self) -> None:
        if self._walk is not None:
            self._walk.new_pair()
            self._ask_walk()

    def _animate(self, on: bool) -> None:
        if on:
            self._walk_timer.start()
        else:
            self._walk_timer.stop()

    def _walk_frame(self) -> None:
        if self._walk is None or not self.generator_dock.isVisible() or "walk" in self._pending:
            return   # a frame still on its way: this one is skipped, not queued
        self._walk.advance(WALK_STEP)
        self._ask_walk()
