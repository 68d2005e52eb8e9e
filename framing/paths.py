"""Where the bundled data lives (lexicons/, seeds/), resolved from the package location."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LEXICON_DIR = Path(os.environ.get("FRAMING_LEXICON_DIR", PROJECT_ROOT / "lexicons"))
SEEDS_DIR = PROJECT_ROOT / "seeds"
REPORTS_DIR = PROJECT_ROOT / "reports"
# ../shared beside the project, where the test and benchmark data sets are kept.
SHARED_DIR = Path(os.environ.get("FRAMING_SHARED_DIR", PROJECT_ROOT.parent / "shared"))
FAKES_CSV = SHARED_DIR / "data" / "fa-kes" / "FA-KES-Dataset.csv"
POLNEAR_JSONL = SHARED_DIR / "data" / "polnear" / "train.jsonl"
