"""What the frozen windowed launcher runs on Windows and macOS (`ganstudio-gui`, built without
a console): the window only, as the installed gui-script does. Linux needs no second binary:
there a program started from the menu opens no terminal whatever it is built as."""

import sys

from ganstudio.launcher import window

if __name__ == "__main__":
    sys.exit(window())
