"""Hostile inputs and outputs (issue #23): each gets one readable line, allocates no more than
the input holds, and never leaves a half-written output behind."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile

import numpy as np
import pytest

from ganstudio.cli.main import main as cli
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.data import open_dataset
from ganstudio.core.errors import CheckpointError
from ganstudio.core.formats.checkpoint import load_checkpoint, save_checkpoint
from ganstudio.core.training.session import TrainingSession

from support.commands import checkout_env

TINY = {"g_hidden": (16,), "d_hidden": (16,), "noise_dim": 8, "batch_size": 8, "iterations": 2}


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    session = TrainingSession(with_overrides(get_preset("fast"), TINY), open_dataset("bundled"))
    for _ in session.run():
        pass
    return save_checkpoint(session, tmp_path_factory.mktemp("ckpt") / "checkpoint.npz")


def one_line(capsys, status: int = 2) -> str:
    """The CLI's single stderr line (after an exit with `status`)."""
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def rewritten(source, target, replace=None, flags=None):
    """A copy of the .npz `source` with members replaced (name -> array or raw bytes), deflated,
    and `flags(data)` applied to the raw bytes."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in replace:
                value = replace[info.filename]
                if isinstance(value, np.ndarray):
                    buffer = io.BytesIO()
                    np.save(buffer, value)
                    value = buffer.getvalue()
                new.writestr(info.filename, value, compress_type=zipfile.ZIP_DEFLATED)
            else:
                new.writestr(info, old.read(info.filename))
    if flags:
        target.write_bytes(flags(bytearray(target.read_bytes())))
    return target


def _set_in_headers(data: bytearray, local_offset: int, central_offset: int, setter) -> bytearray:
    for signature, offset in ((b"PK\x03\x04", local_offset), (b"PK\x01\x02", central_offset)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            setter(data, start + offset)
            start += 4
    return data


def _encrypted(data):
    def flag(d, at):
        d[at] |= 1
    return _set_in_headers(data, 6, 8, flag)


def _method_97(data):
    def method(d, at):
        d[at:at + 2] = struct.pack("<H", 97)
    return _set_in_headers(data, 8, 10, method)


def _damaged_deflate(skip):
    """The first member deflated, with bytes in its compressed stream flipped from `skip` on."""
    def flip(data):
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            info = archive.infolist()[0]
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + skip
        for at in range(start, start + 64):
            data[at] ^= 0xFF
        return data
    return flip


# ---------------------------------------------------------------- checkpoints
@pytest.mark.parametrize("damage, expected", [
    ("deflate", "not a readable GAN Studio checkpoint"),
    ("header", "damaged .npy header"),
    ("encrypted", "is encrypted"),
    ("method", "compression GAN Studio does not write"),
])
def test_undecodable_checkpoint_zip_is_one_line(checkpoint, tmp_path, capsys, damage, expected):
    with zipfile.ZipFile(checkpoint) as archive:
        first = archive.infolist()[0].filename
        first_array = np.load(io.BytesIO(archive.read(first)))
    target = tmp_path / "bad.npz"
    if damage == "deflate":
        rewritten(checkpoint, target, {first: first_array}, _damaged_deflate(400))
    elif damage == "header":
        header = b"{'descr': '<f8', 'fortran_order': False, 'shape': (3,".ljust(117) + b"\n"
        rewritten(checkpoint, target, {first: b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header})
    else:
        rewritten(checkpoint, target, flags=_encrypted if damage == "encrypted" else _method_97)
    with pytest.raises(CheckpointError, match=expected):
        load_checkpoint(target)
    assert cli(["export", str(target), "--format", "safetensors", "--out", str(tmp_path / "x.safetensors")]) == 2
    assert expected in one_line(capsys)


@pytest.mark.parametrize("member, array", [
    ("timeline.frames.npy", lambda: np.zeros((256, 100, 28, 28), np.uint8)),   # 20 MB, deflated to ~20 KB
    ("history.bins.npy", lambda: np.zeros((6, 400_000))),
    ("config.npy", lambda: np.array("{" + " " * 5_000_000 + "}")),
])
def test_inflating_member_is_refused_before_it_is_unpacked(checkpoint, tmp_path, member, array):
    target = rewritten(checkpoint, tmp_path / "bomb.npz", {member: array()})
    assert target.stat().st_size < 8_000_000
    tracemalloc.start()
    try:
        with pytest.raises(CheckpointError, match=f"{member} unpacks to"):
            load_checkpoint(target)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000


def _with_meta(checkpoint, target, **changes):
    import json

    with np.load(checkpoint) as npz:
        meta = json.loads(str(npz["meta"]))
    meta.update(changes)
    return rewritten(checkpoint, target, {"meta.npy": np.array(json.dumps(meta))})


@pytest.mark.parametrize("iteration", [2 ** 63 + 5, -1, True, 10 ** 400])
def test_checkpoint_with_an_impossible_iteration_is_refused_at_load(checkpoint, tmp_path, iteration):
    # Resumed, it trained, then crashed at its final save (int64) and saved nothing.
    target = _with_meta(checkpoint, tmp_path / "far.npz", iteration=iteration)
    with pytest.raises(CheckpointError, match="damaged iteration count"):
        load_checkpoint(target)


def test_resume_from_timeline_of_other_frame_size_is_refused_at_load(checkpoint, tmp_path, capsys):
    with np.load(checkpoint) as npz:
        frames, iterations = npz["timeline.frames"], npz["timeline.iterations"]
    assert frames.shape[1] == 100 and len(iterations) >= 1
    target = rewritten(checkpoint, tmp_path / "seven.npz", {"timeline.frames.npy": frames[:, :7].copy()})
    out = tmp_path / "resumed"
    assert cli(["train", "--resume", str(target), "--iterations", "4", "--out", str(out)]) == 2
    assert "frames of 7 digits" in one_line(capsys)
    assert not (out / "checkpoint.npz").exists()


# ---------------------------------------------------------------- safetensors
@pytest.fixture(scope="module")
def weights(checkpoint, tmp_path_factory):
    pytest.importorskip("safetensors")
    from ganstudio.core.formats.model_io.weights import save_weights

    return save_weights(load_checkpoint(checkpoint), tmp_path_factory.mktemp("weights") / "w.safetensors")


def with_metadata(weights, target, **changes):
    """A copy of the safetensors file `weights` with its metadata changed."""
    import json

    st = pytest.importorskip("safetensors.numpy")
    data = weights.read_bytes()
    length = int.from_bytes(data[:8], "little")
    metadata = json.loads(data[8:8 + length])["__metadata__"]
    target.write_bytes(st.save(st.load(data), metadata={**metadata, **changes}))
    return target


@pytest.mark.parametrize("changes", [
    {"iteration": "²"}, {"iteration": "9" * 400}, {"iteration": str(2 ** 63 + 5)},
    {"ganstudio_format_version": "²"},
    # the layout before "format": "pt" kept the marker and its version in "format" and "format_version"
    {"format": "ganstudio-weights", "ganstudio_format": "", "format_version": "²"}])
def test_safetensors_with_an_impossible_count_is_refused_at_import(weights, tmp_path, capsys, changes):
    source = with_metadata(weights, tmp_path / "odd.safetensors", **changes)
    out = tmp_path / "imported.npz"
    assert cli(["import", str(source), "--out", str(out)]) == 2
    line = one_line(capsys)
    assert "damaged iteration count" in line if "iteration" in changes else "newer GAN Studio" in line
    assert not out.exists()


DEEP = '{"g_hidden": ' + "[" * 100_000 + "]" * 100_000 + "}"


def test_deeply_nested_config_is_one_line_in_export(checkpoint, tmp_path, capsys):
    target = rewritten(checkpoint, tmp_path / "deep.npz", {"config.npy": np.array(DEEP)})
    assert cli(["export", str(target), "--format", "safetensors", "--out", str(tmp_path / "x.safetensors")]) == 2
    assert "damaged configuration" in one_line(capsys)


def test_deeply_nested_config_is_one_line_in_import(weights, tmp_path, capsys):
    source = with_metadata(weights, tmp_path / "deep.safetensors", config=DEEP)
    assert cli(["import", str(source), "--out", str(tmp_path / "x.npz")]) == 2
    assert "nested too deeply" in one_line(capsys)


# ---------------------------------------------------------------- where outputs go
@pytest.mark.parametrize("command", ["export", "import"])
def test_out_dot_is_one_line(checkpoint, weights, tmp_path, capsys, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    source = checkpoint if command == "export" else weights
    args = [command, str(source), "--out", "."] + (["--format", "onnx"] if command == "export" else [])
    assert cli(args) == 2
    assert "it is a folder, not a file" in one_line(capsys)
    assert list(tmp_path.iterdir()) == []


def test_selftest_report_to_a_folder_is_one_line(tmp_path, capsys, monkeypatch):
    from ganstudio.cli.selftest_command import write_report

    monkeypatch.chdir(tmp_path)
    assert "it is a folder, not a file" in write_report(tmp_path.__class__("."), ["line"])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["export", "import"])
def test_out_equal_to_the_input_is_refused(checkpoint, weights, tmp_path, capsys, command):
    original = checkpoint if command == "export" else weights
    source = tmp_path / original.name
    source.write_bytes(original.read_bytes())
    (tmp_path / "link").symlink_to(source)
    args = [command, str(source), "--out", str(tmp_path / "link")]
    assert cli(args + (["--format", "safetensors"] if command == "export" else [])) == 2
    assert "is the input file itself" in one_line(capsys)
    assert source.read_bytes() == original.read_bytes()


def test_onnx_with_discriminator_changes_neither_file_when_one_cannot_be_written(checkpoint, tmp_path, capsys):
    pytest.importorskip("onnx")
    generator = tmp_path / "g.onnx"
    generator.write_bytes(b"the previous export")
    (tmp_path / "g-discriminator.onnx").mkdir()   # in the way of the second file
    assert cli(["export", str(checkpoint), "--format", "onnx", "--discriminator", "--out", str(generator)]) == 2
    assert "g-discriminator.onnx" in one_line(capsys)
    assert generator.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g-discriminator.onnx", "g.onnx"]


def test_a_name_as_long_as_the_file_system_allows_can_be_written_atomically(tmp_path):
    from ganstudio.core.files.atomic import atomic_file

    target = tmp_path / ("n" * 250)   # 18 bytes more for the temporary would pass 255
    with atomic_file(target) as handle:
        handle.write(b"whole")
    assert target.read_bytes() == b"whole" and list(tmp_path.iterdir()) == [target]


# ---------------------------------------------------------------- the PyTorch folder: whole or absent
def test_pytorch_folder_is_absent_after_a_failure_midway(checkpoint, tmp_path, monkeypatch, capsys):
    pytest.importorskip("safetensors")
    from ganstudio.core.formats.model_io import pytorch_code

    def full_disk(path):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(pytorch_code, "_save_digits", full_disk)   # the last file
    folder = tmp_path / "pt"
    assert cli(["export", str(checkpoint), "--format", "pytorch", "--out", str(folder)]) == 2
    assert "No space left on device" in one_line(capsys)
    assert list(tmp_path.iterdir()) == []


def test_pytorch_folder_is_as_it_was_after_ctrl_c_midway(checkpoint, tmp_path, monkeypatch, capsys):
    pytest.importorskip("safetensors")
    from ganstudio.core.formats.model_io import pytorch_code

    folder = tmp_path / "pt"
    assert cli(["export", str(checkpoint), "--format", "pytorch", "--out", str(folder)]) == 0
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    capsys.readouterr()

    def interrupted(path):
        raise KeyboardInterrupt
    monkeypatch.setattr(pytorch_code, "_save_digits", interrupted)
    assert cli(["export", str(checkpoint), "--format", "pytorch", "--out", str(folder)]) == 130
    assert "nothing was written" in one_line(capsys)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["pt"]


KILLED_EXPORT = """
import sys
from ganstudio.cli.main import main
from ganstudio.core.formats.model_io import pytorch_code

