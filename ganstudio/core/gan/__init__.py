"""The GAN algorithms: networks, noise and pixels from a config (model_parts.py), what every
algorithm offers the loop (algorithm.py), the classic 2014 loop, the modern minibatch one, and
their helpers (clusters, augmentation, the second core). Imports config, engine, data, files."""
