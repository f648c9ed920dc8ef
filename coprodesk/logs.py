"""The log: events and record ids only, never names or minute text.

Names and notes are personal data. Log messages name what happened and the
ids involved; the database engine hides statement parameters, so an error
raised from SQL carries no typed text into the log either.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from coprodesk import paths

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_handler: RotatingFileHandler | None = None


def setup_logging() -> None:
    """Log to the rotated file in the current log folder, replacing an earlier one."""
    global _handler
    root = logging.getLogger()
    target = paths.log_path()
    if _handler is not None:
        if _handler.baseFilename == str(target):
            return
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            target, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        # A log that cannot be written must never stop a workshop.
        return
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    _handler = handler
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)
