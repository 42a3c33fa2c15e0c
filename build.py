#!/usr/bin/env python3
"""Build the press-briefing coverage archive: `python build.py --help`."""

import sys

from pressarchive.cli import main

if __name__ == "__main__":
    sys.exit(main())
