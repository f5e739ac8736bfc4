"""A request about another brand's product is out of the skill's domain, whatever intent it came as.

Alexa's out-of-domain model sends AMAZON.FallbackIntent for most requests that are not ZOSI
customer care, but "my Ring doorbell stopped working, can I send it back" is worded like a
return question, and the intent model may well send ReturnRefundIntent with the product
"Ring doorbell". ZOSI's rules (refund window, warranty, who pays the shipping) must never be
applied to a product ZOSI did not make, so the ProductType slot resolves other brands'
products to one value, ``other_brand``, and a request naming one is answered as
AMAZON.FallbackIntent would be: what the skill does, then what the customer would like to
know (issue 17, item 7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestInterceptor
from ask_sdk_model.intent import Intent
from ask_sdk_model.intent_confirmation_status import IntentConfirmationStatus

from handlers.names import FALLBACK_INTENT, PRODUCT
from handlers.slots import read_slot

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput

#: The ProductType value id of every product ZOSI does not make (interaction_models/source).
OTHER_BRAND: Final = "other_brand"


class NotOursInterceptor(AbstractRequestInterceptor):
    """Send a request that names another brand's product on as AMAZON.FallbackIntent."""

    def process(self, handler_input: HandlerInput) -> None:
        """Make the intent AMAZON.FallbackIntent, slots and all, when its product is not ZOSI's.

        Nothing said with it is kept: a purchase date or a shop of another brand's product
        is no fact of a ZOSI purchase.
        """
        request = handler_input.request_envelope.request
        intent = getattr(request, "intent", None)
        if isinstance(intent, Intent) and read_slot(intent, PRODUCT).id == OTHER_BRAND:
            request.intent = Intent(  # type: ignore[union-attr]
                name=FALLBACK_INTENT, slots={}, confirmation_status=IntentConfirmationStatus.NONE
            )
