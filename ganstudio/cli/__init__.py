"""The command line: main.py and one module per sub-command. It never imports the window;
ganstudio/launcher.py opens it when no sub-command is given."""
