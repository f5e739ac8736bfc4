"""``python -m devtools.bench [--quick]``: run the benchmark and print the table."""

import sys

from devtools.bench.run import main

sys.exit(main())
