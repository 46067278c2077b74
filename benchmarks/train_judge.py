"""Train the bundled judge (assets/judge.npz): an MLP 784-512-256-10 in GAN Studio's own
engine, on the 8,000 bundled training digits with random small affine distortions (shift,
rotation, scale), Adam with a cosine learning-rate schedule. Prints the held-out accuracy on
the 2,000 bundled held-out digits, measured with the float16 weights that are shipped.

    python benchmarks/train_judge.py [--epochs 40] [--seed 0] [--out assets/judge.npz]

Deterministic for a given seed on a given machine; takes a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from ganstudio.core.data import load_bundled
from ganstudio.core.engine.losses import SoftmaxCrossEntropy
from ganstudio.core.engine.optimizers import Adam
from ganstudio.core.quality.judge import build_judge_network, images_to_judge_input, read_judge, save_judge

HIDDEN = (512, 256)
REPO = Path(__file__).resolve().parents[1]


def random_affine(images: np.ndarray, rng: np.random.Generator, shift: float = 2.0,
                  degrees: float = 12.0, scale: float = 0.1) -> np.ndarray:
    """Each float image (n, 28, 28) moved by up to ±shift pixels, rotated by up to ±degrees
    and scaled by 1 ± scale about its centre, with bilinear interpolation (zeros outside)."""
    n, side = len(images), images.shape[1]
    angle = np.deg2rad(rng.uniform(-degrees, degrees, n))[:, None, None]
    zoom = rng.uniform(1 - scale, 1 + scale, n)[:, None, None]
    tx, ty = (rng.uniform(-shift, shift, n)[:, None, None] for _ in range(2))
    centre = (side - 1) / 2
    yy, xx = np.mgrid[0:side, 0:side].astype(np.float32) - centre
    # Inverse map: for every output pixel, where to read in the source image.
    cos, sin = np.cos(angle) / zoom, np.sin(angle) / zoom
    src_x = cos * xx - sin * yy + centre - tx
    src_y = sin * xx + cos * yy + centre - ty
    x0, y0 = np.floor(src_x).astype(np.intp), np.floor(src_y).astype(np.intp)
    fx, fy = (src_x - x0).astype(np.float32), (src_y - y0).astype(np.float32)
    padded = np.zeros((n, side + 2, side + 2), np.float32)
    padded[:, 1:-1, 1:-1] = images
    rows = np.arange(n)[:, None, None]

    def pixel(y, x):
        return padded[rows, np.clip(y + 1, 0, side + 1), np.clip(x + 1, 0, side + 1)]

    return (pixel(y0, x0) * (1 - fx) * (1 - fy) + pixel(y0, x0 + 1) * fx * (1 - fy)
            + pixel(y0 + 1, x0) * (1 - fx) * fy + pixel(y0 + 1, x0 + 1) * fx * fy)


def accuracy(predict, images: np.ndarray, labels: np.ndarray) -> float:
    return float(np.mean(predict(images).argmax(axis=1) == labels))


def train(train_images, train_labels, test_images, test_labels, epochs: int, seed: int,
          batch_size: int = 64, lr: float = 1e-3, log=print):
    rng = np.random.default_rng(seed)
    net = build_judge_network(HIDDEN, rng)
    optimizer = Adam(net.flat_params, net.flat_grads, lr)
    loss = SoftmaxCrossEntropy()
    unit = train_images.astype(np.float32) / 255

    def predict(images):
        return net.forward(images_to_judge_input(images), training=False)

    started = time.perf_counter()
    for epoch in range(epochs):
        optimizer.lr = lr * 0.5 * (1 + np.cos(np.pi * epoch / epochs))
        order = rng.permutation(len(unit))
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            x = random_affine(unit[batch], rng).reshape(len(batch), -1)
            loss.forward(net.forward(x, training=True), train_labels[batch])
            net.backward(loss.backward(), input_grad=False)
            optimizer.step()
        if epoch % 5 == 4 or epoch == epochs - 1:
            log(f"epoch {epoch + 1:3d}  held-out accuracy {accuracy(predict, test_images, test_labels):.4f}"
                f"  ({time.perf_counter() - started:.0f} s)")
    return net


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=REPO / "assets" / "judge.npz")
    args = parser.parse_args()
    train_set, test_set = load_bundled("train"), load_bundled("test")
    net = train(train_set.images, train_set.labels, test_set.images, test_set.labels,
                args.epochs, args.seed)
    # Measure what ships: write the float16 file, read it back, score it.
    save_judge(args.out, net, HIDDEN, accuracy=0.0)
    shipped = read_judge(args.out)
    held_out = accuracy(shipped.predict_proba, test_set.images, test_set.labels)
    save_judge(args.out, shipped.network, HIDDEN, accuracy=held_out)
    size_kb = args.out.stat().st_size / 1024
    print(f"wrote {args.out} ({size_kb:.0f} KB); held-out accuracy (float16 weights, "
          f"{len(test_set.labels)} digits): {held_out:.4f}")


if __name__ == "__main__":
    main()
