"""Command-line front end. `ganstudio` with no sub-command opens the window."""
