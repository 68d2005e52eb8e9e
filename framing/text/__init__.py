"""Text structure shared by every feature family: paragraphs, sentences, quotations, words."""

from framing.text.document import Document

__all__ = ["Document"]
