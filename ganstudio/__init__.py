"""GAN Studio: watch a GAN learn to draw handwritten digits, live, on a laptop CPU."""

__version__ = "0.1.0"

# Importing ganstudio changes nothing in the host process: the entry points set the BLAS thread
# count (ganstudio/blas_threads.py).
