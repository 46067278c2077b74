"""What a first-time viewer sees over the untrained grid: what the window is, and the one key
to press. Shown while a fresh session waits for its first iteration (at launch and after
Reset), gone once training starts. Its type scales with the grid, so it reads the same on a
1024 x 768 projector and on a large screen, and with the zoom (Ctrl+plus) like the window's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from ganstudio.gui import zoom
from ganstudio.gui.translations import tr as _tr


class WelcomeOverlay(QWidget):
    """A child of the digit grid, covering it; clicks go through to what lies beneath."""

    def __init__(self, grid: QWidget, start_key: str) -> None:
        super().__init__(grid)
        self.setObjectName("WelcomeOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._grid = grid
        self.title = _tr("Watch a GAN learn to draw digits")
        self.body = _tr("G, the generator, turns noise into pictures; D, the discriminator, learns "
                        "to tell them from real handwritten digits. Each improves by beating the "
                        "other. These 100 squares are what G draws now: noise, for now.")
        self.call = _tr("Press {key} to start").format(key=start_key)
        self.hint = _tr("→ one step · ? all keys · F1 help")
        self.setGeometry(grid.rect())

    # The grid's events are watched only while this is shown: a training grid repaints often.
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._grid.installEventFilter(self)   # to cover the grid at every size
        self.setGeometry(self._grid.rect())

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._grid.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._grid and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._grid.rect())
        return False

    def pieces(self, side: float, scale: float = 1.0) -> list[tuple[str, float, bool, str]]:
        """(text, pixel size, bold, colour) for a grid `side` pixels wide: sizes grow with the
        grid and never go below what reads on a projector, scaled by the zoom like all text
        (and by `scale` when the whole box must be smaller to fit)."""
        least = zoom.current() * scale
        return [(self.title, max(14.0 * least, side * 0.06 * scale), True, "#ffffff"),
                (self.body, max(11.0 * least, side * 0.037 * scale), False, "#d6d9de"),
                (self.call, max(17.0 * least, side * 0.08 * scale), True, "#ffd54f"),
                (self.hint, max(10.0 * least, side * 0.032 * scale), False, "#b0b5bd")]

    def fitted(self, area: QRectF) -> tuple[list, list[float], float, float, float]:
        """The pieces that fit `area` with their heights, the box's height, margin and gap.
        Slightly smaller type first; then what does not fit goes: the explanation before
        the keys' hint (which went first, and at 1024x768 nothing said how to step or get
        help), then the hint."""
        side = min(area.width(), area.height())
        margin, gap = max(8.0, side * 0.05), max(6.0, side * 0.03)
        inner_width = area.width() - 4 * margin
        for dropped in ((), (1,), (1, 3)):
            for scale in (1.0, 0.85):
                kept = [piece for index, piece in enumerate(self.pieces(side, scale)) if index not in dropped]
                heights = [self._measure(piece, inner_width) for piece in kept]
                height = sum(heights) + gap * (len(kept) - 1) + 2 * margin
                if height <= area.height() - 2 * margin:
                    return kept, heights, height, margin, gap
        return kept, heights, height, margin, gap

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        area = self._grid.image_rect() if hasattr(self._grid, "image_rect") else QRectF(self.rect())
        if min(area.width(), area.height()) < 60:
            return
        kept, heights, height, margin, gap = self.fitted(area)
        inner_width = area.width() - 4 * margin
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        panel = QRectF(area.left() + margin, area.center().y() - height / 2,
                       area.width() - 2 * margin, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(10, 12, 16, 220))
        painter.drawRoundedRect(panel, margin, margin)
        y = panel.top() + margin
        for piece, piece_height in zip(kept, heights):
            painter.setFont(self._font(piece))
            painter.setPen(QColor(piece[3]))
            painter.drawText(QRectF(panel.left() + margin, y, inner_width, piece_height),
                             _FLAGS, piece[0])
            y += piece_height + gap
        painter.end()

    def _measure(self, piece, width: float) -> float:
        return QFontMetricsF(self._font(piece)).boundingRect(
            QRectF(0, 0, width, 10_000), _FLAGS, piece[0]).height()

    def _font(self, piece) -> QFont:
        _, pixels, bold, _color = piece
        font = QFont(self.font())
        font.setPixelSize(round(pixels))
        font.setBold(bold)
        return font


_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
