"""The Qt-free core, in layers; each imports only the layers below it (the import contracts in
pyproject.toml check it):

    formats | quality | classroom    what a run writes; how good it is; teaching helpers
    training                         the one loop, its worker, history, stopping, timeline
    gan                              the algorithms and the networks they build
    config | engine | data           settings and presets; layers and optimizers; datasets
    files                            atomic writes, digests, manifests, bundled assets
    errors | translatable            errors the user can act on; texts marked for translation

Nothing here imports Qt, so the command line, tests and benchmarks run without a display."""
