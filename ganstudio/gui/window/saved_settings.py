"""What the window remembers between runs, through QSettings.

The application's organisation and name (set in app.py) choose where QSettings stores it;
tests pass their own QSettings (an .ini file in a temporary folder) instead."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from ganstudio.gui.zoom import NORMAL_ZOOM, PRESENTER_ZOOM

ORGANIZATION = "GAN Studio"
APPLICATION = "GAN Studio"


class WindowSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else QSettings(ORGANIZATION, APPLICATION)

    def _get(self, key: str, default, kind=None):
        value = self.qsettings.value(key, default)
        if kind is None or value is None:
            return value
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value) -> None:
        self.qsettings.setValue(key, value)

    # Each setting as a property keeps key names and types in one place.
    geometry = property(lambda self: self._get("window/geometry", QByteArray(), QByteArray),
                        lambda self, v: self._set("window/geometry", v))
    window_state = property(lambda self: self._get("window/state", QByteArray(), QByteArray),
                            lambda self, v: self._set("window/state", v))
    splitters = property(lambda self: self._get("window/splitters", [], list),
                         lambda self, v: self._set("window/splitters", v))
    theme = property(lambda self: self._get("view/theme", "system", str),
                     lambda self, v: self._set("view/theme", v))
    # One zoom per mode (gui/zoom.py): the presenter's large type stays out of the desk's window.
    zoom = property(lambda self: self._get("view/zoom", NORMAL_ZOOM, float),
                    lambda self, v: self._set("view/zoom", v))
    presenter_zoom = property(lambda self: self._get("view/presenter_zoom", PRESENTER_ZOOM, float),
                              lambda self, v: self._set("view/presenter_zoom", v))
    preset = property(lambda self: self._get("training/preset", "", str),
                      lambda self, v: self._set("training/preset", v))
    speed_notch = property(lambda self: self._get("training/speed", -1, int),
                           lambda self, v: self._set("training/speed", v))
    dataset = property(lambda self: self._get("data/spec", "bundled", str),
                       lambda self, v: self._set("data/spec", v))
    digits = property(lambda self: self._get("data/digits", "", str),
                      lambda self, v: self._set("data/digits", v))
    last_folder = property(lambda self: self._get("files/last_folder", "", str),
                           lambda self, v: self._set("files/last_folder", v))

    # WCAG 2.1.4: R, C, 1–9 and ? can be turned off (gui/window/single_keys.py). An .ini file
    # stores a bool as "true"/"false", which bool() would read as True either way.
    single_keys = property(lambda self: str(self._get("keys/single", True)).lower() in ("true", "1"),
                           lambda self, v: self._set("keys/single", bool(v)))

    def sync(self) -> None:
        self.qsettings.sync()
