"""Talk to the skill without an Amazon account: ``chat``, ``say`` and ``invoke``.

Typed utterances are matched against the interaction model (devtools.nlu), turned
into real request envelopes (devtools.envelopes), passed to the Lambda handler,
and the spoken answer and card are printed. State goes to DynamoDB over HTTP:
moto's server on 127.0.0.1 by default, DynamoDB Local when
``AWS_ENDPOINT_URL_DYNAMODB`` is set, or AWS with real credentials.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from devtools.account_server import LocalAccountService
from devtools.demo_customers import DEMO_CUSTOMERS
from devtools.envelopes import LOCAL_USER_ID, AlexaSession
from devtools.nlu import Nlu, Understanding
from devtools.screens import (
    DEVICES,
    SCREENS,
    Renderer,
    render_directive,
    renderer,
    screen_directive,
    unavailable,
)
from devtools.spoken import ssml_to_text
from devtools.stack import LOCAL_USER_KEY_SECRET

REPO_ROOT = Path(__file__).resolve().parent.parent
SKILL_DIR = REPO_ROOT / "skill"
LOCAL_TABLE = "zosi-skill-local"
LOCAL_ALEXA_API_TOKEN = "local-alexa-api-token"
#: The device `chat` and `say` talk to: a screen, so every screen the skill sends is rendered.
DEFAULT_DEVICE = "echo-show-10"
#: `--device echo-dot`: a speaker without a screen.
NO_SCREEN = "echo-dot"

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]


def skill_path() -> None:
    """Make skill/ importable the way Lambda sees it (its own root)."""
    if str(SKILL_DIR) not in sys.path:
        sys.path.insert(0, str(SKILL_DIR))


def local_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The skill's configuration for local use, keeping anything the developer already set."""
    from devtools.envelopes import LOCAL_SKILL_ID

    env = dict(os.environ if base is None else base)
    env.setdefault("TABLE_NAME", LOCAL_TABLE)
    env.setdefault("SKILL_ID", LOCAL_SKILL_ID)
    env.setdefault("USER_KEY_SECRET_ID", LOCAL_USER_KEY_SECRET)
    env.setdefault("LOG_LEVEL", "WARNING")
    return env


def build_handler(clock: Callable[[], datetime] | None = None) -> LambdaHandler:
    """The real Lambda handler, configured from the (local) environment.

    Args:
        clock: The Lambda's clock on the day simulated (a :class:`LocalClock`); None: the
            real one. The skill believes a request's timestamp only near its own clock, so
            requests dated another day are answered on it only with that day's clock.
    """
    skill_path()
    import app
    from settings import Settings

    services = app.default_services(Settings.from_env())
    if clock is not None:
        services = services._replace(clock=clock)
    return app.make_handler(services)


# --- rendering what the skill said ---------------------------------------------------------


@dataclass
class Exchange:
    """One request and what the skill answered."""

    request: dict[str, Any]
    response: dict[str, Any]
    understood: Understanding | None = None

    @property
    def speech(self) -> str:
        """The spoken answer as text ("" when silent)."""
        speech = (self.response.get("response") or {}).get("outputSpeech") or {}
        return ssml_to_text(speech.get("ssml") or speech.get("text") or "")

    @property
    def label(self) -> str:
        """How the request was understood: ``ReturnRefundIntent {"product": "camera"} exact``.

        The intent (or the request type) with its filled slots, and whether a sample matched
        word for word or the classifier guessed, with its confidence.
        """
        request = self.request["request"]
        intent = request.get("intent") or {}
        filled = {
            name: slot.get("value")
            for name, slot in (intent.get("slots") or {}).items()
            if slot.get("value")
        }
        label = str(intent.get("name") or request["type"])
        if filled:
            label += " " + json.dumps(filled)
        understood = self.understood
        if understood is not None:
            how = understood.how
            label += " exact" if how == "exact" else f" trained {understood.confidence:.2f}"
        return label

    @property
    def card(self) -> dict[str, Any] | None:
        """The card sent to the Alexa app, if any."""
        card: dict[str, Any] | None = (self.response.get("response") or {}).get("card")
        return card

    @property
    def ended(self) -> bool:
        """Whether this response closed the session."""
        return (self.response.get("response") or {}).get("shouldEndSession") is not False


