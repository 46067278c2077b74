"""Whether a window can be shown, decided before Qt is imported: Qt itself aborts the process
(status 134) when it cannot connect to a display."""

from __future__ import annotations

import os
import sys

NO_DISPLAY_MESSAGE = ("ganstudio: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
                      "try 'ganstudio selftest' or the command line ('ganstudio --help')")


def display_available() -> bool:
    """macOS and Windows always have one; elsewhere (Linux, the BSDs) X11 or Wayland must say
    where theirs is, unless the user chose a Qt platform (offscreen, eglfs, vnc...) themselves."""
    if sys.platform in ("darwin", "win32", "cygwin"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
