"""Workshop bundles: one workshop, and what it needs of its series, as a JSON file.

A bundle moves a workshop between laptops, archives it, or merges work done on
two laptops. It holds personal data (names, private roles, contact details,
minutes). The format is described in ``docs/bundle-format.md`` and checked
against ``resources/schema/workshop-bundle-1.schema.json``.

Typical use::

    with db.reading() as session:
        write_bundle(session, workshop_id, path)
    with db.transaction() as session:
        result = import_bundle(session, read_bundle(path))
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from coprodesk.core.bundle_check import BundleProblem, CheckedBundle, check_bundle
from coprodesk.core.bundle_export import export_workshop
from coprodesk.core.bundle_import import ImportResult, import_bundle
from coprodesk.core.bundle_shapes import FORMAT_NAME, FORMAT_VERSION
from coprodesk.core.errors import BundleError

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_BUNDLE_BYTES",
    "CheckedBundle",
    "ImportResult",
    "bundle_bytes",
    "export_workshop",
    "import_bundle",
    "read_bundle",
    "write_bundle",
]

MAX_BUNDLE_BYTES = 50 * 1024 * 1024


def bundle_bytes(data: dict[str, Any]) -> bytes:
    """The one way a bundle is written: sorted keys, UTF-8, two-space indent."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)
    return (text + "\n").encode("utf-8")


def write_bundle(session: Session, workshop_id: uuid.UUID, path: Path | str) -> None:
    """Export a workshop to ``path`` atomically: a reader sees the old file or the new one."""
    path = Path(path)
    data = export_workshop(session, workshop_id)
    try:
        check_bundle(data)
    except BundleProblem as problem:
        raise BundleError(
            f"The workshop cannot be exported, because the bundle would not import again: "
            f"{problem.detail}. No file was written."
        ) from None
    content = bundle_bytes(data)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as error:
        raise _write_error(path, error) from error
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).replace(path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _write_error(path, error) from error


def _write_error(path: Path, error: OSError) -> BundleError:
    reason = error.strerror or "the system refused"
    return BundleError(
        f"The bundle file {path.name} could not be written in {path.parent}: {reason}. "
        "Any earlier file of that name is unchanged. Choose another folder, or free some space."
    )


def read_bundle(path: Path | str) -> CheckedBundle:
    """Read and check a bundle file; raise ``BundleError`` saying what is wrong and where."""
    path = Path(path)
    try:
        return check_bundle(_parse(_read_bytes(path)))
    except BundleProblem as problem:
        raise BundleError(
            f"The bundle file {path.name} cannot be imported: {problem.detail}. "
            "Nothing was changed."
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise BundleProblem("it is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise BundleProblem(_too_big(size))
        with path.open("rb") as file:
            content = file.read(MAX_BUNDLE_BYTES + 1)
    except FileNotFoundError:
        raise BundleProblem("there is no such file (it may have been moved or renamed)") from None
    except PermissionError:
        raise BundleProblem("CoproDesk is not allowed to read it") from None
    except OSError as error:
        raise BundleProblem(f"it could not be read ({error.strerror})") from None
    if len(content) > MAX_BUNDLE_BYTES:
        raise BundleProblem(_too_big(len(content)))
    return content


def _too_big(size: int) -> str:
    megabytes = MAX_BUNDLE_BYTES // (1024 * 1024)
    return f"the file is larger than {megabytes} MB, more than any workshop bundle needs"


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed in JSON")


def _no_repeated_fields(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    fields = dict(pairs)
    if len(fields) != len(pairs):
        repeated = next(name for name, _ in pairs if sum(1 for n, _ in pairs if n == name) > 1)
        raise BundleProblem(f'the field "{repeated[:60]}" appears twice in one place')
    return fields


def _parse(content: bytes) -> object:
    if not content.strip():
        raise BundleProblem("the file is empty")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BundleProblem(
            f"it is not text in UTF-8 (the first bad byte is at position {error.start})"
        ) from None
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, object_pairs_hook=_no_repeated_fields
        )
    except json.JSONDecodeError as error:
        raise BundleProblem(
            f"it is not valid JSON (the problem is at line {error.lineno}, "
            f"column {error.colno}), so it is not a workshop bundle"
        ) from None
    except (ValueError, RecursionError):
        raise BundleProblem("it is not valid JSON, so it is not a workshop bundle") from None
