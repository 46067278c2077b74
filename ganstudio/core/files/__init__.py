"""Files that are whole or absent: atomic writes, SHA-256 digests, a run's manifest, and where the
bundled assets are. The lowest layer of the core: it imports only `core.errors`."""
