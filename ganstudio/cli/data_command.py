"""`ganstudio data info [SPEC]` and `ganstudio data download mnist|fashion`."""

from __future__ import annotations

import argparse

from ganstudio.cli.interrupts import Interrupted, exit_status
from ganstudio.cli.progress_bar import ProgressLine, bar
from ganstudio.core.data import open_dataset
from ganstudio.core.data.bundled import SPLITS, bundled_files
from ganstudio.core.data.catalog import DATA_DIR_ENV, REMOTE_DATASETS, data_dir, dataset_dir, download_state
from ganstudio.core.data.idx import count_items, find_images_file
from ganstudio.core.data.opener import SPEC_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("data", help="show available datasets or download full MNIST",
                                   description="Show available datasets or download full MNIST / Fashion-MNIST.")
    actions = parser.add_subparsers(dest="data_action", metavar="{info,download}", required=True)
    info = actions.add_parser("info", help="what data is available, or details of one dataset")
    info.add_argument("spec", nargs="?", help=SPEC_HELP)
    info.add_argument("--split", choices=SPLITS, default="train", help="which part of the dataset (default: train)")
    download = actions.add_parser("download", help="download and verify a full dataset")
    download.add_argument("name", choices=sorted(REMOTE_DATASETS), help="which dataset")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.data_action == "download":
        return _download(args.name)
    if args.spec is None:
        _print_overview()
    else:
        _print_details(args.spec, args.split)
    return 0


def _print_overview() -> None:
    train_images, _ = bundled_files("train")
    test_images, _ = bundled_files("test")
    print(f"bundled   MNIST subset, offline: {count_items(train_images):,} train + "
          f"{count_items(test_images):,} held out   {train_images.parent}")
    for remote in REMOTE_DATASETS.values():
        directory = dataset_dir(remote)
        state = download_state(remote, directory)
        if state != "complete":
            print(f"{remote.key:<9} {remote.title}: {state} (ganstudio data download {remote.key})")
        else:
            counts = [count_items(find_images_file(directory, split)) for split in SPLITS]
            print(f"{remote.key:<9} {remote.title}: {counts[0]:,} train + {counts[1]:,} test   {directory}")
    print(f"download folder: {data_dir()} (set {DATA_DIR_ENV} to change it)")


def _print_details(spec: str, split: str) -> None:
    dataset = open_dataset(spec, split=split)
    print(f"name:    {dataset.name}")
    print(f"source:  {dataset.source}")
    print(f"images:  {len(dataset):,} x 28x28, mean pixel {dataset.images.mean():.1f} of 255")
    counts = dataset.class_counts()
    if counts is None:
        print("labels:  none")
    else:
        print("per class: " + "  ".join(f"{digit}: {n:,}" for digit, n in enumerate(counts)))


def _progress_reporter(title: str, line: ProgressLine):
    def report(done: int, total: int) -> None:
        fraction = done / max(total, 1)
        line.update(f"{title} {bar(fraction)} {100 * fraction:3.0f}%  {done / 1e6:.1f} / {total / 1e6:.1f} MB",
                    force=done == total)
    return report


def _download(name: str) -> int:
    from ganstudio.core.data.download import download

    remote = REMOTE_DATASETS[name]
    line = ProgressLine()
    try:
        directory = download(remote, progress=_progress_reporter(remote.title, line))
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM; main() prints it after the line is closed
        raise Interrupted(exit_status(exc) - 128, f"download of {remote.title} interrupted; "
                                                  "run the same command again to resume") from None
    finally:
        line.close()
    print(f"{remote.title} downloaded and verified (SHA-256) in {directory}")
    return 0
