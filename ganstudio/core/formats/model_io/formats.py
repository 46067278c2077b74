"""The export formats, each with the one-line note the CLI and the window show."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ganstudio.core.files.atomic import remove_stale_temporaries
from ganstudio.core.translatable import QT_TRANSLATE_NOOP, Translate, untranslated


@dataclass(frozen=True)
class ExportFormat:
    name: str
    note: str        # what the format is for, in one line
    suffix: str      # of the file written ("" for a folder)
    needs: str       # the optional package it is written with (the `export` extra)


FORMATS = {
    "onnx": ExportFormat("onnx", "the generator as one file for any ONNX runtime (apps, the web, C++, C#)", ".onnx", "onnx"),
    "safetensors": ExportFormat("safetensors", "the weights of G and D with the settings, for other tools "
                                "and to import back", ".safetensors", "safetensors"),
    "pytorch": ExportFormat("pytorch", "a folder of PyTorch code and weights to keep training on a GPU", "",
                            "safetensors"),
}


def unavailable_formats() -> dict[str, str]:
    """The formats that cannot be written here, each with the package it lacks (the window greys
    them out). Looks for the packages without importing them."""
    from ganstudio.core.formats.model_io.optional import missing

    gone = {}
    for name, fmt in FORMATS.items():
        package = missing(fmt.needs)
        if package is not None:
            gone[name] = package
    return gone


# The one wording of the one rule (generator_overflow): the CLI prints it after
# "ganstudio: warning: ", the window shows it in the user's language.
OVERFLOW_WARNING = QT_TRANSLATE_NOOP("Export", "the generator overflows to infinity (its largest weight "
                                     "is {largest}); the exported model will not draw digits")


def generator_overflow(session) -> float | None:
    """The one place that decides whether a G "overflows": run on a few of its fixed noise
    vectors, some layer's output is not finite. A G whose weights are 3e38, say, draws
    saturated or NaN images in any runtime, and an export would carry that silently (the last
    tanh can hide it: tanh(inf) is 1). Its largest weight (to name in the warning), or None."""
    import numpy as np

    from ganstudio.core.formats.model_io.forward import describe, generator_input, run_steps

    model = describe(session)
    x = generator_input(model, session.fixed_noise[:16].astype(model.dtype))
    with np.errstate(all="ignore"):   # the overflow is what we are looking for
        for step in model.generator:
            x = run_steps([step], x)
            if not np.isfinite(x).all():
                return max(float(np.abs(s.weight).max()) for s in model.generator if s.kind == "dense")
    return None


def export_warnings(session, translate: Translate = untranslated) -> list[str]:
    """What is wrong with a model that can still be exported, one sentence each (in the
    window's language, given its `translate`)."""
    largest = generator_overflow(session)
    if largest is None:
        return []
    return [translate(OVERFLOW_WARNING).format(largest=f"{largest:.3g}")]


def export_model(session, format_name: str, path, discriminator: bool = False) -> list[Path]:
    """Writes `session`'s model in the named format; the files written. First removes what
    exports killed with kill -9 left beside it (atomic.remove_stale_temporaries)."""
    remove_stale_temporaries(Path(os.path.abspath(path)).parent)
    if format_name == "onnx":
        from ganstudio.core.formats.model_io.onnx_graph import save_onnx

        return save_onnx(session, path, discriminator)
    if format_name == "safetensors":
        from ganstudio.core.formats.model_io.weights import save_weights

        return [save_weights(session, path)]
    if format_name == "pytorch":
        from ganstudio.core.formats.model_io.pytorch_code import save_pytorch_folder

        return save_pytorch_folder(session, path)
    raise ValueError(f"unknown export format {format_name!r}")