@dataclass
class Conversation:
    """A customer talking to the skill through the simulated Alexa service."""

    handler: LambdaHandler
    session: AlexaSession
    nlu: Nlu
    history: list[Exchange] = field(default_factory=list)

    def send(self, envelope: dict[str, Any], understood: Understanding | None = None) -> Exchange:
        """Pass one envelope to the handler and let the session absorb the answer."""
        response = self.handler(envelope, None)
        if "session" in envelope:
            self.session.absorb(response)
        exchange = Exchange(envelope, response, understood)
        self.history.append(exchange)
        return exchange

    def say(self, text: str) -> Exchange:
        """One utterance, as the customer would speak it to the Echo."""
        invocation = self.nlu.parse_invocation(text)
        if invocation.kind == "launch":
            return self.send(self.session.launch())
        if invocation.kind == "oneshot":
            self.session.end()
        pending = self.session.pending if self.session.active else None
        understood = self.nlu.understand(invocation.utterance, pending)
        envelope = self.session.intent(understood.intent, understood.dialog_state)
        return self.send(envelope, understood)


def print_exchange(exchange: Exchange, out: TextIO, *, show_card: bool = True) -> None:
    """Print what Alexa would say, and the card, for a person reading the terminal."""
    out.write(f"  [{exchange.label}]\n")
    out.write(f"Alexa: {exchange.speech or '(silence)'}\n")
    card = exchange.card
    if show_card and card:
        body = card.get("text") or card.get("content") or ""
        out.write(f"  ┌ card: {card.get('title') or card.get('type')}\n")
        for line in str(body).splitlines():
            out.write(f"  │ {line}\n")
    if exchange.ended:
        out.write("  (session ended)\n")


class ScreenShots:
    """Says when a response sent a screen, and renders it to a PNG when the browser is here.

    The browser starts on the first screen and stays up for the session (``close``).
    """

    def __init__(self, device: str | None, prefix: str) -> None:
        """Screens of ``device`` (None: a device without one), saved as ``<prefix>-<n>.png``."""
        self.device = DEVICES.get(device or "")
        self.prefix = prefix
        self.count = 0
        self._stack = contextlib.ExitStack()
        self._renderer: Renderer | None = None

    def note(self, exchange: Exchange, out: TextIO) -> None:
        """Print the screen line of ``exchange``, if it sent a screen."""
        directive = screen_directive(exchange.response)
        if directive is None or self.device is None:
            return
        self.count += 1
        path = SCREENS / f"{self.prefix}-{self.count}.png"
        words = (directive.get("datasources") or {}).get("screen") or {}
        label = f"{directive.get('token', '')} ({words.get('layout')} layout, {self.device.name})"
        reason = unavailable()
        if reason is not None:
            out.write(f"  ▣ screen sent: {label}; not rendered ({reason}), would be {path}\n")
            return
        if self._renderer is None:
            self._renderer = self._stack.enter_context(renderer())
        document, datasources = render_directive(directive)
        rendered = self._renderer.render(document, datasources, self.device, path)
        problems = f"  PROBLEMS: {'; '.join(rendered.problems)}" if rendered.problems else ""
        out.write(f"  ▣ screen sent: {label} -> {path}{problems}\n")

    def close(self) -> None:
        """Close the browser, if one was started."""
        self._stack.close()


# --- commands ------------------------------------------------------------------------------


def _default_zone() -> ZoneInfo:
    return ZoneInfo(os.environ.get("DEFAULT_TIME_ZONE") or "Europe/Moscow")


class LocalClock:
    """The Lambda's clock on the local stack: 11:00 on the simulated day, else the real time.

    It reads the same time as the envelopes :func:`alexa_session` dates, as Lambda's clock
    and Alexa's agree. One handler may serve many days (answers-eval plays each entry on its
    own): set :attr:`today` between conversations.
    """

    def __init__(self, today: date | None = None) -> None:
        """Simulate ``today`` (None: the real time)."""
        self.today = today

    def __call__(self) -> datetime:
        """The time now on the simulated day."""
        if self.today is None:
            return datetime.now(UTC)
        return datetime.combine(self.today, time(11, 0), _default_zone())


