"""Feature families (one module each) and the registry that names them."""

from framing.features.base import Evidence, Family, FamilyResult
from framing.features.registry import FAMILY_PATHS, family_class, register
from framing.features.union import FramingFeatures

__all__ = ["FAMILY_PATHS", "Evidence", "Family", "FamilyResult", "FramingFeatures", "family_class", "register"]
