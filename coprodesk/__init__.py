"""CoproDesk: run fair coproduction workshops offline."""

__version__ = "0.1.0"
