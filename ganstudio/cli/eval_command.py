"""`ganstudio eval CKPT [--n N] [--json]`: how good are a checkpoint's digits, in numbers."""

from __future__ import annotations

import json

from ganstudio.cli.arg_types import non_negative_int, positive_int, seed
from ganstudio.core.errors import GanStudioError
from ganstudio.core.formats.checkpoint import load_checkpoint
from ganstudio.core.quality import metrics
from ganstudio.core.quality.evaluation import (
    DEFAULT_SAMPLES,
    KIND_SHARE,
    PARZEN_CENTRES,
    QualityReport,
    evaluate_session,
)
from ganstudio.core.quality.verdict import render_verdict, session_verdict


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eval", help="judge a checkpoint's digits: classes, KL, confidence, Fréchet, Parzen",
        description="Judge fresh samples of a checkpoint's generator with the bundled MNIST "
                    "classifier and compare them with the 2,000 bundled held-out digits.")
    p.add_argument("checkpoint", metavar="CKPT")
    p.add_argument("--n", type=positive_int, default=DEFAULT_SAMPLES, metavar="N",
                   help=f"samples for the class statistics and Fréchet distance (default {DEFAULT_SAMPLES})")
    p.add_argument("--parzen-centres", type=non_negative_int, default=PARZEN_CENTRES, metavar="K",
                   help=f"generated samples used as Parzen centres (default {PARZEN_CENTRES:,}, "
                        "the 2014 protocol; 0 skips the estimate)")
    p.add_argument("--seed", type=seed, default=12345, metavar="K", help="noise seed for the samples")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    if not 2 <= args.n <= 100_000:
        raise GanStudioError("--n must be between 2 and 100000")
    if not 0 <= args.parzen_centres <= 100_000:
        raise GanStudioError("--parzen-centres must be between 0 and 100000")
    session = load_checkpoint(args.checkpoint)
    report = evaluate_session(session, n=args.n, parzen_centres=args.parzen_centres, seed=args.seed)
    verdict = session_verdict(session, classes=report.classes)
    if args.json:
        result = report.to_dict()
        result["verdict"] = {**verdict.to_json(), "text": render_verdict(verdict)}
        result["checkpoint"] = str(args.checkpoint)
        result["iteration"] = session.iteration
        result["preset"] = session.config.name
        print(json.dumps(result, indent=2))
    else:
        print(format_report(report, f"{args.checkpoint} ({session.config.name}, iteration {session.iteration:,})"))
        print(f"verdict: {render_verdict(verdict)}")
    return 0


def format_report(report: QualityReport, title: str) -> str:
    c, f, p = report.classes, report.frechet, report.parzen
    shares = "  ".join(f"{digit}:{share:4.0%}" for digit, share in enumerate(c.histogram))
    lines = [
        title,
        f"  samples judged          {c.n:,}",
        f"  class shares            {shares}",
        f"  classes covered         {c.covered}/10   (named by the judge, digit-like or not)",
        f"  kinds of digit          {c.kinds}/10   (digit-like, each ≥ {KIND_SHARE:.0%}: what the verdict counts)",
        f"  KL to uniform           {c.kl:.4f} nats   (real digits ≈ 0.002, one class = 2.303)",
        f"  mean confidence         {c.confidence:.3f}",
        f"  confident (≥ 0.9)       {c.confident_share:.1%}",
        f"  not digit-like          {c.unlike_share:.1%}   (real digits ≈ 1 %; noise 100 %)",
        f"  MNIST score             {report.mnist_score:.2f}   (at most 10)",
        f"  Fréchet distance        {f.distance:.3f}   (real vs real at n = {f.n}: {f.baseline:.3f})",
    ]
    if p is None:
        lines.append("  Parzen log-likelihood   not estimated")
    else:
        lines.append(f"  Parzen log-likelihood   {p.mean:.1f} ± {p.standard_error:.1f} nats   "
                     f"(σ = {p.sigma:.4f}, {p.n_centres:,} centres, {p.n_test:,} held-out digits)")
        lines.append(f"  published, {metrics.PARZEN_CITATION}:")
        for name, mean, se in metrics.PARZEN_PUBLISHED:
            lines.append(f"    {name:<22}{mean:.0f} ± {se:g}")
        lines.append("  " + metrics.PARZEN_CAVEAT)
    verdict = "yes" if c.wins_race else "no"
    lines.append(f"  recognizable digits of every class (≥ 80 % confident ≥ 0.9, 10/10, KL < 0.05): {verdict}")
    return "\n".join(lines)
