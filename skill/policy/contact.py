"""How customers reach ZOSI support (C1, seeds 000 and 001)."""

from typing import Final

SUPPORT_EMAIL: Final = "service@zositech.com"
"""C1 and W3: the address for fault reports and every after-sales request."""

SUPPORT_PHONE: Final = "400-660-8825"
"""C1: the support phone line."""

SUPPORT_PHONE_COUNTRY: Final = "CN"
"""C1: the phone number is a Chinese one (ISO 3166-1 alpha-2), so callers know it is abroad."""
