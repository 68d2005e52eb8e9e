"""Feature families (one module each) and the registry that names them."""

from framing.features.base import FAMILY_PATHS, Evidence, Family, FamilyResult, family_class, register
from framing.features.union import FramingFeatures

__all__ = ["FAMILY_PATHS", "Evidence", "Family", "FamilyResult", "FramingFeatures", "family_class", "register"]
