"""The application's icon: drawn for GAN Studio (assets/icon), set on every window."""

import subprocess
import sys

from support import REPO
from support.commands import checkout_env

SCRIPT = """
from ganstudio.gui.app import make_application
app = make_application([])
image = app.windowIcon().pixmap(48, 48).toImage()
opaque = sum(image.pixelColor(x, y).alpha() > 0 for x in range(48) for y in range(48))
colours = len({image.pixel(x, y) for x in range(48) for y in range(48)})
print(app.windowIcon().isNull(), opaque, colours)
"""


def test_every_window_gets_the_drawn_icon():
    # In a process of its own: make_application names the application for its settings.
    env = checkout_env(QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env=env, timeout=60)
    null, opaque, colours = result.stdout.split()
    assert null == "False"
    assert int(opaque) > 48 * 48 * 0.8   # the rounded tile fills the square but its corners
    assert int(colours) > 20             # a drawing, not a flat placeholder


DESKTOP_NAME_SCRIPT = """
from ganstudio.gui.app import make_application
app = make_application([])
print(app.desktopFileName())
"""


def test_the_window_names_the_installed_desktop_entry():
    # Wayland docks find the icon and name through this; the .deb installs the entry so named.
    env = checkout_env(QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", DESKTOP_NAME_SCRIPT], capture_output=True,
                            text=True, env=env, timeout=60)
    name = result.stdout.strip()
    assert name.count(".") >= 2   # reverse-DNS
    entry = REPO / "packaging" / "linux" / f"{name}.desktop"
    assert entry.is_file()
