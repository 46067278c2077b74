"""safetensors export: an exact round trip for every preset, through `ganstudio import` too;
foreign or damaged files are refused in one line."""

import json

import numpy as np
import pytest

from support.exports import PRESETS, fresh_noise, trained_session

pytest.importorskip("safetensors", reason="the safetensors package is not installed (pip install 'ganstudio[export]')")

from ganstudio.core.errors import ExportError  # noqa: E402
from ganstudio.core.formats.checkpoint import save_checkpoint
from ganstudio.core.formats.model_io.weights import load_weights, read_weights, save_weights  # noqa: E402

from support.commands import ganstudio


@pytest.mark.parametrize("preset", PRESETS)
def test_weights_round_trip_exactly(preset, tmp_path):
    session = trained_session(preset)
    path = save_weights(session, tmp_path / "w.safetensors")
    config, iteration, tensors = read_weights(path)
    assert config == session.config and iteration == session.iteration
    d = session.algorithm.discriminator
    first_dense = d.dense_layers[0]
    key = f"discriminator.layers.{d.layers.index(first_dense)}.weight"
    assert np.array_equal(tensors[key], first_dense.params[0].T)   # PyTorch's (out, in) layout
    back = load_weights(path)
    for name, net in session.algorithm.networks.items():
        assert np.array_equal(back.algorithm.networks[name].flat_params, net.flat_params), name
    noise = fresh_noise(session)
    assert np.array_equal(back.draw(noise), session.draw(noise))
    # exported again: the same configuration, iteration and tensors (the safetensors package
    # orders the metadata as it likes, so the bytes themselves may differ)
    again_config, again_iteration, again_tensors = read_weights(save_weights(back, tmp_path / "again.safetensors"))
    assert (again_config, again_iteration) == (config, iteration)
    assert again_tensors.keys() == tensors.keys()
    assert all(np.array_equal(again_tensors[k], tensors[k]) and again_tensors[k].dtype == tensors[k].dtype
               for k in tensors)


def test_import_and_sample_noise_from_the_command_line(tmp_path):
    session = trained_session("fast")
    checkpoint = save_checkpoint(session, tmp_path / "original.npz")
    weights = save_weights(session, tmp_path / "w.safetensors")
    result = ganstudio("import", weights, "--out", tmp_path / "back.npz")
    assert result.returncode == 0, result.stderr
    noise = fresh_noise(session, n=30)
    np.save(tmp_path / "noise.npy", noise.astype(np.float64))
    for name in ("original", "back"):
        source = checkpoint if name == "original" else tmp_path / "back.npz"
        result = ganstudio("sample", source, "--noise", tmp_path / "noise.npy", "--out", tmp_path / f"{name}.npy")
        assert result.returncode == 0, result.stderr
    drawn = np.load(tmp_path / "back.npy")
    assert np.array_equal(drawn, np.load(tmp_path / "original.npy"))
    assert np.array_equal(drawn, session.draw(noise))


@pytest.mark.parametrize("content, words", [
    (b"", "not a readable safetensors file"),
    (b"\xff" * 8 + b"{}", "header claims"),
    (len(b"{}").to_bytes(8, "little") + b"{}", "not one GAN Studio exported"),
])
def test_foreign_or_damaged_weights_are_one_line(tmp_path, content, words):
    path = tmp_path / "w.safetensors"
    path.write_bytes(content)
    result = ganstudio("import", path, "--out", tmp_path / "x.npz")
    assert result.returncode == 2
    assert words in result.stderr and str(path) in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "x.npz").exists()


def test_weights_of_another_shape_are_refused(tmp_path):
    from safetensors.numpy import save_file

    session = trained_session("mlp")
    path = save_weights(session, tmp_path / "w.safetensors")
    config, iteration, tensors = read_weights(path)
    tensors["generator.layers.0.weight"] = tensors["generator.layers.0.weight"][:, :5].copy()
    meta = {"format": "ganstudio-weights", "format_version": "1", "config": config.to_json(), "iteration": "3"}
    save_file(tensors, str(path), metadata=meta)
    with pytest.raises(ExportError, match=r"generator needs [\d,]+ numbers, the file holds"):
        load_weights(path)
    meta["config"] = json.dumps({"noise_dim": "many"})
    save_file(tensors, str(path), metadata=meta)
    with pytest.raises(ExportError, match="damaged configuration"):
        load_weights(path)


