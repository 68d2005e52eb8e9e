"""Feature families (one module each) and the registry that names them."""

from framing.features.base import FAMILY_PATHS, Evidence, Family, FamilyResult, family_class, register

__all__ = ["FAMILY_PATHS", "Evidence", "Family", "FamilyResult", "family_class", "register"]
