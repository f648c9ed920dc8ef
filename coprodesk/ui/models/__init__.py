"""Qt item models over core queries: one model per list, never a widget per row."""
