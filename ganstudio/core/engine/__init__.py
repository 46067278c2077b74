"""The NumPy engine: layers, a network over one flat parameter buffer, losses and optimizers.
It knows nothing of GANs, settings or files, and imports nothing of the project."""
