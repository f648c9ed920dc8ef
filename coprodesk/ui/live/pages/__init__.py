"""One page for each step of a live workshop."""
