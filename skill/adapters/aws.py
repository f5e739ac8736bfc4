"""The container's one botocore session, shared by every AWS client the skill builds.

A botocore session loads the endpoint and partition data and resolves credentials once;
a second session for a second client (the user-key secret beside the DynamoDB table)
would cost a cold container about 70 ms more, against about 6 ms for a second client
from the same session (measured with ``create_client``, three runs each).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botocore.session import Session


@cache
def session() -> Session:
    """The botocore session, built on first use (never at import: a policy answer needs none)."""
    from botocore.session import get_session

    return get_session()
