"""Conversations that reach every kind of answer the skill shows on a screen.

The same conversations run on an Echo Dot (no screen: the responses must stay exactly
what they were before screens existed, see ``tests/e2e/golden/dot_responses.json``) and
on every Echo Show viewport (each answer carries a RenderDocument built from its
decision). :func:`screens` plays them on a device and collects the screens sent, for the
render tests and ``make screens``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from devtools.cli import Conversation, Exchange
from devtools.envelopes import AlexaSession
from devtools.screens import screen_directive

if TYPE_CHECKING:
    from app import LambdaHandler
    from devtools.account_server import LocalAccountService
    from devtools.nlu import Nlu

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


class Scenario(NamedTuple):
    """One session: who is talking (a demo customer's token or None) and what they say."""

    name: str
    token: str | None
    utterances: tuple[str, ...]


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "refund_then_warranty",
        None,
        (
            "can I return the camera I bought on november 5th from the zosi website",
            "yes",
            "is my camera still under warranty",
        ),
    ),
    Scenario(
        "advance_replacement",
        None,
        (
            "can I get an advance replacement for my nvr bought on october 1st "
            "from the zosi website",
        ),
    ),
    Scenario(
        "warranty_claim_steps",
        None,
        ("how do I start a warranty claim for my camera bought on october 1st",),
    ),
    Scenario(
        "refund_refused",
        None,
        ("can I return the camera I bought on august 1st from the zosi website",),
    ),
    Scenario("delivery", None, ("how long does delivery to kazan take",)),
    Scenario("contact", None, ("how do I contact zosi support",)),
    Scenario("privacy", None, ("what do you do with my data", "what do you know about me")),
    Scenario("general_rule", None, ("how long is the warranty",)),
    Scenario("launch_and_help", None, ("open zosi care", "help")),
    Scenario("linked_orders", "demo-recent", ("which of my orders can I still return",)),
    Scenario(
        "linked_request",
        "demo-recent",
        ("I want to return my camera", "yes", "I changed my mind", "yes"),
    ),
    Scenario("linked_tracking", "demo-recent", ("where is my parcel",)),
    Scenario("linked_requests_status", "demo-recent", ("what's the status of my return",)),
)


def run(
    scenario: Scenario,
    handler: LambdaHandler,
    nlu: Nlu,
    service: LocalAccountService,
    screen: Mapping[str, Any] | None = None,
) -> list[Exchange]:
    """Play ``scenario`` on a device with ``screen`` (None: an Echo Dot); every exchange."""
    session = AlexaSession(
        clock=lambda: NOW,
        access_token=scenario.token,
        api_endpoint=service.alexa_api_url,
        api_access_token="local-alexa-api-token",
        screen=screen,
    )
    conversation = Conversation(handler, session, nlu)
    return [conversation.say(utterance) for utterance in scenario.utterances]


class Shown(NamedTuple):
    """One screen the skill sent: which answer (scenario and turn) and the directive."""

    case: str
    directive: dict[str, Any]


#: The answers the gallery and the render tests show: (scenario, turn) -> a name.
GALLERY: Mapping[tuple[str, int], str] = {
    ("refund_then_warranty", 0): "refund",
    ("refund_then_warranty", 2): "warranty",
    ("advance_replacement", 0): "advance-replacement",
    ("warranty_claim_steps", 0): "claim-steps",
    ("refund_refused", 0): "refund-ended",
    ("delivery", 0): "delivery",
    ("contact", 0): "contact",
    ("privacy", 0): "privacy",
    ("linked_orders", 0): "orders",
    ("linked_request", 2): "open-request",
}


def screens(
    handler: Callable[[], LambdaHandler],
    nlu: Nlu,
    service: LocalAccountService,
    screen: Mapping[str, Any],
) -> list[Shown]:
    """Every gallery answer's RenderDocument on the device ``screen`` describes."""
    shown = []
    for scenario in SCENARIOS:
        wanted = {turn: name for (s, turn), name in GALLERY.items() if s == scenario.name}
        if not wanted:
            continue
        exchanges = run(scenario, handler(), nlu, service, screen)
        for turn, name in wanted.items():
            directive = screen_directive(exchanges[turn].response)
            if directive is None:
                raise AssertionError(f"{scenario.name} turn {turn} sent no screen")
            shown.append(Shown(name, directive))
    return shown


def local_skill(service: LocalAccountService) -> LambdaHandler:
    """The real skill on an empty in-memory store, talking to the local account service."""
    from devtools.cli import skill_path

    skill_path()
    import app
    from adapters.account import HttpAccountClient
    from adapters.store import InMemoryUserStore
    from devtools.cli import local_environment
    from handlers.context import Services
    from settings import Settings

    settings = Settings.from_env(local_environment({}))
    accounts = HttpAccountClient(service.url)
    return app.make_handler(Services(settings, InMemoryUserStore(), accounts, clock=lambda: NOW))


def gallery(out: TextIO, devices: Sequence[str]) -> int:
    """``make screens``: render every gallery answer on every device into build/screens."""
    from devtools.account_server import LocalAccountService
    from devtools.nlu import Nlu
    from devtools.screens import DEVICES, SCREENS, render_directive, renderer, unavailable

    reason = unavailable()
    if reason is not None:
        out.write(f"cannot render screens: {reason}\n")
        return 1
    failed = 0
    nlu = Nlu.for_locale("en-US", NOW.date())
    with LocalAccountService(NOW.date()) as service, renderer() as browser:
        for name in devices:
            device = DEVICES[name]
            for shown in screens(lambda: local_skill(service), nlu, service, device.context()):
                path = SCREENS / f"{shown.case}-{device.name}.png"
                document, datasources = render_directive(shown.directive)
                rendered = browser.render(document, datasources, device, path)
                failed += bool(rendered.problems)
                out.write(
                    f"{path.relative_to(SCREENS.parent.parent)}  {'; '.join(rendered.problems)}\n"
                )
    out.write(f"screens in {SCREENS}\n")
    return 1 if failed else 0
