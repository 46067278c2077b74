"""The training plumbing: the controller that owns the session, its thread, the mailbox
between them and how often the views redraw."""
