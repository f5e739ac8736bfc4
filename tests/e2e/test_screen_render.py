"""Every screen rendered in a real browser: Amazon's APL viewhost for the web in headless Chromium.

Each gallery answer (a refund, a warranty, an advance replacement, claim steps, a refund
that ended, a delivery window, the support contact, privacy, a linked customer's orders,
an offer to open a request) is produced by the real skill on each device of
``devtools.screens.DEVICES`` and rendered there: the words of its decision must be on
screen, the engine must not complain, and the screenshot lands in ``build/screens``
(``make screens`` writes the same set). Without Chromium, Playwright or the viewhost
bundle (``make apl-tools``) these tests skip and say why; apl-suggester's static
validation then still runs when node is there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import screens
from devtools.account_server import LocalAccountService
from devtools.nlu import Nlu
from devtools.screen_scenarios import GALLERY, NOW, Shown, local_skill
from devtools.screen_scenarios import screens as gallery_screens
from devtools.screens import (
    DEVICES,
    SCREENS,
    SUGGESTER,
    Renderer,
    render_directive,
    renderer,
    unavailable,
    validate,
)

NOW_DATE = NOW.date()
WHY_NOT = unavailable()
needs_browser = pytest.mark.skipif(
    WHY_NOT is not None, reason=f"APL render tests skipped: {WHY_NOT}"
)
CASES = sorted(set(GALLERY.values()))


@pytest.fixture(scope="module")
def browser() -> Iterator[Renderer]:
    with renderer() as running:
        yield running


@pytest.fixture(scope="module")
def shown(nlu: Nlu, service_module: LocalAccountService) -> dict[tuple[str, str], Shown]:
    """Every gallery answer on every device, as the skill sent it."""
    out = {}
    for device in DEVICES.values():
        sent = gallery_screens(
            lambda: local_skill(service_module), nlu, service_module, device.context()
        )
        out.update({(s.case, device.name): s for s in sent})
    return out


@pytest.fixture(scope="module")
def service_module() -> Iterator[LocalAccountService]:
    with LocalAccountService(NOW_DATE) as running:
        yield running


def expected_text(words: dict[str, Any]) -> list[str]:
    """What must be readable on screen: the title and the decision's key words."""
    texts = [words["title"]]
    for key in ("keyDate", "daysLeft", "headline"):
        if words.get(key):
            texts.append(words[key])
    texts += [step["text"] for step in words.get("steps", [])]
    texts += [order["status"] for order in words.get("orders", [])]
    texts += words.get("lines", [])
    if "action" in words:
        texts.append(words["action"]["label"])
    if words["layout"] != "round":
        texts += [fact["value"] for fact in words.get("facts", [])]
        if words.get("nextStep"):
            texts.append(words["nextStep"])
    return texts


@needs_browser
@pytest.mark.parametrize("device", sorted(DEVICES))
@pytest.mark.parametrize("case", CASES)
def test_every_screen_renders_its_decision_on_every_device(
    browser: Renderer, shown: dict[tuple[str, str], Shown], case: str, device: str
) -> None:
    directive = shown[(case, device)].directive
    document, datasources = render_directive(directive)
    path = SCREENS / f"{case}-{device}.png"
    path.unlink(missing_ok=True)
    rendered = browser.render(document, datasources, DEVICES[device], path)
    assert rendered.problems == []
    on_screen = " ".join(rendered.text.split())
    for text in expected_text(datasources["screen"]):
        assert " ".join(text.split()) in on_screen, (text, on_screen)
    assert path.stat().st_size > 2000  # a real picture, not an empty frame


@needs_browser
def test_touching_the_yes_button_sends_yes(
    browser: Renderer, shown: dict[tuple[str, str], Shown]
) -> None:
    document, datasources = render_directive(shown[("refund", "echo-show-8")].directive)
    browser.reload()
    browser.render(document, datasources, DEVICES["echo-show-8"])
    assert browser.press("Yes, remember this purchase") == [["yes"]]


@needs_browser
def test_the_renderer_reports_a_broken_document(browser: Renderer) -> None:
    """The check above can fail: a binding to a missing layout is an engine complaint."""
    broken = screens.document("info")
    broken["mainTemplate"]["items"] = [{"type": "NoSuchLayout"}]
    rendered = browser.render(broken, {"screen": {}}, DEVICES["echo-show-8"])
    assert rendered.problems


needs_suggester = pytest.mark.skipif(
    not SUGGESTER.is_dir(), reason="apl-suggester not installed (make apl-tools)"
)


@pytest.fixture(scope="module")
def findings() -> dict[str, list[str]]:
    """apl-suggester on every document, and on one with a wrong property (one node run)."""
    wrong = screens.document("info")
    wrong["mainTemplate"]["items"] = [{"type": "Text", "textAlign": "middle"}]
    documents = {name: screens.document(name) for name in screens.DOCUMENT_NAMES}
    return validate({**documents, "wrong": wrong})


@needs_suggester
def test_every_document_passes_apl_suggester(findings: dict[str, list[str]]) -> None:
    assert {name: findings[name] for name in screens.DOCUMENT_NAMES} == {
        name: [] for name in screens.DOCUMENT_NAMES
    }


@needs_suggester
def test_apl_suggester_finds_a_wrong_property(findings: dict[str, list[str]]) -> None:
    assert any("textAlign" in finding for finding in findings["wrong"])
