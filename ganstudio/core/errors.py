"""Errors the user can act on. Each carries one readable line; the CLI prints it and exits
non-zero, the window shows it and keeps the user's state."""


class GanStudioError(Exception):
    """Base class for every error meant for the user rather than for a traceback."""


class DataError(GanStudioError):
    """A dataset file or folder could not be used (names the file and the problem)."""


class CheckpointError(GanStudioError):
    """A checkpoint could not be read or written (names the file and the problem)."""


class ConfigError(GanStudioError):
    """An unknown preset, an unknown key or a value of the wrong type."""


class TrainingError(GanStudioError):
    """Training cannot go on, e.g. the losses became NaN; the last good state is kept."""


class ExportError(GanStudioError):
    """A model could not be exported or imported (a missing package, a foreign file)."""


class OutputError(GanStudioError):
    """An output cannot be written where it was asked for: it would replace its own input, or
    another run is writing into the same folder."""

    code = "output"
