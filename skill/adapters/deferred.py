"""An account gateway that builds the HTTP client, and imports its module, on first use.

The Lambda container builds its adapters at the first request; most requests never
reach the account API, so the client's module (parsing, retry policy) and
``requests`` load only for the first request that calls it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from adapters.account import AccountGateway
    from domain.account import Order, Profile, SupportRequest


class DeferredAccountClient:
    """The :class:`adapters.account.AccountGateway` of ``HttpAccountClient(base_url, ...)``."""

    def __init__(
        self,
        base_url: str,
        *,
        connect_timeout: float,
        read_timeout: float,
        budget: float,
        ca_dir: str | None = None,
    ) -> None:
        """Remember how to build the client; nothing is imported yet."""
        self._base_url = base_url
        self._ca_dir = ca_dir
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._budget = budget
        self._built: AccountGateway | None = None

    def _client(self) -> AccountGateway:
        if self._built is None:
            from adapters.account import HttpAccountClient

            self._built = HttpAccountClient(
                self._base_url,
                connect_timeout=self._connect_timeout,
                read_timeout=self._read_timeout,
                budget=self._budget,
                ca_dir=self._ca_dir,
            )
        return self._built

    def profile(self, token: str) -> Profile:
        """See ``AccountGateway.profile``."""
        return self._client().profile(token)

    def orders(self, token: str, limit: int = 20) -> list[Order]:
        """See ``AccountGateway.orders``."""
        return self._client().orders(token, limit)

    def order(self, token: str, order_id: str) -> Order:
        """See ``AccountGateway.order``."""
        return self._client().order(token, order_id)

    def support_requests(self, token: str) -> list[SupportRequest]:
        """See ``AccountGateway.support_requests``."""
        return self._client().support_requests(token)

    def open_support_request(
        self,
        token: str,
        *,
        order_id: str,
        kind: str,
        reason: str,
        idempotency_key: str,
        note: str | None = None,
    ) -> tuple[SupportRequest, bool]:
        """See ``AccountGateway.open_support_request``."""
        return self._client().open_support_request(
            token,
            order_id=order_id,
            kind=kind,
            reason=reason,
            idempotency_key=idempotency_key,
            note=note,
        )

    def revoke_link(self, token: str) -> None:
        """See ``AccountGateway.revoke_link``."""
        self._client().revoke_link(token)
