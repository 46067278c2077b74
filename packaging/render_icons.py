"""Renders the app icon (assets/icon/ganstudio.svg) to the PNG sizes a desktop's icon theme and
the Windows/macOS installers want, with Qt's own SVG renderer (no ImageMagick or Inkscape on
the build machine). Usage: python packaging/render_icons.py OUT_DIR [SIZE ...]

Writes OUT_DIR/<size>.png for each size (default: the hicolor theme's usual set), and from
them OUT_DIR/ganstudio.ico (Windows) and OUT_DIR/ganstudio.icns (macOS) with Pillow."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Qt renders to an image without a display; the build machine may have none.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402 - after the platform is chosen
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "icon" / "ganstudio.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons.py: {svg} is not an SVG Qt can read")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-3], file=sys.stderr)
        return 2
    out = Path(argv[0])
    sizes = [int(s) for s in argv[1:]] or list(HICOLOR_SIZES)
    out.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QImage text/fonts need it
    for size in sizes:
        target = out / f"{size}.png"
        if not render(SVG, size).save(str(target)):
            raise SystemExit(f"render_icons.py: could not write {target}")
    from PIL import Image  # an app dependency, so in every build venv

    largest = Image.open(out / f"{max(sizes)}.png")
    largest.save(out / "ganstudio.ico", sizes=[(s, s) for s in sizes if s <= 256])
    largest.save(out / "ganstudio.icns")
    print(f"rendered {len(sizes)} icon sizes, an .ico and an .icns into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
