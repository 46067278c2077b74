"""A live diagram of the networks: blocks with their layer sizes, the data flowing between them
and the weight copies of the classic algorithm. During a step-through the stage that ran lights
its blocks and arrows, and its data runs along the arrows for a moment (then the arrows stay lit,
and nothing is redrawn until the next stage).

Drawn with QPainter in the widget's font (the application's, which the zoom scales) and the
theme's colours. Where things sit is a table in fractions of the widget, one per algorithm."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QEvent, QLineF, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ganstudio.core.config.settings import discriminator_shapes, generator_shapes
from ganstudio.gui.theme import Theme
from ganstudio.gui.translations import tr as _tr

REAL, FAKE, COPY, PLAIN = "real", "fake", "copy", "plain"   # what an arrow carries


@dataclass(frozen=True)
class Block:
    key: str
    title: str
    detail: str                                 # the layer sizes, or what the block holds
    rect: tuple[float, float, float, float]     # x0, y0, x1, y1 as fractions of the drawing


@dataclass(frozen=True)
class Arrow:
    key: str
    points: tuple[tuple[float, float], ...]     # a polyline in fractions, the head at the end
    kind: str
    label: str = ""


@dataclass(frozen=True)
class Diagram:
    blocks: tuple[Block, ...]
    arrows: tuple[Arrow, ...]
    lights: dict   # stage -> (block keys, arrow keys) it lights


def _sizes(shapes) -> str:
    return "→".join(str(n) for n in [shapes[0][0]] + [out for _, out in shapes])


def diagram_for(config) -> Diagram:
    return _classic(config) if config.algorithm == "classic" else _minibatch(config)


def _classic(config) -> Diagram:
    g, d = _sizes(generator_shapes(config)), _sizes(discriminator_shapes(config))
    blocks = (
        Block("data", _tr("Real digits"), _tr("{n} a time").format(n=config.real_per_iter),
              (0.01, 0.03, 0.18, 0.25)),
        Block("noise", _tr("Noise z"), f"{config.fake_per_iter} × {config.noise_dim}",
              (0.01, 0.33, 0.18, 0.97)),
        Block("first_network", _tr("First network"), g, (0.25, 0.33, 0.47, 0.55)),
        Block("discriminator", _tr("D"), d, (0.55, 0.03, 0.76, 0.55)),
        Block("stack_generator", _tr("Stacked G"), _tr("layer 1: {sizes}").format(sizes=g),
              (0.25, 0.75, 0.47, 0.97)),
        Block("stack_discriminator", _tr("D's copy"), _tr("layers 2–3: {sizes}").format(sizes=d),
              (0.47, 0.75, 0.76, 0.97)),
        Block("loss_d", _tr("D's loss"), _tr("real → 1\nfake → 0"), (0.83, 0.10, 0.99, 0.44)),
        Block("loss_g", _tr("G's loss"), _tr("target 1"), (0.83, 0.75, 0.99, 0.97)),
    )
    arrows = (
        Arrow("reals", ((0.18, 0.14), (0.55, 0.14)), REAL, _tr("reals")),
        Arrow("noise_first", ((0.18, 0.44), (0.25, 0.44)), PLAIN),
        Arrow("fakes", ((0.47, 0.44), (0.55, 0.44)), FAKE, _tr("fakes")),
        Arrow("d_out", ((0.76, 0.27), (0.83, 0.27)), PLAIN),
        Arrow("noise_stack", ((0.18, 0.86), (0.25, 0.86)), PLAIN),
        Arrow("stack_out", ((0.76, 0.86), (0.83, 0.86)), PLAIN),
        Arrow("copy_generator", ((0.36, 0.75), (0.36, 0.55)), COPY, _tr("copy")),
        Arrow("copy_discriminator", ((0.655, 0.55), (0.655, 0.75)), COPY, _tr("copy")),
    )
    lights = {
        "copy_generator": ({"stack_generator", "first_network"}, {"copy_generator"}),
        "generate_fakes": ({"noise", "first_network"}, {"noise_first", "fakes"}),
        "sample_reals": ({"data"}, {"reals"}),
        "train_discriminator": ({"discriminator", "loss_d"}, {"reals", "fakes", "d_out"}),
        "copy_discriminator": ({"discriminator", "stack_discriminator"}, {"copy_discriminator"}),
        "train_generator": ({"noise", "stack_generator", "stack_discriminator", "loss_g"},
                            {"noise_stack", "stack_out"}),
        "check_stop": ({"discriminator", "loss_d"}, {"d_out"}),
    }
    return Diagram(blocks, arrows, lights)


def _minibatch(config) -> Diagram:
    g, d = _sizes(generator_shapes(config)), _sizes(discriminator_shapes(config))
    batch = config.batch_size
    blocks = (
        Block("data", _tr("Real digits"), _tr("{n} a time").format(n=batch),
              (0.01, 0.03, 0.18, 0.26)),
        Block("noise", _tr("Noise z"), f"{batch} × {config.noise_dim}", (0.01, 0.38, 0.18, 0.66)),
        Block("generator", _tr("G"), g, (0.25, 0.38, 0.47, 0.66)),
        Block("discriminator", _tr("D"), d, (0.55, 0.03, 0.76, 0.66)),
        Block("loss_d", _tr("D's loss"), _tr("real → 1\nfake → 0"), (0.83, 0.03, 0.99, 0.30)),
        Block("loss_g", _tr("G's loss"), _tr("fake → 1"), (0.83, 0.38, 0.99, 0.66)),
    )
    arrows = (
        Arrow("reals", ((0.18, 0.145), (0.55, 0.145)), REAL, _tr("reals")),
        Arrow("noise_g", ((0.18, 0.52), (0.25, 0.52)), PLAIN),
        Arrow("fakes", ((0.47, 0.52), (0.55, 0.52)), FAKE, _tr("fakes")),
        Arrow("d_out", ((0.76, 0.165), (0.83, 0.165)), PLAIN),
        Arrow("g_out", ((0.76, 0.52), (0.83, 0.52)), PLAIN),
        Arrow("g_update", ((0.91, 0.66), (0.91, 0.84), (0.36, 0.84), (0.36, 0.66)), COPY,
              _tr("G's gradient, through D")),
    )
    lights = {
        "generate_fakes": ({"noise", "generator"}, {"noise_g", "fakes"}),
        "sample_reals": ({"data"}, {"reals"}),
        "train_discriminator": ({"discriminator", "loss_d"}, {"reals", "fakes", "d_out"}),
        "train_generator": ({"noise", "generator", "discriminator", "loss_g"},
                            {"noise_g", "fakes", "g_out", "g_update"}),
        "check_stop": ({"loss_d", "loss_g"}, set()),
    }
    return Diagram(blocks, arrows, lights)


class NetworkDiagram(QWidget):
    FLOW_MS = 2400     # how long data runs along a lit stage's arrows
    FRAME_MS = 33
    MOST_OF_PARENT = 0.6   # the least height it asks for is at most this share of its parent's

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Diagram of the networks"))
        self.diagram: Diagram | None = None
        self.stage: str | None = None
        self.lit_blocks: frozenset[str] = frozenset()
        self.lit_arrows: frozenset[str] = frozenset()
        self._theme = theme
        self._flow = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(self.FRAME_MS)
        self._timer.timeout.connect(self._next_frame)

    # ----- what it shows ----------------------------------------------------------------
    def set_config(self, config) -> None:
        self.diagram = diagram_for(config)
        self._fit()
        self.show_stage(None)

    def show_stage(self, stage: str | None) -> None:
        """Lights the blocks and arrows of `stage` and sets its data flowing; None (or a stage
        the diagram does not know) lights nothing."""
        lights = self.diagram.lights.get(stage) if self.diagram and stage else None
        self.stage = stage if lights else None
        self.lit_blocks, self.lit_arrows = (frozenset(lights[0]), frozenset(lights[1])) if lights \
            else (frozenset(), frozenset())
        if self.lit_arrows:
            self._flow.start()
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    @property
    def flowing(self) -> bool:
        return self._timer.isActive()

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def _next_frame(self) -> None:
        if self._flow.elapsed() > self.FLOW_MS or not self.isVisible():
            self._timer.stop()   # the arrows stay lit, still
        self.update()

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        line = self.fontMetrics().height()
        return QSize(24 * line, 12 * line)

    def needed_height(self, width: int) -> int:
        """The height at which every block's words fit at `width` (large type, narrow window)."""
        line = self.fontMetrics().height()
        if self.diagram is None:
            return 12 * line
        inner_width = width - line   # the margins of _area
        needed = 0.0
        for block in self.diagram.blocks:
            x0, y0, x1, y1 = block.rect
            title, detail = self._text_heights(block, x0, x1, inner_width)
            needed = max(needed, (title + detail + 12) / (y1 - y0))
        return max(12 * line, round(needed + line))

    def _text_heights(self, block: Block, x0: float, x1: float, width: float) -> tuple[int, int]:
        box = QRect(0, 0, max(1, round((x1 - x0) * width) - 12), 10_000)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        return (QFontMetrics(self._bold_font()).boundingRect(box, flags, block.title).height(),
                self.fontMetrics().boundingRect(box, flags, block.detail).height())

    def _bold_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _fit(self) -> None:
        needed = self.needed_height(self.width())
        if self.parentWidget() is not None:   # what shows the stage's images keeps its share
            needed = min(needed, round(self.parentWidget().height() * self.MOST_OF_PARENT))
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    # ----- painting ---------------------------------------------------------------------
    def _area(self) -> QRectF:
        margin = self.fontMetrics().height() * 0.5
        return QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)

    def _point(self, area: QRectF, x: float, y: float) -> QPointF:
        return QPointF(area.left() + x * area.width(), area.top() + y * area.height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.diagram is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._area()
        phase = (self._flow.elapsed() % 800) / 800.0 if self.flowing else None
        for arrow in self.diagram.arrows:
            self._paint_arrow(painter, area, arrow, arrow.key in self.lit_arrows, phase)
        for block in self.diagram.blocks:
            self._paint_block(painter, area, block, block.key in self.lit_blocks)
        for arrow in self.diagram.arrows:   # labels over everything, on their own background
            if arrow.label:
                self._paint_label(painter, area, arrow, arrow.key in self.lit_arrows)
        painter.end()

    def _colour(self, kind: str) -> QColor:
        t = self._theme
        return QColor({REAL: t.real_color, FAKE: t.fake_color}.get(kind, t.highlight))

    def _paint_block(self, painter: QPainter, area: QRectF, block: Block, lit: bool) -> None:
        t = self._theme
        x0, y0, x1, y1 = block.rect
        rect = QRectF(self._point(area, x0, y0), self._point(area, x1, y1)).adjusted(2, 2, -2, -2)
        fill = QColor(t.highlight if lit else t.alternate_base)
        if lit:
            fill.setAlphaF(0.35)
        painter.setPen(QPen(QColor(t.highlight if lit else t.disabled_text), 3 if lit else 1))
        painter.setBrush(QBrush(fill))
        radius = self.fontMetrics().height() * 0.4
        painter.drawRoundedRect(rect, radius, radius)
        # While a stage is lit, the blocks it does not use step back.
        painter.setPen(QColor(t.disabled_text if self.lit_blocks and not lit else t.text))
        inner = rect.adjusted(4, 2, -4, -2)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        title_height, detail_height = self._text_heights(block, x0, x1, area.width())
        painter.setFont(self._bold_font())
        top = inner.top() + max(0.0, (inner.height() - title_height - detail_height) / 2)
        painter.drawText(QRectF(inner.left(), top, inner.width(), title_height), int(flags), block.title)
        painter.setFont(self.font())
        painter.drawText(QRectF(inner.left(), top + title_height, inner.width(),
                                max(detail_height, inner.bottom() - top - title_height)),
                         int(flags), block.detail)

    def _paint_arrow(self, painter: QPainter, area: QRectF, arrow: Arrow, lit: bool, phase) -> None:
        t = self._theme
        points = [self._point(area, x, y) for x, y in arrow.points]
        colour = self._colour(arrow.kind) if lit else QColor(t.disabled_text)
        width = max(1.5, self.fontMetrics().height() / 6) * (2 if lit else 1)
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if arrow.kind == COPY:
            pen.setStyle(Qt.PenStyle.DashLine)
            if lit and phase is not None:
                pen.setDashOffset(-phase * 8)   # the dashes march towards the head
        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        # The head: a filled triangle at the last point.
        head = self.fontMetrics().height() * (0.55 if lit else 0.45)
        line = QLineF(points[-1], points[-2])
        line.setLength(head)
        left, right = QLineF(line), QLineF(line)
        left.setAngle(line.angle() + 28)
        right.setAngle(line.angle() - 28)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([points[-1], left.p2(), right.p2()]))
        if lit and phase is not None and arrow.kind != COPY:
            # The data on its way: bright dots moving along the arrow.
            painter.setBrush(QColor(t.highlighted_text))
            painter.setPen(QPen(colour, 1.5))
            radius = width * 1.3
            for offset in (0.0, 0.5):
                painter.drawEllipse(path.pointAtPercent((phase + offset) % 1.0), radius, radius)

    def _paint_label(self, painter: QPainter, area: QRectF, arrow: Arrow, lit: bool) -> None:
        t = self._theme
        (xa, ya), (xb, yb) = arrow.points[-2], arrow.points[-1]
        if len(arrow.points) > 2:   # a bent arrow: its label on its middle leg
            (xa, ya), (xb, yb) = arrow.points[1], arrow.points[2]
        middle = self._point(area, (xa + xb) / 2, (ya + yb) / 2)
        metrics = self.fontMetrics()
        box = QRectF(metrics.boundingRect(arrow.label)).adjusted(-3, -1, 3, 1)
        box.moveCenter(middle)
        if ya == yb:   # horizontal: above the line
            box.moveBottom(middle.y() - 2)
        else:          # vertical: beside it
            box.moveLeft(middle.x() + metrics.height() * 0.4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.window))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(self._colour(arrow.kind) if lit else QColor(t.disabled_text))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), arrow.label)
