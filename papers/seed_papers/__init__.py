"""Real KCP papers (2004-2009): the demo content of `make run` and the importer's fixtures.
Copied from the project's shared seed papers so a fresh clone has them."""

from pathlib import Path

SEED_PAPERS_DIR = Path(__file__).resolve().parent
