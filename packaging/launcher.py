"""What the bundled executable runs: the same entry point as the `coprodesk` command."""

import sys

from coprodesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