def envelope_clock(event: object) -> Callable[[], datetime]:
    """The Lambda's clock at a replayed envelope's own timestamp, so it is answered on its day."""
    request = event.get("request") if isinstance(event, dict) else None
    stamp = request.get("timestamp") if isinstance(request, dict) else None
    try:
        moment = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return lambda: datetime.now(UTC)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return lambda: moment


@contextlib.contextmanager
def embedded_stack(today: date | None = None) -> Iterator[LocalAccountService]:
    """Run DynamoDB and the local ZOSI account service for the skill.

    DynamoDB is moto's server unless configured otherwise; the account service also
    answers the Alexa Settings and directive APIs.
    """
    from devtools.stack import dynamodb_endpoint

    saved = dict(os.environ)
    os.environ.update(local_environment())
    try:
        with dynamodb_endpoint(), LocalAccountService(today) as accounts:
            os.environ.setdefault("ACCOUNT_API_BASE_URL", accounts.url)
            yield accounts
    finally:
        os.environ.clear()
        os.environ.update(saved)


def alexa_session(
    accounts: LocalAccountService,
    today: date | None,
    *,
    linked: str | None = None,
    device: str | None = DEFAULT_DEVICE,
    locale: str = "en-US",
    user_id: str = LOCAL_USER_ID,
) -> AlexaSession:
    """The Alexa service's side of one customer on the local stack.

    Args:
        accounts: The running local account service (it also answers the Alexa APIs).
        today: The day every request is dated (11:00 in the default time zone); None: now.
        linked: The demo customer whose ZOSI account is linked, or None.
        device: A device of `devtools.screens.DEVICES`; anything else has no screen.
        locale: The request locale.
        user_id: The Alexa user id (a new one is a customer the skill has never met).

    Returns:
        A session that has not started yet.
    """
    screen = DEVICES.get(device or "")
    return AlexaSession(
        clock=LocalClock(today),
        screen=screen.context() if screen is not None else None,
        locale=locale,
        user_id=user_id,
        api_endpoint=accounts.alexa_api_url,
        api_access_token=LOCAL_ALEXA_API_TOKEN,
        access_token=demo_token(linked),
    )


def _conversation(args: argparse.Namespace, accounts: LocalAccountService) -> Conversation:
    today = args.today or datetime.now(_default_zone()).date()
    session = alexa_session(
        accounts, args.today, linked=args.linked, device=args.device, locale=args.locale
    )
    nlu = Nlu.for_locale(args.locale, today, strict=args.strict)
    return Conversation(build_handler(LocalClock(args.today)), session, nlu)


def demo_token(name: str | None) -> str | None:
    """The access token of demo customer ``name`` (None: not linked)."""
    if name is None:
        return None
    customer = next((c for c in DEMO_CUSTOMERS if c.name == name), None)
    if customer is None:
        names = ", ".join(c.name for c in DEMO_CUSTOMERS)
        raise SystemExit(f"unknown demo customer {name!r}; choose one of: {names}")
    return customer.token


def demo_list() -> str:
    """The demo customers, one line each, for --help and the chat banner."""
    return "\n".join(f"  {c.name:16} {c.summary}" for c in DEMO_CUSTOMERS)


@contextlib.contextmanager
def _screenshots(args: argparse.Namespace, prefix: str) -> Iterator[ScreenShots]:
    shots = ScreenShots(args.device, prefix)
    try:
        yield shots
    finally:
        shots.close()


def cmd_chat(args: argparse.Namespace, out: TextIO, inp: TextIO) -> int:
    """Interactive: type what you would say to the Echo; 'quit' to leave."""
    with embedded_stack(args.today) as accounts, _screenshots(args, "chat") as shots:
        conversation = _conversation(args, accounts)
        who = f"linked as demo customer '{args.linked}'" if args.linked else "not linked"
        out.write(
            f"ZOSI Care on the local stack ({who}). Say 'open zosi care' or ask straight away; "
            "'quit' to leave.\n"
        )
        if not args.linked:
            out.write(f"Talk as a linked customer with --linked NAME:\n{demo_list()}\n")
        while True:
            out.write("You: ")
            out.flush()
            line = inp.readline()
            if not line or line.strip().lower() in {"quit", "exit", ":q"}:
                out.write("\n")
                return 0
            if line.strip():
                exchange = conversation.say(line.strip())
                print_exchange(exchange, out)
                shots.note(exchange, out)


