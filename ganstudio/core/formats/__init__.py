"""What a run writes and reads: checkpoints, mosaic PNGs and metric CSVs, timeline pictures, and
model export/import (model_io/). The top layer of the core, beside quality and classroom."""
