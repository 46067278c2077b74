"""The docks, bars and dialogs around the live views."""
