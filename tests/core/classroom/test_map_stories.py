"""The map of digit space tells the scenarios' stories (issue 22 part 1), checked on the map's
own numbers along each run: in the collapse scenario the fakes' spread on the map shrinks as the
class chart narrows; with the flawed stopping rule D is sure of the fakes, which lie far from
the clouds; in healthy training the fakes spread over every digit's cloud. Played in a fresh
process, as tests/core/config/test_scenarios.py plays scenarios (one BLAS thread, as the app and
the command line run them), so the stories are the measured ones. Whole runs go only with
GANSTUDIO_SLOW_TESTS=1."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from support.commands import checkout_env

slow = pytest.mark.skipif(not os.environ.get("GANSTUDIO_SLOW_TESTS"),
                          reason="a whole scenario; set GANSTUDIO_SLOW_TESTS=1 to run it")

# At each iteration asked for (and at the end): the map's numbers and the class chart's.
LOOK = """
import json, sys
from ganstudio.blas_threads import one_blas_thread
one_blas_thread()
import numpy as np
from ganstudio.core.classroom.digit_map import digit_map
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.scenarios import get_scenario
from ganstudio.core.data import load_bundled
from ganstudio.core.quality.evaluation import class_report
from ganstudio.core.training.session import TrainingSession

name, marks, last = sys.argv[1], {int(m) for m in sys.argv[2].split(",") if m}, int(sys.argv[3])
config = get_scenario(name).config()
if last:
    config = with_overrides(config, {"iterations": last})
session = TrainingSession(config, load_bundled("train"))
looks = []

def look():
    found = digit_map(session)
    report = class_report(session.sample())
    reals, labels = found.real_points, found.real_labels
    distances = np.sqrt(((found.fakes[:, None] - reals[None]) ** 2).sum(axis=2))
    # How far apart neighbouring real digits lie on the map: the clouds' own grain.
    among = np.sqrt(((reals[:300, None] - reals[None]) ** 2).sum(axis=2))
    np.fill_diagonal(among[:, :300], np.inf)
    real_spread = float(np.sqrt(((reals - reals.mean(axis=0)) ** 2).sum(axis=1).mean()))
    looks.append({"iteration": session.iteration, "spread": found.spread(), "real_spread": real_spread,
                  "covered": report.covered, "top_share": float(report.histogram.max()),
                  "fake_score": float(found.fake_scores.mean()),
                  "from_clouds": float(np.median(distances.min(axis=1)) / np.median(among.min(axis=1))),
                  "nearest_classes": len(set(labels[distances.argmin(axis=1)].tolist()))})

if 0 in marks:
    look()
for _ in session.run(log_every=1):
    if session.iteration in marks:
        look()
if session.iteration not in marks:
    look()
print(json.dumps(looks))
"""


def look_along(name: str, marks, last: int = 0) -> list[dict]:
    env = {key: value for key, value in os.environ.items() if not key.endswith("_NUM_THREADS")}
    result = subprocess.run([sys.executable, "-c", LOOK, name, ",".join(map(str, marks)), str(last)],
                            capture_output=True, text=True, timeout=900, env=checkout_env(env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_in_the_collapse_scenario_the_fakes_spread_on_the_map_shrinks_as_the_class_chart_narrows():
    looks = look_along("collapse", range(100, 1201, 100))
    assert [look["iteration"] for look in looks] == list(range(100, 1201, 100))
    # Where the chart is widest (iteration 400: four classes, measured), the fakes lie widest.
    widest = max(looks, key=lambda look: (look["covered"], -look["top_share"]))
    assert widest["covered"] >= 3
    assert widest["spread"] >= 0.9 * max(look["spread"] for look in looks)
    # As the chart narrows to one bar for good, the fakes pile up: a third of that spread or less,
    # a few hundredths of the real digits' spread on the same map.
    end = looks[-4:]
    assert all(look["covered"] <= 2 and look["top_share"] >= 0.95 for look in end)
    spreads = sorted(look["spread"] for look in end)
    assert (spreads[1] + spreads[2]) / 2 < widest["spread"] / 3
    assert looks[-1]["spread"] < 0.05 * looks[-1]["real_spread"]
    # And they keep to few of the clouds, where the widest chart's fakes reached more.
    assert looks[-1]["nearest_classes"] < widest["nearest_classes"]


def test_with_the_flawed_stopping_rule_d_is_sure_of_the_fakes_in_one_clump_off_the_clouds():
    looks = look_along("stopping-rule", [])
    stop = looks[-1]
    assert stop["iteration"] == 12                      # the rule fired (docs/scenarios.md)
    assert stop["fake_score"] < 0.15                    # D: "fake", and sure of it
    assert stop["spread"] < 0.05 * stop["real_spread"]  # one clump
    assert stop["from_clouds"] > 1.5                    # off the clouds: twice their grain from the nearest real digit


@slow
def test_in_healthy_training_the_fakes_spread_over_every_cloud():
    first, *_, last = look_along("digits", [0, 6000])
    assert first["spread"] < 0.01 * first["real_spread"]   # untrained: G's one mean image
    assert last["nearest_classes"] == 10 and last["covered"] == 10
    assert last["spread"] > 0.7 * last["real_spread"]
    # Among the real digits, not off them (the stopping rule's clump: > 1.5). Measured 1.11 with
    # fast's one-layer D, 1.22 since its second layer (issue 21), whose fakes spread 1.16 times
    # as wide as the reals on the map, against 1.02.
    assert last["from_clouds"] < 1.3
