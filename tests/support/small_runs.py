"""Small, quick training runs: the one small subset of the bundled digits every test trains on
(the root conftest.py serves it as the session-wide `small_data` fixture), and each preset
shrunk to a few iterations on narrow networks."""

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.data import Dataset, load_bundled

SMALL_DATA_NAME = "bundled subset"


def small_dataset() -> Dataset:
    """Every eighth bundled training image: 1,000 digits, each class about 100 times. The
    numbers in tests/recorded/short_runs.json were recorded on exactly this subset."""
    full = load_bundled("train")
    return Dataset(images=full.images[::8].copy(), labels=full.labels[::8].copy(),
                   name=SMALL_DATA_NAME, source="bundled")


def small_config(preset: str, **overrides):
    """`overrides` on top of the shrunk preset (callers pass their own `iterations`)."""
    base = {}
    if preset == "seed":
        base.update(real_per_iter=200, fake_per_iter=200)
    elif preset in ("mlp", "goodfellow2014"):
        base.update(g_hidden=(32, 64), d_hidden=(32,), batch_size=16)
    base.update(overrides)
    return with_overrides(get_preset(preset), base)
