"""The pure policy core: ZOSI's store rules (POLICY.md) as small functions of facts and today.

Modules: ``terms`` (every number), ``contact`` (C1), ``model`` (facts, decisions and the
shared window arithmetic), ``dates`` (AMAZON.DATE values), ``returns`` (R1-R6),
``warranty`` (W1-W9), ``crossship`` (X1-X4), ``regions`` and ``delivery`` (D1-D5).
Only the standard library is imported, plus ``holidays`` lazily inside ``delivery``.
No I/O, no logging, no speech text: the speech layer renders the enums.
"""
