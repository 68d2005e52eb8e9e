"""Lexicon discovery: the words and names that divide outlets in a researcher's own corpus.

``suggest_terms(corpus, by="outlet")`` ranks 1-3 grams by the Fightin' Words z-score and
proposes naming variants; ``write_draft`` writes them as a lexicon draft for review.
"""

from framing.discover.draft import draft_toml, read_counts, save_counts, write_draft
from framing.discover.ranking import REST, log_odds
from framing.discover.suggest import Suggestions, suggest_terms

__all__ = ["REST", "Suggestions", "draft_toml", "log_odds", "read_counts", "save_counts", "suggest_terms",
           "write_draft"]
