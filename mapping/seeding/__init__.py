"""Seed an argument map from parsed documents: a proposal as data, applied as one operation.

>>> from mapping.documents import parse_text
>>> doc = parse_text("Cities should ban cars. Because air kills.", "x.txt")
>>> [n.kind for n in propose([doc]).nodes]
['position', 'claim']
"""

from mapping.seeding.profiles import DebateProfile, ProfilePosition, load_profile
from mapping.seeding.proposal import Proposal, ProposedNode, ProposedRelation
from mapping.seeding.seeder import propose

__all__ = [
    "DebateProfile",
    "ProfilePosition",
    "Proposal",
    "ProposedNode",
    "ProposedRelation",
    "load_profile",
    "propose",
]
