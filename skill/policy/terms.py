"""Every number the policy rules use, in one place (POLICY.md).

The rules in this package read their periods from here so that a change to the store
terms is a one-line edit. W1 decision: the seed's section heading says 24 months, its
body and the cross-shipping rule say one year, so the warranty is 12 months and the
skill never promises 24.
"""

from typing import Final

RETURN_WINDOW_DAYS: Final = 30
"""R1: days after the purchase date during which a refund can be asked for, inclusive."""

WARRANTY_MONTHS: Final = 12
"""W1: warranty length from the original purchase date (decision: never 24)."""

CROSS_SHIP_MAX_MONTHS: Final = 12
"""X1: cross-shipping is offered only this many months after purchase."""

CROSS_SHIP_RETURN_DAYS: Final = 30
"""X2: calendar days to send the faulty product back after the shipping authorisation."""

CROSS_SHIP_HOLD_DAYS: Final = 30
"""X3: length of the credit-card authorisation hold."""

CROSS_SHIP_DISPATCH_BUSINESS_DAYS: Final = (2, 3)
"""X4: ZOSI ships the replacement within this many business days of the authorisation."""

DELIVERY_BUSINESS_DAYS: Final = (3, 30)
"""D4: courier delivery range in Russian business days; no estimate may leave it."""

STORE_COUNTRY: Final = "RU"
"""The store terms (seed 000) are the Russian store's: the default country of purchase."""

SHIPS_ACROSS_BORDERS_FROM: Final = frozenset({"CN", "US"})
"""W7: the countries the terms name that ZOSI ships orders across a border from."""

WAREHOUSE_CITY: Final = "Moscow"
"""D3: every order ships from the ZOSI warehouse in this city."""

ADULT_AGE: Final = 18
"""P7: below this age a parent's or guardian's prior consent is needed."""

RETENTION_MAX_YEARS: Final = 3
"""P9: personal data is generally kept at most this many years (seed 003)."""

RETENTION_MAX_DAYS: Final = RETENTION_MAX_YEARS * 365
"""P9 in days: no stored item may live longer (the skill's TTL setting is checked against it)."""
