"""Errors a user can act on, kept apart from bugs.

A ``UserFacingError`` carries a plain message that is safe to show as it is:
what happened, what is safe, and what to do next. Anything else that escapes
is a bug: it is logged and the user is told that nothing was lost.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """A problem the user can understand and fix; ``str(error)`` is the message."""


class StorageError(UserFacingError):
    """The database could not be opened, read or written."""


class NotACoproDeskDatabase(StorageError):
    pass


class DamagedDatabase(StorageError):
    pass


class NewerDatabase(StorageError):
    pass


class FolderInUse(StorageError):
    pass


class BundleError(UserFacingError):
    """A workshop bundle could not be read or imported."""


class NotFound(UserFacingError):
    """A series, workshop or other record named by id does not exist."""


class InvalidInput(UserFacingError):
    """A value typed or given is not acceptable (too long, empty, a clash)."""
