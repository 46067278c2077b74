"""The NumPy engine: layers, losses, optimizers, presets, the training loop, data, metrics
and checkpoints. Nothing in this package imports Qt, so the CLI, tests and benchmarks run
without a display."""
