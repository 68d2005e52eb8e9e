"""Comparing outlets: classifiers that explain themselves, and statistics that hold up."""

from framing.compare.api import ComparisonResult, compare_outlets, write_results
from framing.compare.io import load_model

__all__ = ["ComparisonResult", "compare_outlets", "load_model", "write_results"]
