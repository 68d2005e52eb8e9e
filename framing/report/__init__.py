"""HTML reports: one self-contained file per corpus, and article cards for Jupyter."""

from framing.report.build import build_report
from framing.report.card import AnalyzedArticle, article_card_html

__all__ = ["AnalyzedArticle", "article_card_html", "build_report"]