@pytest.mark.parametrize("array, words", [
    (np.zeros((3, 4)), "shape (3, 4)"),
    (np.zeros((3, 11), np.int64), "noise must be float32 or float64"),
    (np.full((3, 11), np.nan), "NaN"),
    (np.full((3, 11), 1.0), "last column picks the cluster"),
])
def test_bad_noise_files_are_one_line(tmp_path, array, words):
    checkpoint = save_checkpoint(trained_session("fast"), tmp_path / "c.npz")
    np.save(tmp_path / "noise.npy", array)
    result = ganstudio("sample", checkpoint, "--noise", tmp_path / "noise.npy", "--out", tmp_path / "x.png")
    assert result.returncode == 2 and words in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_noise_file_that_lies_about_its_size_is_refused_before_reading(tmp_path):
    from ganstudio.core.formats.model_io.noise_file import NoiseFileError, read_noise

    path = tmp_path / "noise.npy"
    np.save(path, np.zeros((4, 11), np.float32))
    path.write_bytes(path.read_bytes().replace(b"(4, 11)", b"(9, 11)"))
    with pytest.raises(NoiseFileError, match="damaged"):
        read_noise(path, trained_session("fast").config)


def test_the_metadata_says_pt_as_hugging_face_loaders_expect_with_our_marker_under_our_keys(tmp_path):
    from safetensors import safe_open

    session = trained_session("mlp")
    path = save_weights(session, tmp_path / "w.safetensors")
    with safe_open(str(path), "np") as handle:
        meta = handle.metadata()
    assert meta["format"] == "pt"   # what transformers' and diffusers' load_state_dict check
    assert meta["ganstudio_format"] == "ganstudio-weights" and meta["ganstudio_format_version"] == "1"
    assert "format_version" not in meta


def test_a_file_in_the_old_layout_still_imports(tmp_path):
    """Exports written before "format": "pt" kept GAN Studio's marker in "format" itself."""
    from safetensors.numpy import save_file

    session = trained_session("mlp")
    _, _, tensors = read_weights(save_weights(session, tmp_path / "new.safetensors"))
    old = tmp_path / "old.safetensors"
    save_file(tensors, str(old), metadata={
        "format": "ganstudio-weights", "format_version": "1", "config": session.config.to_json(),
        "iteration": str(session.iteration), "ganstudio_version": "0.1.0"})
    result = ganstudio("import", old, "--out", tmp_path / "back.npz")
    assert result.returncode == 0, result.stderr
    back = load_weights(old)
    noise = fresh_noise(session)
    assert back.iteration == session.iteration and np.array_equal(back.draw(noise), session.draw(noise))
    # a newer version in either layout is refused in one line
    save_file(tensors, str(old), metadata={"format": "ganstudio-weights", "format_version": "9",
                                           "config": session.config.to_json()})
    with pytest.raises(ExportError, match="newer GAN Studio"):
        read_weights(old)
    save_file(tensors, str(old), metadata={"format": "pt", "ganstudio_format": "ganstudio-weights",
                                           "ganstudio_format_version": "9", "config": session.config.to_json()})
    with pytest.raises(ExportError, match="newer GAN Studio"):
        read_weights(old)


def test_a_plain_pytorch_state_dict_is_refused_in_one_line(tmp_path):
    from safetensors.numpy import save_file

    path = tmp_path / "other.safetensors"
    save_file({"w": np.zeros(3, np.float32)}, str(path), metadata={"format": "pt"})
    with pytest.raises(ExportError, match="not one GAN Studio exported"):
        read_weights(path)
