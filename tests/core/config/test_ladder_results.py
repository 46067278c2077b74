"""The ladder's numbers in the core (core/config/ladder.py) are the means of the committed
measurements (benchmarks/results/ladder.jsonl), as `benchmarks/ladder.py table` prints them: the
table regenerates from the results file, also after a setting was added to GANConfig."""

import re
import subprocess
import sys

from ganstudio.core.config.ladder import LADDER

from support import REPO as ROOT


def test_the_table_regenerates_every_rung_with_the_numbers_the_core_keeps():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ladder.py"), "table"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    measured = dict(re.findall(r"^(ladder-[\w-]+): \(([^)]*)\)$", out, re.M))
    assert sorted(measured) == sorted(rung.preset for rung in LADDER)
    for rung in LADDER:
        printed = [float(v) for v in measured[rung.preset].split(", ")]
        kept = [rung.kinds, rung.covered, rung.kl, rung.confidence, rung.unlike, rung.frechet]
        assert printed == kept, rung.preset
