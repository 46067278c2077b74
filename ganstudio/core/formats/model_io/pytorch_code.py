"""A folder of PyTorch code for a trained GAN, generated from its description (forward.py):

    README.md            what the folder holds and how to use it
    requirements.txt     the packages the code needs (pip install -r requirements.txt)
    config.json          the GAN Studio settings the weights were trained with
    model.py             torch.nn modules of this preset's G and D, noise, pixels, load/save
    sample.py            draws a grid PNG (or a .npy) from the exported generator
    train.py             continues training from the exported weights, on CPU or CUDA, in one
                         process or under torchrun (DistributedDataParallel)
    model.safetensors    the weights (weights.py), in the names model.py's modules use
    digits.npz           the bundled training digits, for train.py --data bundled

config.json and model.safetensors are the names Hugging Face's hub gives a model's settings and
weights. Folders exported before kept the weights as weights.safetensors; they still import
(`ganstudio import FOLDER` finds either) and their own code still runs.

The code is written for the preset, layer by layer, so that a student can read it; PyTorch is
never needed to write it.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import numpy as np

from ganstudio import __version__
from ganstudio.core.errors import ExportError
from ganstudio.core.files.atomic import atomic_file, atomic_folder
from ganstudio.core.formats.model_io.forward import ModelDescription, Step, describe
from ganstudio.core.formats.model_io.weights import FORMAT, FORMAT_VERSION, save_weights

FOLDER_FILES = ("README.md", "requirements.txt", "config.json", "model.py", "sample.py", "train.py",
                "model.safetensors", "digits.npz")
# An export may replace an earlier one in the same folder, including one from before the
# Hugging Face names (weights.safetensors).
REPLACEABLE = frozenset(FOLDER_FILES) | {"weights.safetensors"}
REQUIREMENTS = """# The exported code's packages (tested with torch 2.13 on the CPU, Python 3.11).
torch>=2.1
safetensors>=0.4
numpy>=1.24
pillow>=9.0
"""
RANGES = {"01": "[0, 1]", "pm1": "[-1, 1]", "minmax01": "[0, 1] (each image min-max scaled)"}


def save_pytorch_folder(session, folder) -> list[Path]:
    if session.config.clusters_from == "labels":
        # Its train.py would tell D each real image's nearest cluster centre, not its label.
        raise ExportError("the PyTorch export's train.py does not know the digits' labels, so it "
                          "cannot continue a conditional model; export it as onnx or safetensors")
    model = describe(session)
    folder = Path(folder)
    files = {"README.md": readme_source(model), "requirements.txt": REQUIREMENTS,
             "config.json": config_json(model), "model.py": model_source(model), "sample.py": SAMPLE_SOURCE,
             "train.py": train_source(model)}
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        # Built beside the target and renamed at the end: whole or absent, whatever happens.
        with atomic_folder(folder, replaceable=REPLACEABLE) as staging:
            for name, text in files.items():   # each flushed to the disk before the rename
                with atomic_file(staging / name) as handle:
                    handle.write(text.encode("utf-8"))
            save_weights(session, staging / "model.safetensors")
            _save_digits(staging / "digits.npz")
    except OSError as exc:
        raise ExportError(f"could not write {folder}: {exc.strerror or exc}") from None
    return [folder / name for name in FOLDER_FILES]


def config_json(model: ModelDescription) -> str:
    """config.json: the settings (as GAN Studio's configuration names them) and what the
    networks take and give, for tools that read a model's config.json before its weights."""
    c = model.config
    document = {
        "model_type": "ganstudio-mlp-gan",
        "ganstudio_version": __version__,
        "ganstudio_format": FORMAT,
        "ganstudio_format_version": FORMAT_VERSION,
        "iteration": model.iteration,
        "noise_width": model.noise_width,
        "image_size": [28, 28],
        "pixel_range": c.pixel_range,
        "networks": sorted(model.networks),
        "config": json.loads(c.to_json()),
    }
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def _save_digits(path: Path) -> Path:
    from ganstudio.core.data import load_bundled

    buffer = io.BytesIO()
    np.savez_compressed(buffer, x_train=load_bundled().images)   # Keras's mnist.npz layout
    with atomic_file(path) as handle:
        handle.write(buffer.getvalue())
    return path


# ----------------------------------------------------------------------------- README.md

def readme_source(model: ModelDescription) -> str:
    c = model.config
    return README_TEMPLATE.format(name=c.name, iteration=model.iteration, version=__version__,
                                  batch=c.batch_size, noise_width=model.noise_width)


README_TEMPLATE = """# GAN Studio export: preset "{name}", iteration {iteration}

A generative adversarial network trained in GAN Studio {version}, as
PyTorch code and weights: draw digits with it, or keep training it on a GPU, or on several.

| file | what it is |
| --- | --- |
| `model.safetensors` | the weights of G, D (and G's moving average, where the preset keeps one) |
| `config.json` | the settings they were trained with |
| `model.py` | the `torch.nn` modules, written layer by layer for this preset; `load()` reads the weights |
| `sample.py` | draws a grid of digits (PNG) or the images of given noise (`.npy`) |
| `train.py` | continues training, in one process or under `torchrun` |
| `digits.npz` | the 8,000 MNIST training digits GAN Studio ships (`--data bundled`) |
| `requirements.txt` | the packages the code needs |

## Use it

```bash
pip install -r requirements.txt
python sample.py --out grid.png                      # 100 digits
python train.py --iterations 2000 --out trained.safetensors
ganstudio import trained.safetensors --out trained.npz   # back into GAN Studio
```

`model.load()` returns the networks by name; `model.sample_noise(n)` draws noise rows of width
{noise_width} as GAN Studio does, and `model.to_pixels()` turns G's output into 28 x 28 uint8 images.

## Several GPUs or machines

`train.py` runs unchanged under `torchrun` with DistributedDataParallel:

```bash
torchrun --nproc_per_node 4 train.py --device cuda --iterations 2000 --data mnist.npz
```

The batch ({batch} images of each kind per step by default, `--batch-size` to change it) is
split over the processes, so any number of processes takes the same steps as one (up to
rounding); raise `--batch-size` to use more GPUs for larger batches.

## Licences

`digits.npz` holds digits of the MNIST database (Yann LeCun, Corinna Cortes and Christopher J. C.
Burges), which GAN Studio bundles under CC BY-SA 3.0
(https://creativecommons.org/licenses/by-sa/3.0/): credit them and share alike if you pass the
file on. GAN Studio, which wrote the code, is under the MIT licence.
"""


# ----------------------------------------------------------------------------- model.py

def _module_line(step: Step, dense_shape: tuple[int, int] | None) -> str:
    if step.kind == "dense":
        return f"nn.Linear({dense_shape[0]}, {dense_shape[1]}),"
    return {
        "sigmoid": "nn.Sigmoid(),",
        "tanh": "nn.Tanh(),",
        "relu": "nn.ReLU(),",
        "leaky_relu": f"nn.LeakyReLU({step.value!r}),",
        "maxout": f"Maxout({int(step.value)}),",
        "dropout": f"nn.Dropout({step.value!r}),",
        "toolbox_dropout": f"ToolboxDropout({step.value!r}),",
    }[step.kind]


def _sequential(steps: list[Step], count: int) -> str:
    """nn.Sequential lines, one module per engine layer (so the indices are the weights' names);
    the engine keeps no module for a test-time no-op, so those places get nn.Identity."""
    by_index = {step.index: step for step in steps}
    lines = []
    for index in range(count):
        step = by_index.get(index)
        if step is None:
            lines.append("nn.Identity(),")
            continue
        shape = step.weight.shape if step.kind == "dense" else None
        lines.append(_module_line(step, shape))
    width = max(len(line) for line in lines)
    return "\n".join(f"            {line:<{width}}  # {i}" for i, line in enumerate(lines))


def _layer_count(steps: list[Step]) -> int:
    return max(step.index for step in steps) + 1


MAXOUT = '''

class Maxout(nn.Module):
    """The largest of each group of `pieces` consecutive units (Goodfellow et al. 2013)."""

    def __init__(self, pieces):
        super().__init__()
        self.pieces = pieces

    def forward(self, x):
        return x.unflatten(1, (-1, self.pieces)).amax(dim=2)
'''

TOOLBOX_DROPOUT = '''

class ToolboxDropout(nn.Module):
    """DeepLearnToolbox's dropout, as the 2014 MATLAB demo uses it: while training, units are
    dropped with probability p and the rest are NOT scaled up; at test time every activation
    is multiplied by 1 - p instead (nn.Dropout scales while training and does nothing after)."""

    def __init__(self, p):
        super().__init__()
        self.p = p

    def forward(self, x):
        if self.training:
            return x * (torch.rand_like(x) >= self.p).to(x.dtype)
        return x * (1.0 - self.p)
'''

CLUSTERS = '''

class Clusters(nn.Module):
    """k-means clusters of the training images (found without labels). G draws its cluster
    from the last column of its noise, in proportion to the clusters' sizes; D is told which
    cluster every image, real or generated, belongs to."""

    def __init__(self, weights, centres):
        super().__init__()
        # Not in the state dict: the file keeps them as clusters.weights and clusters.centres.
        self.register_buffer("weights", weights.double(), persistent=False)
        self.register_buffer("centres", centres.float(), persistent=False)

    def pick(self, uniform):
        """Cluster ids for numbers in [0, 1): the inverse of the clusters' cumulative sizes,
        in float64 as GAN Studio computes it, so the same noise picks the same cluster."""
        edges = torch.cumsum(self.weights, 0)
        return torch.searchsorted(edges, uniform.double() * edges[-1], right=True)

    def assign(self, images):
        """The nearest centre of each (real) image: |x - c|^2 without the |x|^2 all share."""
        norms = (self.centres * self.centres).sum(dim=1)
        return torch.argmin(norms - 2.0 * (images.float() @ self.centres.T), dim=1)

    def one_hot(self, ids, dtype):
        return nn.functional.one_hot(ids, len(self.centres)).to(dtype)
'''

NOISE_LINES = {
    "normal": ["z = torch.randn(n, NOISE_DIM, device=device, generator=generator)"],
    "uniform": ["z = torch.rand(n, NOISE_DIM, device=device, generator=generator) * 2 - 1"],
    "uniform_sqrt3": ["# uniform in [-sqrt(3), sqrt(3)]: unit variance (Goodfellow et al. 2014)",
                      "z = (torch.rand(n, NOISE_DIM, device=device, generator=generator) * 2 - 1) * 3 ** 0.5"],
    "normal_minmax01": ["# the 2014 MATLAB demo's noise: normal, then each row min-max scaled to [0, 1]",
                        "z = min_max_rows(torch.randn(n, NOISE_DIM, device=device, generator=generator))"],
}

PIXEL_LINES = {
    "01": ["return images.float() / 255"],
    "pm1": ["return images.float() / 255 * 2 - 1"],
    "minmax01": ["return min_max_rows(images.float())"],
}


def model_source(model: ModelDescription) -> str:
    c = model.config
    settings = sorted(dataclasses.asdict(c).items())
    config_literal = "{\n" + "".join(f"    {key!r}: {value!r},\n" for key, value in settings) + "}"
    extras = ""
    all_steps = [s for steps in model.networks.values() for s in steps]
    if any(s.kind == "maxout" for s in all_steps):
        extras += MAXOUT
    if any(s.kind == "toolbox_dropout" for s in all_steps):
        extras += TOOLBOX_DROPOUT
    if model.clusters is not None:
        extras += CLUSTERS
    noise_lines = list(NOISE_LINES[c.noise])
    if model.clusters is not None:
        noise_lines += ["# one more uniform column in [0, 1): it picks the cluster",
                        "z = torch.cat([z, torch.rand(n, 1, device=device, generator=generator)], dim=1)"]
    noise_body = "\n".join("    " + line for line in noise_lines)
    pixel_body = "\n".join("    " + line for line in PIXEL_LINES[c.pixel_range])
    to_unit = "    x = (x + 1) * 0.5  # tanh output: [-1, 1] -> [0, 1]\n" if model.tanh_output else ""
    cluster_doc = f" and its cluster's one-hot code (batch, {c.clusters})" if c.clusters else ""
    g_lines = _sequential(model.networks["generator"], _layer_count(model.networks["generator"]))
    d_lines = _sequential(model.discriminator, _layer_count(model.discriminator))
    return MODEL_TEMPLATE.format(
        name=c.name, iteration=model.iteration, version=__version__, noise_width=model.noise_width,
        range=RANGES[c.pixel_range], cluster_doc=cluster_doc, config=config_literal, extras=extras,
        g_lines=g_lines, d_lines=d_lines, noise_body=noise_body, pixel_body=pixel_body, to_unit=to_unit,
        format=FORMAT, format_version=FORMAT_VERSION)


MODEL_TEMPLATE = '''"""PyTorch modules of a GAN trained in GAN Studio: preset "{name}", exported at iteration {iteration}.

Generated by GAN Studio {version}. The modules mirror GAN Studio's layers one for one, so the
names in model.safetensors (generator.layers.<i>.weight, ...) are these modules' own.
Layout: nn.Linear keeps its weight as (out, in); GAN Studio's NumPy engine keeps (in, out) and
computes x @ W + b, the file holds the transposed (nn.Linear) form.

    G: noise (batch, {noise_width}) -> images (batch, 784) in {range}
    D: images (batch, 784){cluster_doc} -> probability that the image is real (batch, 1)

`ganstudio import model.safetensors --out checkpoint.npz` brings the weights back.
"""

import json

import torch
from safetensors.torch import load_file, save_file
from torch import nn

# The GAN Studio settings these weights were trained with (`ganstudio import` reads them back).
CONFIG = {config}
NOISE_DIM = CONFIG["noise_dim"]
CLUSTERS = CONFIG["clusters"]   # 0: G and D are not told about clusters
{extras}

class Generator(nn.Module):
    def __init__(self, clusters=None):
        super().__init__()
        self.clusters = clusters
        self.layers = nn.Sequential(
{g_lines}
        )

    def forward(self, noise):
        """Images (batch, 784) for noise rows (batch, {noise_width}), as sample_noise draws them."""
        return self.layers(self.input_of(noise)[0])

    def input_of(self, noise):
        """G's input and the clusters it drew (None without clusters): the last column of the
        noise is replaced by the one-hot code of the cluster it picks."""
        if self.clusters is None:
            return noise, None
        ids = self.clusters.pick(noise[:, -1])
        return torch.cat([noise[:, :-1], self.clusters.one_hot(ids, noise.dtype)], dim=1), ids


class Discriminator(nn.Module):
    def __init__(self, clusters=None):
        super().__init__()
        self.clusters = clusters
        self.layers = nn.Sequential(
{d_lines}
        )

    def logits(self, images, ids=None):
        """D's last layer before its sigmoid (the losses work on these, for stability)."""
        x = images if ids is None else torch.cat([images, self.clusters.one_hot(ids, images.dtype)], dim=1)
        return self.layers[:-1](x)

    def forward(self, images, ids=None):
        return torch.sigmoid(self.logits(images, ids))


def min_max_rows(x):
    low = x.amin(dim=1, keepdim=True)
    span = x.amax(dim=1, keepdim=True) - low
    return (x - low) / torch.where(span == 0, torch.ones_like(span), span)


def sample_noise(n, device="cpu", generator=None):
    """n noise rows, drawn as GAN Studio draws them for this preset."""
{noise_body}
    return z


def images_to_input(images):
    """uint8 images (N, 28, 28) -> float rows (N, 784) in the range G draws in."""
    images = images.reshape(len(images), 784)
{pixel_body}


def to_pixels(output):
    """G's output (batch, 784) -> uint8 images (batch, 28, 28), as GAN Studio rounds them."""
    x = output.float()
{to_unit}    return (x * 255 + 0.5).clamp(0, 255).to(torch.uint8).reshape(-1, 28, 28)


def load(path="model.safetensors", device="cpu"):
    """The networks of the file by name: generator, discriminator and, for presets that draw
    with a moving average of G's weights, generator_ema."""
    tensors = load_file(str(path), device=str(device))
    clusters = None
    if CLUSTERS:
        clusters = Clusters(tensors.pop("clusters.weights"), tensors.pop("clusters.centres"))
    nets = {{"generator": Generator(clusters), "discriminator": Discriminator(clusters)}}
    if CONFIG["g_ema"]:
        nets["generator_ema"] = Generator(clusters)
    for name, net in nets.items():
        prefix = name + "."
        net.load_state_dict({{k[len(prefix):]: v for k, v in tensors.items() if k.startswith(prefix)}})
        net.to(device)
    return nets


def drawing_generator(nets):
    """The generator GAN Studio draws with: the moving average where the preset keeps one."""
    return nets.get("generator_ema", nets["generator"])


def save(nets, path, iteration):
    """The networks in the file layout `ganstudio import` reads."""
    tensors = {{f"{{name}}.{{key}}": value.detach().cpu().contiguous()
               for name, net in nets.items() for key, value in net.state_dict().items()}}
    clusters = nets["generator"].clusters
    if clusters is not None:
        tensors["clusters.weights"] = clusters.weights.cpu()
        tensors["clusters.centres"] = clusters.centres.cpu()
    # "format": "pt" as Hugging Face's loaders expect; GAN Studio's marker under its own keys.
    metadata = {{"format": "pt", "ganstudio_format": "{format}", "ganstudio_format_version": "{format_version}",
                "iteration": str(iteration), "config": json.dumps(CONFIG, sort_keys=True)}}
    save_file(tensors, str(path), metadata=metadata)
'''

# ----------------------------------------------------------------------------- sample.py

SAMPLE_SOURCE = '''"""Draw digits from the exported generator.

    python sample.py --out grid.png               # a 10 x 10 grid of fresh digits
    python sample.py --noise noise.npy --out digits.npy
        # the same noise rows as `ganstudio sample CKPT --noise noise.npy` (uint8 N x 28 x 28)
"""

import argparse
import math

import numpy as np
import torch
from PIL import Image

import model


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", default="model.safetensors")
    parser.add_argument("--n", type=int, default=100, help="how many digits (without --noise)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--noise", help="a .npy file of noise rows (float, n x noise width)")
    parser.add_argument("--device", default="cpu", help="cpu, cuda, cuda:1, ...")
    parser.add_argument("--out", default="grid.png", help="FILE.png (a grid) or FILE.npy (uint8 images)")
    args = parser.parse_args()

    generator = model.drawing_generator(model.load(args.weights, args.device)).eval()
    if args.noise:
        noise = torch.from_numpy(np.load(args.noise).astype(np.float32)).to(args.device)
    else:
        noise = model.sample_noise(args.n, args.device, torch.Generator(args.device).manual_seed(args.seed))
    with torch.no_grad():
        images = model.to_pixels(generator(noise)).cpu().numpy()
    if args.out.endswith(".npy"):
        np.save(args.out, images)
    else:
        cols = math.ceil(math.sqrt(len(images)))
        rows = math.ceil(len(images) / cols)
        grid = np.zeros((rows * 28, cols * 28), np.uint8)
        for i, image in enumerate(images):
            grid[i // cols * 28:(i // cols + 1) * 28, i % cols * 28:(i % cols + 1) * 28] = image
        Image.fromarray(grid).save(args.out)
    print(f"wrote {len(images)} digits to {args.out}")


if __name__ == "__main__":
    main()
'''

# ----------------------------------------------------------------------------- train.py

LOSS_LINES = {
    "bce": "return nn.functional.binary_cross_entropy_with_logits(logits, target)",
    "mse": "# DeepLearnToolbox's squared error on D's sigmoid output, halved and summed per row\n"
           "    return 0.5 * ((torch.sigmoid(logits) - target) ** 2).sum() / len(logits)",
    "lsgan": "# least squares on the logits (Mao et al. 2017)\n"
             "    return 0.5 * ((logits - target) ** 2).sum() / len(logits)",
}


def train_source(model: ModelDescription) -> str:
    c = model.config
    g_loss = ("return -nn.functional.softplus(logits).mean()  # the saturating log(1 - D(G(z)))"
              if c.g_loss == "saturating" and c.loss == "bce" else "return d_loss_of(logits, 1.0)")
    if c.optimizer == "adam":
        optimizer = (f"torch.optim.Adam(groups, lr=lr, betas=({c.beta1!r}, {c.beta2!r}), eps=1e-8)")
    else:
        optimizer = f"torch.optim.SGD(groups, lr=lr, momentum={c.momentum!r})"
    notes = []
    if c.algorithm == "classic":
        notes.append("The classic preset's own loop (an epoch over 1,000 + 1,000 images per iteration) is\n"
                     "replaced here by the minibatch loop, with the same networks, loss and optimizer.")
    if c.d_augment_target:
        notes.append("GAN Studio's adaptive shifts of D's inputs (d_augment_target) are left out: on full\n"
                     "MNIST D has too many images to memorise.")
    note_text = ("\n" + "\n".join(notes) + "\n") if notes else ""
    return TRAIN_TEMPLATE.format(
        name=c.name, note_text=note_text, d_loss_line=LOSS_LINES[c.loss], g_loss_line=g_loss,
        optimizer=optimizer, real_label=c.d_real_label,
        reuse="True" if c.g_reuses_fakes else "False")


TRAIN_TEMPLATE = '''"""Continue training the exported "{name}" GAN in PyTorch: on CPU or a CUDA GPU, in one process,
or in several (GPUs or machines) under torchrun with DistributedDataParallel.

    python train.py --iterations 2000 --device cuda --data mnist.npz --out trained.safetensors
    torchrun --nproc_per_node 4 train.py --iterations 2000 --device cuda --data mnist.npz
    ganstudio import trained.safetensors --out trained.npz    # back into GAN Studio's window

--data bundled trains on the 8,000 digits GAN Studio ships (digits.npz beside this file);
--data FILE.npz on Keras's mnist.npz (x_train: all 60,000 digits), e.g. from
https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz

The loop is GAN Studio's minibatch algorithm with this preset's settings: one step of D on a
batch of real and generated images, then one step of G through D, the same losses, optimizer,
label smoothing and moving average of G. The optimizers start afresh (their state is not exported).
{note_text}
Several processes (torchrun sets RANK, WORLD_SIZE and LOCAL_RANK; NCCL on GPUs, gloo on the
CPU): the batch (--batch-size, the preset's by default) is the whole step's batch. Every process
draws the same batch and the same noise (one shared seed) and works on its share of the rows;
DistributedDataParallel averages the gradients, so N processes take the steps one process takes
with that batch, up to the rounding of sums added in another order. Each process draws its own
dropout masks. For a larger batch on more GPUs, raise --batch-size. Only the first process
prints and writes --out. Without torchrun (or with one process) nothing of this is used.
"""

import argparse
import contextlib
import os
import time

import numpy as np
import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel

import model

C = model.CONFIG
D_REAL_LABEL = {real_label!r}   # below 1: one-sided label smoothing
G_REUSES_FAKES = {reuse}        # G's step reuses the fakes of D's step


def d_loss_of(logits, target):
    """The mean loss of D's logits against targets (a number or one per row)."""
    target = torch.as_tensor(target, dtype=logits.dtype, device=logits.device).expand_as(logits)
    {d_loss_line}


def g_loss_of(logits):
    {g_loss_line}


def make_optimizer(net, lr):
    """L2 weight decay on the weights only, not the biases, as GAN Studio applies it."""
    weights = [p for p in net.parameters() if p.dim() > 1]
    biases = [p for p in net.parameters() if p.dim() == 1]
    groups = [{{"params": weights, "weight_decay": C["weight_decay"]}}, {{"params": biases, "weight_decay": 0.0}}]
    return {optimizer}


def real_images(source, device):
    path = "digits.npz" if source == "bundled" else source
    with np.load(path) as archive:
        images = torch.from_numpy(archive["x_train"].astype(np.uint8))
    return model.images_to_input(images).to(device)


class DLogits(nn.Module):
    """D's logits as a module's forward, which DistributedDataParallel wraps: for one batch, or
    for the real and the generated batch of D's step in one call (one forward, one backward)."""

    def __init__(self, d):
        super().__init__()
        self.d = d

    def forward(self, images, ids=None, more=None, more_ids=None):
        logits = self.d.logits(images, ids)
        return logits if more is None else torch.cat([logits, self.d.logits(more, more_ids)])


def join_processes(requested):
    """(rank, number of processes, device). Under torchrun with several processes, joins their
    group: NCCL between GPUs (one per process: LOCAL_RANK), gloo on the CPU."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    device = torch.device(requested)
    if world == 1:
        return 0, 1, device
    if device.type == "cuda":
        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
        torch.cuda.set_device(device)
    dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return dist.get_rank(), world, device


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", default="model.safetensors", help="where to start from")
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--data", default="bundled", help="bundled, or Keras's mnist.npz")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--batch-size", type=int, default=C["batch_size"],
                        help="images of each kind per step, over all processes (default: the preset's)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="trained.safetensors")
    args = parser.parse_args()
    rank, world, device = join_processes(args.device)
    bs = args.batch_size
    if bs < 1 or bs % world:
        parser.error(f"--batch-size {{bs}} does not split over {{world}} processes (a multiple of {{world}})")
    share = slice(rank * bs // world, (rank + 1) * bs // world)   # this process's rows of each batch
    torch.manual_seed(args.seed + rank)   # dropout masks: each process its own
    shared = torch.Generator(device).manual_seed(args.seed)   # batches and noise: alike in every process

    nets = model.load(args.weights, device)
    g, d, ema = nets["generator"], nets["discriminator"], nets.get("generator_ema")
    g.train()
    d.train()
    opt_g, opt_d = make_optimizer(g, C["lr_g"]), make_optimizer(d, C["lr_d"])
    g_net, d_net = g.layers, DLogits(d)
    quiet_d = contextlib.nullcontext
    if world > 1:   # gradients averaged over the processes as they are computed
        ids = [device.index] if device.type == "cuda" else None
        g_net = DistributedDataParallel(g_net, device_ids=ids)
        d_net = DistributedDataParallel(d_net, device_ids=ids)
        quiet_d = d_net.no_sync   # D's gradients from G's step are never used: not averaged
    data = real_images(args.data, device)
    clusters = g.clusters
    data_ids = clusters.assign(data) if clusters is not None else None
    from safetensors import safe_open
    with safe_open(args.weights, "np") as f:
        start = int(f.metadata().get("iteration", "0"))
    real_target = torch.full((share.stop - share.start, 1), D_REAL_LABEL, device=device)
    order, cursor = torch.randperm(len(data), device=device, generator=shared), 0
    clock = time.perf_counter()
    for step in range(1, args.iterations + 1):
        # The next batch of real images: epochs without replacement.
        if cursor + bs > len(data):
            order, cursor = torch.randperm(len(data), device=device, generator=shared), 0
        rows = order[cursor:cursor + bs][share]
        cursor += bs
        reals, real_ids = data[rows], None if data_ids is None else data_ids[rows]

        # D: real images towards D_REAL_LABEL, generated ones towards 0 (one mean over both).
        g_input, fake_ids = g.input_of(model.sample_noise(bs, device, shared)[share])
        fakes = g_net(g_input)
        logits = d_net(reals, real_ids, fakes.detach(), fake_ids)
        d_loss = d_loss_of(logits, torch.cat([real_target, torch.zeros_like(real_target)]))
        opt_d.zero_grad(set_to_none=True)
        d_loss.backward()
        opt_d.step()

        # G: through D (whose weights this step leaves alone), towards D saying "real".
        if not G_REUSES_FAKES:
            g_input, fake_ids = g.input_of(model.sample_noise(bs, device, shared)[share])
            fakes = g_net(g_input)
        with quiet_d():
            g_loss = g_loss_of(d_net(fakes, fake_ids))
            opt_g.zero_grad(set_to_none=True)
            g_loss.backward()
        opt_g.step()
        iteration = start + step
        if ema is not None:   # the average G draws with: ema += (1 - beta) * (g - ema)
            beta = C["g_ema"]
            if C.get("g_ema_warmup"):   # its warm-up: beta rises from 2/11 towards g_ema
                beta = min(beta, (1.0 + iteration) / (C["g_ema_warmup"] + iteration))
            with torch.no_grad():
                for averaged, current in zip(ema.parameters(), g.parameters()):
                    averaged.lerp_(current, 1.0 - beta)

        # GAN Studio's schedules: learning rates divided by lr_decay each iteration, momentum ramp.
        for opt in (opt_g, opt_d):
            for group in opt.param_groups:
                if C["lr_decay"] != 1.0:
                    group["lr"] = max(group["lr"] / C["lr_decay"], C["lr_min"])
                if C["optimizer"] == "sgd" and C["momentum_ramp"]:
                    share_done = min(1.0, iteration / C["momentum_ramp"])
                    group["momentum"] = C["momentum"] + (C["momentum_final"] - C["momentum"]) * share_done
        if step % 100 == 0 or step == args.iterations:
            losses = torch.stack([d_loss.detach(), g_loss.detach()])
            if world > 1:   # the whole batch's losses: the mean of the processes' means
                dist.all_reduce(losses)
                losses /= world
            rate = step / (time.perf_counter() - clock)
            if rank == 0:
                print(f"iteration {{iteration}}  loss D {{losses[0].item():.3f}}  G {{losses[1].item():.3f}}  "
                      f"{{rate:.0f}} it/s")
    if rank == 0:
        model.save(nets, args.out, start + args.iterations)
        print(f"wrote {{args.out}} (iteration {{start + args.iterations}}); "
              f"ganstudio import {{args.out}} --out trained.npz brings it back")
    if world > 1:
        dist.barrier()   # the others wait for the file, so that torchrun returns after it is written
        dist.destroy_process_group()


if __name__ == "__main__":
    main()

'''