def cmd_say(args: argparse.Namespace, out: TextIO) -> int:
    """One or more utterances, in one session, non-interactively."""
    with embedded_stack(args.today) as accounts, _screenshots(args, "say") as shots:
        conversation = _conversation(args, accounts)
        for utterance in args.utterances:
            out.write(f"You: {utterance}\n")
            exchange = conversation.say(utterance)
            if args.json:
                out.write(json.dumps(exchange.response, indent=2, sort_keys=True) + "\n")
            else:
                print_exchange(exchange, out)
                shots.note(exchange, out)
    return 0


def cmd_invoke(args: argparse.Namespace, out: TextIO) -> int:
    """Replay a request envelope and print the response JSON."""
    try:
        event = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        out.write(f"cannot read {args.file}: {exc}\n")
        return 2
    with embedded_stack():
        response = build_handler(envelope_clock(event))(event, None)
    out.write(json.dumps(response, indent=2, sort_keys=True) + "\n")
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line: chat, say, invoke, models."""
    top = argparse.ArgumentParser(prog="python -m devtools", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)

    def talk_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--locale", default="en-US", help="en-US, en-GB, en-CA, en-AU or en-IN")
        sub.add_argument(
            "--today",
            type=date.fromisoformat,
            help="pretend today is this date (YYYY-MM-DD); the default is the real today",
        )
        sub.add_argument(
            "--linked",
            metavar="NAME",
            help="talk as this demo customer with a linked ZOSI account: "
            + ", ".join(c.name for c in DEMO_CUSTOMERS),
        )
        sub.add_argument(
            "--device",
            default=DEFAULT_DEVICE,
            choices=[*sorted(DEVICES), NO_SCREEN],
            help=f"the device talked to (default {DEFAULT_DEVICE}); on one with a screen, each "
            f"screen sent is rendered to build/screens; {NO_SCREEN} has none",
        )
        sub.add_argument(
            "--strict",
            action="store_true",
            help="understand exact sample matches only (no trained classifier); "
            "anything else is Fallback",
        )

    chat = commands.add_parser("chat", help="type utterances and hear the answers")
    talk_options(chat)
    say = commands.add_parser("say", help="say one or more utterances in one session")
    talk_options(say)
    say.add_argument(
        "utterances", nargs="+", help='e.g. "open zosi care" "is my nvr under warranty"'
    )
    say.add_argument("--json", action="store_true", help="print the full response JSON")
    invoke = commands.add_parser("invoke", help="replay a request envelope (JSON file)")
    invoke.add_argument("file")
    models = commands.add_parser("models", help="regenerate the interaction models")
    models.add_argument("rest", nargs=argparse.REMAINDER)
    gallery = commands.add_parser(
        "screens", help="render every Echo Show screen on every device into build/screens"
    )
    gallery.add_argument(
        "--device", action="append", choices=sorted(DEVICES), help="only these devices"
    )
    fixtures = commands.add_parser("fixtures", help="regenerate the envelopes in tests/events")
    fixtures.add_argument("rest", nargs=argparse.REMAINDER)
    return top


def main(
    argv: Sequence[str] | None = None, out: TextIO = sys.stdout, inp: TextIO = sys.stdin
) -> int:
    """Run a command; returns the exit status."""
    args, extra = parser().parse_known_args(argv)
    if extra and args.command not in {"models", "fixtures"}:
        parser().error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command in {"models", "fixtures"}:
        args.rest = [*args.rest, *extra]
    if args.command == "chat":
        return cmd_chat(args, out, inp)
    if args.command == "say":
        return cmd_say(args, out)
    if args.command == "invoke":
        return cmd_invoke(args, out)
    if args.command == "screens":
        from devtools.screen_scenarios import gallery

        return gallery(out, args.device or sorted(DEVICES))
    if args.command == "fixtures":
        from devtools import fixtures

        return fixtures.main(list(args.rest))
    from devtools import models as model_tool

    return model_tool.main(list(args.rest))
