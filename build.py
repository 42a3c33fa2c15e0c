#!/usr/bin/env python3
"""Build the press-briefing coverage archive: `python build.py --help`."""

import os
import sys

INTERRUPTED = "Error: interrupted; nothing partial was written\n"

if __name__ == "__main__":
    try:
        from pressarchive.cli import main

        code = main()
    except KeyboardInterrupt:  # Ctrl+C before main() handles it itself (while the modules load)
        sys.stderr.write(INTERRUPTED)
        code = 130
    sys.stdout.flush()
    sys.stderr.flush()
    # Exit without freeing a large archive's objects one by one (a tenth of a second at 10,000 articles).
    os._exit(code)
