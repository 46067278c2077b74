"""GAN Studio: watch a GAN learn to draw handwritten digits, live, on a laptop CPU."""

__version__ = "0.1.0"
