"""``python -m devtools``: the developer command line (see devtools.cli)."""

import sys

from devtools.cli import main

sys.exit(main())
