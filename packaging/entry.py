"""What the frozen `ganstudio` binary runs: the same entry point as the installed command, so
the one binary is both the window (bare `ganstudio`) and the CLI."""

import sys

from ganstudio.launcher import main

if __name__ == "__main__":
    sys.exit(main())
