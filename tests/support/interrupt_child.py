"""Runs `ganstudio ARGS` with a pause at one MOMENT, so a test can send a real signal then.

    python interrupt_child.py MOMENT ARGS...

At MOMENT the child prints "paused at MOMENT" on stderr and reads a line from stdin, and
pauses again while the line is "again". A signal sent while it waits arrives at that moment;
a handler that only records the signal lets the read go on (PEP 475), one that raises ends it.
Moments: import (inside `import numpy`, under main()), dataset (loading it), session (building
it), iteration (the start of iteration 3) and save (between the checkpoint and the grid).
"""

import importlib.abc
import sys


def pause(moment: str) -> None:
    while True:
        sys.stderr.write(f"paused at {moment}\n")  # one write: a signal cannot split the line
        sys.stderr.flush()
        if sys.stdin.readline().strip() != "again":
            return


def pausing(moment: str, function):
    def paused(*args, **kwargs):
        pause(moment)
        return function(*args, **kwargs)
    return paused


class _PauseInImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "numpy":
            sys.meta_path.remove(self)
            pause("import")
        return None  # the usual finders import it


def main() -> int:
    moment, args = sys.argv[1], sys.argv[2:]
    if moment == "import":
        sys.meta_path.insert(0, _PauseInImport())
    elif moment in ("dataset", "session", "save"):
        from ganstudio.cli import train_command

        name = {"dataset": "open_dataset", "session": "TrainingSession", "save": "save_png"}[moment]
        setattr(train_command, name, pausing(moment, getattr(train_command, name)))
    elif moment == "iteration":
        from ganstudio.core.training.session import TrainingSession

        run_stage = TrainingSession.run_stage

        def run_stage_pausing(session):
            if session.iteration == 2 and session.stage_index == 0:
                pause("iteration")
            return run_stage(session)
        TrainingSession.run_stage = run_stage_pausing
    from ganstudio.launcher import main as ganstudio

    return ganstudio(args)


if __name__ == "__main__":
    sys.exit(main())
