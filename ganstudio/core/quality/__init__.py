"""How good are G's digits: the bundled judge, digit likeness, metrics, the full evaluation and
the end-of-run verdict. Imports training (for stop reasons) and below."""
