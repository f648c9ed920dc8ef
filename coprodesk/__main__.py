"""Entry point: headless commands go to ``cli``; no command opens the window.

Kept light on purpose: ``--version``, ``--help`` and ``list`` never load Qt
or ReportLab.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from coprodesk import cli

    return cli.main(sys.argv[1:] if argv is None else list(argv))


if __name__ == "__main__":
    sys.exit(main())
