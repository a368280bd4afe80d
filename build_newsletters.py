#!/usr/bin/env python3
"""Build ready-to-paste online-safety newsletter pieces for one school or many (see --help)."""

import sys

from onlinesafety.newsletters.cli import main

if __name__ == "__main__":
    sys.exit(main(limit_memory=True))