def last_file(path):   # the folder is half filled: say where, then wait to be killed
    print(path.parent, flush=True)
    sys.stdin.read()

pytorch_code._save_digits = last_file
sys.exit(main(["export", sys.argv[1], "--format", "pytorch", "--out", sys.argv[2]]))
"""


def test_kill_9_during_a_pytorch_export_is_cleaned_up_by_the_next_export(checkpoint, tmp_path, capsys):
    import signal
    import subprocess
    import sys

    from ganstudio.core.files.folder_lock import fcntl

    pytest.importorskip("safetensors")
    if fcntl is None:
        pytest.skip("folders are not locked on this system: a stale one cannot be told from a live one")
    (tmp_path / ".cache").mkdir()   # a hidden folder of the user's: never ours to remove
    (tmp_path / ".pt.0123456789ab.tmp").mkdir()   # nor one of another naming
    child = subprocess.Popen([sys.executable, "-c", KILLED_EXPORT, str(checkpoint), str(tmp_path / "pt")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=checkout_env())
    try:
        staging = tmp_path.__class__(child.stdout.readline().strip())   # waits on the pipe, not a clock
        assert staging.parent == tmp_path and staging.name.startswith(".pt.") and (staging / "model.py").is_file()
        # While the export lives, another export into the same folder leaves its folder alone.
        assert cli(["export", str(checkpoint), "--format", "safetensors", "--out", str(tmp_path / "w.safetensors")]) == 0
        assert (staging / "model.py").is_file()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert (staging / "model.py").is_file() and not (tmp_path / "pt").exists()   # what kill -9 leaves
    capsys.readouterr()
    assert cli(["export", str(checkpoint), "--format", "pytorch", "--out", str(tmp_path / "again")]) == 0
    assert not staging.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", ".pt.0123456789ab.tmp", "again", "w.safetensors"]
    assert (tmp_path / "again" / "digits.npz").is_file()


def test_pytorch_export_never_replaces_a_folder_of_other_files(checkpoint, tmp_path, capsys):
    pytest.importorskip("safetensors")
    (tmp_path / "notes.txt").write_text("mine")
    assert cli(["export", str(checkpoint), "--format", "pytorch", "--out", str(tmp_path)]) == 2
    assert "holds other files (notes.txt)" in one_line(capsys)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


# ---------------------------------------------------------------- train and data
def test_train_with_zero_iterations_saves_the_untrained_model(tmp_path, capsys):
    out = tmp_path / "zero"
    assert cli(["train", "--scenario", "collapse", "--set", "iterations=0", "--out", str(out)]) == 0
    assert "finished at iteration 0" in capsys.readouterr().err
    assert (out / "checkpoint.npz").is_file() and (out / "manifest.json").is_file()


def test_train_leaves_no_empty_folder_when_it_fails(tmp_path, monkeypatch, capsys):
    from ganstudio.cli import train_command

    def broken(*args):
        raise train_command.GanStudioError("the results cannot be written")
    monkeypatch.setattr(train_command, "write_outputs", broken)
    out = tmp_path / "new"
    assert cli(["train", "--iterations", "1", "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == "ganstudio: error: the results cannot be written"
    assert not out.exists()


def test_train_out_with_a_name_too_long_is_one_line(tmp_path, capsys):
    assert cli(["train", "--iterations", "1", "--out", str(tmp_path / ("a" * 300))]) == 2
    assert "File name too long" in one_line(capsys)


def test_data_dir_with_a_name_too_long_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path / ("b" * 300)))
    assert cli(["data", "info"]) == 2
    assert "GANSTUDIO_DATA_DIR cannot be used (File name too long)" in one_line(capsys)


def test_a_file_name_that_is_not_utf8_is_printed_after_writing(weights, tmp_path):
    import os
    import subprocess
    import sys

    out = os.fsdecode(bytes(tmp_path) + b"/n\xff.npz")
    env = checkout_env(PYTHONIOENCODING="utf-8")   # strict: as in a UTF-8 terminal
    result = subprocess.run([sys.executable, "-m", "ganstudio", "import", str(weights), "--out", out],
                            capture_output=True, text=True, env=env, timeout=120, errors="backslashreplace")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout.startswith("wrote ") and "n\\udcff.npz" in result.stdout
    assert os.path.isfile(out)


# ---------------------------------------------------------------- values
@pytest.mark.filterwarnings("error")
def test_cluster_weights_whose_sum_overflows_are_refused_at_load(checkpoint, tmp_path, capsys):
    with np.load(checkpoint) as npz:
        weights = npz["algo.clusters.weights"]
    target = rewritten(checkpoint, tmp_path / "huge.npz",
                       {"algo.clusters.weights.npy": np.full_like(weights, 1e308)})
    assert cli(["sample", str(target), "--out", str(tmp_path / "s.png")]) == 2
    assert "clusters.weights are not proportions" in one_line(capsys)
    assert not (tmp_path / "s.png").exists()


# ---------------------------------------------------------------- memory: checked before allocated
def _peak_bytes(call) -> int:
    tracemalloc.start()
    try:
        call()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


@pytest.mark.parametrize("header_claims", [None, 900 << 20])
def test_large_sparse_safetensors_is_refused_from_its_header(weights, tmp_path, header_claims):
    from ganstudio.core.errors import ExportError
    from ganstudio.core.formats.model_io.weights import read_weights

    big = tmp_path / "big.safetensors"
    big.write_bytes(weights.read_bytes())
    with open(big, "r+b") as handle:
        handle.truncate(1000 << 20)   # sparse: 1,000 MiB that take no disk
        if header_claims:
            handle.write(header_claims.to_bytes(8, "little"))
    def read():
        with pytest.raises(ExportError, match="its header claims|more than its configuration"):
            read_weights(big)
    assert _peak_bytes(read) < 20_000_000


def test_small_safetensors_asking_for_the_largest_networks_is_refused_before_building(weights, tmp_path):
    import json

    from ganstudio.core.errors import ExportError
    from ganstudio.core.formats.model_io.weights import load_weights

    config = json.loads(with_overrides(get_preset("fast"), TINY).to_json())
    config.update(g_hidden=[2800, 2400], d_hidden=[2800, 2400])   # ~9 M parameters each: the limit
    source = with_metadata(weights, tmp_path / "small.safetensors", config=json.dumps(config))
    assert source.stat().st_size < 2_000_000
    def load():
        with pytest.raises(ExportError, match="does not match its own configuration: generator needs"):
            load_weights(source)
    assert _peak_bytes(load) < 20_000_000


# ---------------------------------------------------------------- one writer per folder
def test_a_second_train_into_a_folder_in_use_is_refused_at_once(tmp_path, capsys):
    from ganstudio.core.files.folder_lock import fcntl, folder_lock

    if fcntl is None:
        pytest.skip("folders are not locked on this system")
    out = tmp_path / "run"
    out.mkdir()
    with folder_lock(out):   # as the first run holds it while it trains and saves
        assert cli(["train", "--iterations", "1", "--out", str(out)]) == 2
        assert "is in use by another GAN Studio run" in one_line(capsys)
    assert list(out.iterdir()) == []
    assert cli(["train", "--iterations", "1", "--out", str(out)]) == 0   # free again
    assert (out / "manifest.json").is_file()


def test_the_folder_lock_is_held_by_another_process_too(tmp_path):
    from ganstudio.core.errors import OutputError
    from ganstudio.core.files.folder_lock import fcntl, folder_lock

    from support.lock_holder import lock_held_by_child

    if fcntl is None:
        pytest.skip("folders are not locked on this system")
    with lock_held_by_child(tmp_path):
        with pytest.raises(OutputError, match="in use"):
            with folder_lock(tmp_path):
                pass
    with folder_lock(tmp_path):   # released when the process ended
        pass


def test_export_warns_of_a_generator_whose_weights_overflow(checkpoint, tmp_path, capsys):
    with np.load(checkpoint) as npz:
        weights = npz["algo.net.generator"]
    huge = np.full_like(weights, 3e38)   # finite float32, but any product overflows
    target = rewritten(checkpoint, tmp_path / "huge.npz", {"algo.net.generator.npy": huge,
                                                           "algo.net.generator_ema.npy": huge})
    out = tmp_path / "w.safetensors"
    assert cli(["export", str(target), "--format", "safetensors", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("wrote ") and out.is_file()
    assert "ganstudio: warning: the generator overflows to infinity" in captured.err
    assert "RuntimeWarning" not in captured.err


# ---------------------------------------------------------------- small things
def test_a_diverged_train_prints_no_progress_line_of_nan(tmp_path, capsys):
    out = tmp_path / "diverged"
    assert cli(["train", "--iterations", "20", "--set", "lr_d=1000", "--set", "lr_g=1000", "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "training diverged" in err and "nan" not in err.lower(), err


@pytest.mark.filterwarnings("error")   # a RuntimeWarning would print before the one line
def test_noise_too_large_for_the_generator_is_one_line_and_no_warning(checkpoint, tmp_path, capsys):
    session = load_checkpoint(checkpoint)
    from ganstudio.core.gan.model_parts import noise_width

    noise = tmp_path / "noise.npy"
    np.save(noise, np.full((4, noise_width(session.config)), 1e300))
    assert cli(["sample", str(checkpoint), "--noise", str(noise), "--out", str(tmp_path / "s.png")]) == 2
    assert "too large for float32" in one_line(capsys)


PAUSE_IN_CLI_IMPORT = """
import importlib.abc, sys
class Pause(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "ganstudio.cli.main":
            sys.meta_path.remove(self)
            sys.stderr.write("paused\\n"); sys.stderr.flush()
            sys.stdin.readline()
        return None
sys.meta_path.insert(0, Pause())
from ganstudio.launcher import main
sys.exit(main(["presets"]))
"""


def test_ctrl_c_while_the_command_line_loads_is_one_line():
    import signal
    import subprocess
    import sys

    # Ctrl+C as in a terminal: a test run started in the background (a CI script's `cmd &`)
    # ignores SIGINT, and a child would inherit that, as `nohup` and background jobs mean it to.
    child = subprocess.Popen([sys.executable, "-c", PAUSE_IN_CLI_IMPORT], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=checkout_env(),
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert child.stderr.readline() == "paused\n"   # inside the import: wait on the pipe
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 130 and "Traceback" not in err, err
    assert err.strip().splitlines() == ["ganstudio: interrupted by SIGINT; nothing was written"]


PAUSE_IN_PYTORCH_EXPORT = """
import sys
from ganstudio.core.formats.model_io import pytorch_code
save_digits = pytorch_code._save_digits
def paused(path):
    sys.stderr.write("paused\\n"); sys.stderr.flush()
    sys.stdin.readline()
    return save_digits(path)
pytorch_code._save_digits = paused
from ganstudio.launcher import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("signum, status", [("SIGTERM", 143), ("SIGINT", 130), ("SIGKILL", -9)])
def test_pytorch_folder_is_absent_after_a_signal_midway(checkpoint, tmp_path, signum, status):
    import signal
    import subprocess
    import sys

    pytest.importorskip("safetensors")
    folder = tmp_path / "pt"
    child = subprocess.Popen([sys.executable, "-c", PAUSE_IN_PYTORCH_EXPORT, "export", str(checkpoint),
                              "--format", "pytorch", "--out", str(folder)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=checkout_env())
    try:
        assert child.stderr.readline() == "paused\n"   # model.py and the weights are written by now
        child.send_signal(getattr(signal, signum))
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == status, err
    assert not folder.exists()
    if signum != "SIGKILL":   # the process cleaned up after itself; kill -9 leaves a hidden staging folder
        assert err.strip().splitlines() == [f"ganstudio: interrupted by {signum}; nothing was written"]
        assert list(tmp_path.iterdir()) == []
    else:
        assert all(p.name.startswith(".pt.") for p in tmp_path.iterdir())


KILLED_FILE_EXPORT = """
import os
import sys
from ganstudio.cli.main import main
from ganstudio.core.files import atomic

def flush_then_wait(handle):   # the temporary is written, not yet renamed: say so, wait to be killed
    print("written", flush=True)
    sys.stdin.read()

atomic.os.fsync = flush_then_wait
sys.exit(main(["export", sys.argv[1], "--format", sys.argv[3], "--out", sys.argv[2]]))
"""


@pytest.mark.parametrize("format_name, name", [("safetensors", "g.safetensors"), ("onnx", "g.onnx")])
def test_kill_9_during_a_file_export_is_cleaned_up_by_the_next_write(checkpoint, tmp_path, capsys,
                                                                      format_name, name):
    """A file's hidden temporary, left by kill -9 between its write and its rename, goes at the
    next write into that folder; while its writer lives, it stays."""
    import signal
    import subprocess
    import sys

    from ganstudio.core.files.atomic import STALE_FILE_NAME
    from ganstudio.core.files.folder_lock import fcntl

    if format_name == "safetensors":
        pytest.importorskip("safetensors")
    else:
        pytest.importorskip("onnx")
    if fcntl is None:
        pytest.skip("files are not locked on this system: a stale temporary cannot be told from a live one")
    (tmp_path / ".notes.0123456789ab.tmp").write_text("mine")   # a hidden file of another naming
    child = subprocess.Popen([sys.executable, "-c", KILLED_FILE_EXPORT, str(checkpoint), str(tmp_path / name),
                              format_name], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             env=checkout_env())
    try:
        assert child.stdout.readline().strip() == "written"   # waits on the pipe, not a clock
        left = [p for p in tmp_path.iterdir() if STALE_FILE_NAME.fullmatch(p.name)]
        assert len(left) == 1 and left[0].name.startswith(f".{name}.") and left[0].stat().st_size > 0
        # While the export lives, another export into the same folder leaves its temporary alone.
        assert cli(["export", str(checkpoint), "--format", "pytorch", "--out", str(tmp_path / "pt")]) == 0
        assert left[0].is_file()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert left[0].is_file() and not (tmp_path / name).exists()   # what kill -9 leaves
    capsys.readouterr()
    assert cli(["export", str(checkpoint), "--format", format_name, "--out", str(tmp_path / "again")]) == 0
    assert not left[0].exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".notes.0123456789ab.tmp", "again", "pt"])
