"""Teaching helpers the window uses: a digit drawn by hand, asking D about it, and looking
inside G. Imports gan and below."""
