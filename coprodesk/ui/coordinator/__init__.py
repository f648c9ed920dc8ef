"""The coordinator's desk: recognition, recompense and fair load for one series (private)."""
