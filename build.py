#!/usr/bin/env python3
"""Build the press-briefing coverage archive: `python build.py --help`."""

import os
import sys

from pressarchive.cli import main

if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Exit without freeing a large archive's objects one by one (a tenth of a second at 10,000 articles).
    os._exit(code)
