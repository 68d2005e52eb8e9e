"""Comparing outlets: classifiers that explain themselves, and statistics that hold up."""

from framing.compare.api import compare_outlets
from framing.compare.io import load_model
from framing.compare.results import ComparisonResult, write_results

__all__ = ["ComparisonResult", "compare_outlets", "load_model", "write_results"]
