"""Echo Show screens: an APL RenderDocument for every answer, only for devices that show APL.

A :class:`Screen` names one of the documents in ``screens/documents`` and carries the
words the speech layer wrote for it (:mod:`speech.en.screen_words`), built from the same
decision as the speech. :func:`render_directive` adds what depends on the device: the
layout for its viewport profile (``ask_sdk_core.utils.viewport``), the sizes of that
layout from the shared style, and the yes button when the answer offers a next step.

The documents are plain APL JSON with no ``alexa-layouts`` or ``alexa-styles`` import
(those load from Amazon's CDN at render time): one shared ``style.json`` (colours,
styles and the layouts every document uses) is merged into each document when it is
first loaded, so every screen ships with the function and renders offline. ``sizes.json``
holds each layout's dimensions, bound into the datasource.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.interfaces.alexa.presentation.apl.render_document_directive import (
        RenderDocumentDirective,
    )

#: The folder of the documents (``os.path`` rather than ``pathlib``: every cold answer
#: imports this module, and ``pathlib`` alone costs it about 2 ms).
DOCUMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "documents")
#: Every document a screen can name (file stems in ``DOCUMENTS``, ``style.json`` aside).
DOCUMENT_NAMES = ("decision", "steps", "delivery", "orders", "info")
#: The RenderDocument token starts with this, then the document's name ("zosiCare.decision");
#: a UserEvent from the screen carries it back.
TOKEN_PREFIX = "zosiCare."  # noqa: S105 - names a document, not a secret
#: The layout for a viewport the SDK's profiles do not name.
FALLBACK_LAYOUT = "medium"


class Screen(NamedTuple):
    """What to show: a document by name and the words bound into it.

    Attributes:
        document: One of :data:`DOCUMENT_NAMES`.
        words: The ``screen`` datasource, every value already text (see :func:`written`).
    """

    document: str
    words: Mapping[str, Any]


def shows_apl(handler_input: HandlerInput) -> bool:
    """Whether the device renders APL (``Alexa.Presentation.APL`` in its supportedInterfaces)."""
    from ask_sdk_core.utils.request_util import get_supported_interfaces

    try:
        interfaces = get_supported_interfaces(handler_input)
    except AttributeError:  # no context or device: an out-of-session event
        return False
    return getattr(interfaces, "alexa_presentation_apl", None) is not None


def layout_of(handler_input: HandlerInput) -> str:
    """The layout for the device's viewport: round, small, medium, large, xlarge, portrait, tv.

    The SDK's viewport profile names the common hubs (a large hub 1920 pixels wide,
    an Echo Show 15 or 21, gets the xlarge layout); a viewport it does not name, or
    describes incompletely, is placed by its shape and orientation.
    """
    from ask_sdk_core.utils.viewport import ViewportProfile, get_viewport_profile
    from ask_sdk_runtime.exceptions import AskSdkException

    viewport = getattr(handler_input.request_envelope.context, "viewport", None)
    if viewport is None:
        return FALLBACK_LAYOUT
    width = viewport.current_pixel_width or viewport.pixel_width or 0
    height = viewport.current_pixel_height or viewport.pixel_height or 0
    try:
        profile = get_viewport_profile(handler_input.request_envelope)
    except (AskSdkException, TypeError, ValueError):  # a viewport with missing fields
        profile = ViewportProfile.UNKNOWN_VIEWPORT_PROFILE
    by_profile = {
        ViewportProfile.HUB_ROUND_SMALL: "round",
        ViewportProfile.HUB_LANDSCAPE_SMALL: "small",
        ViewportProfile.HUB_LANDSCAPE_MEDIUM: "medium",
        ViewportProfile.HUB_LANDSCAPE_LARGE: "xlarge" if width >= 1920 else "large",
        ViewportProfile.MOBILE_LANDSCAPE_SMALL: "small",
        ViewportProfile.MOBILE_LANDSCAPE_MEDIUM: "medium",
        ViewportProfile.MOBILE_PORTRAIT_SMALL: "portrait",
        ViewportProfile.MOBILE_PORTRAIT_MEDIUM: "portrait",
        ViewportProfile.TV_LANDSCAPE_XLARGE: "tv",
        ViewportProfile.TV_LANDSCAPE_MEDIUM: "tv",
        ViewportProfile.TV_PORTRAIT_MEDIUM: "tv",
    }
    if profile in by_profile:
        return by_profile[profile]
    if getattr(getattr(viewport, "shape", None), "value", None) == "ROUND":
        return "round"
    if height > width:
        return "portrait"
    return "xlarge" if width >= 1920 else FALLBACK_LAYOUT


def _read_json(file_name: str) -> Any:  # noqa: ANN401 (the JSON of a document, any shape)
    with open(os.path.join(DOCUMENTS, file_name), encoding="utf-8") as stream:
        return json.load(stream)


@cache
def _style() -> dict[str, Any]:
    style: dict[str, Any] = _read_json("style.json")
    return style


@cache
def _document_text(name: str) -> str:
    """The document ``name`` with the shared style merged in, as JSON text (read once)."""
    document = _read_json(f"{name}.json")
    style = _style()
    document["resources"] = [*style["resources"], *document.get("resources", [])]
    document["styles"] = {**style["styles"], **document.get("styles", {})}
    document["layouts"] = {**style["layouts"], **document.get("layouts", {})}
    return json.dumps(document)


def document(name: str) -> dict[str, Any]:
    """The complete APL document ``name`` (a fresh copy the caller may keep)."""
    loaded: dict[str, Any] = json.loads(_document_text(name))
    return loaded


def sizes(layout: str) -> dict[str, Any]:
    """The layout's sizes, its direction (row or column) and text alignment."""
    layouts: dict[str, dict[str, Any]] = _style_sizes()
    return dict(layouts.get(layout, layouts[FALLBACK_LAYOUT]))


@cache
def _style_sizes() -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = _read_json("sizes.json")
    return table


def datasources(screen: Screen, layout: str, action: Mapping[str, str] | None) -> dict[str, Any]:
    """The RenderDocument's datasources: the words, the layout and, for an offer, the button."""
    fit = sizes(layout)
    words: dict[str, Any] = {
        **screen.words,
        "layout": layout,
        "direction": fit.pop("direction"),
        "align": fit.pop("align"),
        "sizes": fit,
    }
    if action is not None:
        words["action"] = dict(action)
    return {"screen": words}


def render_directive(
    handler_input: HandlerInput, screen: Screen, action: Mapping[str, str] | None = None
) -> RenderDocumentDirective:
    """The ``Alexa.Presentation.APL.RenderDocument`` for ``screen`` on this device."""
    from ask_sdk_model.interfaces.alexa.presentation.apl.render_document_directive import (
        RenderDocumentDirective,
    )

    return RenderDocumentDirective(
        token=TOKEN_PREFIX + screen.document,
        document=document(screen.document),
        datasources=datasources(screen, layout_of(handler_input), action),
    )
