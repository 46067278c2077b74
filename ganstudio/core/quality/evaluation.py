"""Judge a generator's digits: the cheap live class statistics, and the full evaluation
(class statistics, MNIST score, Fréchet distance with its baseline, Parzen log-likelihood)
shared by `ganstudio eval`, the window's "Evaluate now" and the quality benchmark.

Real reference digits are always the bundled held-out split (2,000 digits the generator
never saw): its first half and second half give the Fréchet reference and baseline, and
the Parzen validation and test sets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from ganstudio.core.quality import metrics
from ganstudio.core.quality.digit_likeness import load_digit_likeness
from ganstudio.core.quality.judge import Judge, load_judge

# The stage race: what "recognizable digits of every class" means, measured.
RACE_CONFIDENT_SHARE = 0.8  # at least this share of samples ...
RACE_CONFIDENCE = 0.9  # ... classified with at least this probability,
RACE_MAX_KL = 0.05  # classes nearly balanced, and all 10 present.

# What counts as a digit: ONE rule for the class chart, the metrics panel, the verdict and the
# ladder's "kinds". A sample counts as the digit the judge names only if it is digit-like
# (digit_likeness.py): the judge names a digit even for noise, so named classes alone put bars
# on grey blobs. A kind of digit is drawn when at least KIND_SHARE of all samples are
# digit-like and named that digit (a tenth of the even 10 %, so that the judge's stray guesses
# on a collapsed G do not count as kinds; docs/quality.md, "The verdict").
KIND_SHARE = 0.03

DEFAULT_SAMPLES = 1000
PARZEN_CENTRES = 10_000  # the 2014 protocol


@dataclass(frozen=True)
class ClassReport:
    """What the judge thinks G is drawing. Cheap: one small MLP pass."""

    histogram: np.ndarray  # (10,) shares of samples per predicted class
    covered: int
    kl: float  # KL(p̂ ‖ uniform) in nats
    confidence: float  # mean top-class probability
    confident_share: float  # share with top-class probability ≥ RACE_CONFIDENCE
    n: int
    unlike_share: float = 0.0  # share unlike every real digit, whatever the judge names (likeness.py)
    # (10,) share of ALL samples that are digit-like and named each digit; with unlike_share
    # it sums to 1 (the "no digit" bar of the chart).
    digit_shares: np.ndarray = field(default_factory=lambda: np.zeros(10))

    @property
    def drawn_digits(self) -> list[int]:
        """The kinds of digit G draws (the one rule above), the most drawn first."""
        shares = np.asarray(self.digit_shares, float)
        return [int(d) for d in np.argsort(-shares, kind="stable") if shares[d] >= KIND_SHARE]

    @property
    def kinds(self) -> int:
        return len(self.drawn_digits)

    @property
    def wins_race(self) -> bool:
        return (self.confident_share >= RACE_CONFIDENT_SHARE and self.covered == 10
                and self.kl < RACE_MAX_KL)


@dataclass(frozen=True)
class QualityReport:
    classes: ClassReport
    mnist_score: float
    frechet: metrics.FrechetResult
    parzen: metrics.ParzenResult | None

    def to_dict(self) -> dict:
        """Plain JSON-ready numbers, with the published Parzen table beside ours."""
        classes = asdict(self.classes)
        classes["histogram"] = [round(float(v), 6) for v in self.classes.histogram]
        classes["digit_shares"] = [round(float(v), 6) for v in self.classes.digit_shares]
        classes["kinds"] = self.classes.kinds
        classes["wins_race"] = self.classes.wins_race
        return {
            "classes": classes,
            "mnist_score": self.mnist_score,
            "frechet": asdict(self.frechet),
            "parzen": asdict(self.parzen) if self.parzen else None,
            "parzen_published": {
                "source": metrics.PARZEN_CITATION,
                "models": [{"model": name, "mean": mean, "standard_error": se}
                           for name, mean, se in metrics.PARZEN_PUBLISHED],
                "caveat": metrics.PARZEN_CAVEAT,
            },
        }


def class_report(images: np.ndarray, judge: Judge | None = None,
                 features: np.ndarray | None = None) -> ClassReport:
    """Class statistics of uint8 images (n, 28, 28); pass their judge `features` if already
    computed (one pass of the judge serves the classes, the likeness and the Fréchet distance)."""
    judge = judge or load_judge()
    if features is None:
        features = judge.features(images)
    probs = judge.proba_from_features(features)
    histogram = metrics.class_histogram(probs)
    like = load_digit_likeness().digit_like(features)
    return ClassReport(
        histogram=histogram,
        covered=metrics.classes_covered(histogram),
        kl=metrics.kl_to_uniform(histogram),
        confidence=metrics.mean_confidence(probs),
        confident_share=metrics.confident_fraction(probs, RACE_CONFIDENCE),
        n=len(probs),
        unlike_share=float(np.mean(~like)) if len(like) else 0.0,
        digit_shares=digit_shares(probs, like),
    )


def digit_shares(probs: np.ndarray, like: np.ndarray) -> np.ndarray:
    """(10,) the share of all samples that are digit-like (`like`) and named each digit."""
    named = np.asarray(probs).argmax(axis=1)[np.asarray(like, bool)]
    return np.bincount(named, minlength=10) / max(len(probs), 1)


def held_out_digits() -> np.ndarray:
    from ganstudio.core.data import load_bundled

    return load_bundled("test").images


def evaluate_images(images: np.ndarray, real: np.ndarray | None = None,
                    parzen_centres: np.ndarray | None = None,
                    judge: Judge | None = None) -> QualityReport:
    """Full report for generated uint8 `images` against real uint8 digits `real` (default:
    the bundled held-out split). Parzen runs only when `parzen_centres` (generated images,
    10,000 in the 2014 protocol) are given."""
    judge = judge or load_judge()
    real = held_out_digits() if real is None else real
    features = judge.features(images)
    probs = judge.proba_from_features(features)
    n_real = len(real) // 2
    frechet = metrics.frechet_with_baseline(features[:n_real], judge.features(real))
    parzen = None
    if parzen_centres is not None and len(parzen_centres):
        real_rows = metrics.pixels_unit(real)
        parzen = metrics.parzen_evaluate(metrics.pixels_unit(parzen_centres),
                                         validation=real_rows[:n_real], test=real_rows[n_real:])
    return QualityReport(
        classes=class_report(images, judge, features=features),
        mnist_score=metrics.mnist_score(probs),
        frechet=frechet,
        parzen=parzen,
    )


def evaluate_session(session, n: int = DEFAULT_SAMPLES, parzen_centres: int = PARZEN_CENTRES,
                     seed: int = 12345, judge: Judge | None = None) -> QualityReport:
    """Draw fresh samples from a TrainingSession's generator (not the fixed display batch)
    and evaluate them; `parzen_centres=0` skips the Parzen estimate."""
    count = max(n, parzen_centres)
    drawn = session.sample(count, seed=seed)
    return evaluate_images(drawn[:n], parzen_centres=drawn[:parzen_centres] if parzen_centres else None,
                           judge=judge)
