"""The export formats, each with the one-line note the CLI and the window show."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExportFormat:
    name: str
    note: str        # what the format is for, in one line
    suffix: str      # of the file written ("" for a folder)


FORMATS = {
    "onnx": ExportFormat("onnx", "the generator as one file for any ONNX runtime (apps, the web, C++, C#)", ".onnx"),
    "safetensors": ExportFormat("safetensors", "the weights of G and D with the settings, for other tools "
                                "and to import back", ".safetensors"),
    "pytorch": ExportFormat("pytorch", "a folder of PyTorch code and weights to keep training on a GPU", ""),
}


def export_model(session, format_name: str, path, discriminator: bool = False) -> list[Path]:
    """Writes `session`'s model in the named format; the files written."""
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
