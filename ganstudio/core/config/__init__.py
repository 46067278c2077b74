"""Settings as data: their limits (limits.py), `GANConfig` and its checks (settings.py), `--set` changes
(overrides.py), the presets and the ladder, the scenarios, and each setting explained for people.
It imports only `core.errors` and `core.translatable`."""
