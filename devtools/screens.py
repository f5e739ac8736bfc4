"""Echo Show screens off the device: the viewports of real devices, and a real APL renderer.

:data:`DEVICES` are the screens the skill is tested on (Echo Show 5, 8, 10, 15, 21,
the round Echo Spot, an Echo Show 15 hung in portrait, a Fire TV), as the Alexa
service describes them in a request's ``context``.

:class:`Renderer` renders a RenderDocument with Amazon's web viewhost
(``apl-viewhost-web`` 1.4.0 from npm: its package ships the WASM engine as the global
``AplRenderer``) in headless Chromium driven by Playwright, offline: every request
the page makes besides the page and the bundle is refused, so the Amazon font falls
back to a local sans font at once. ``make apl-tools`` installs the bundle into
``build/apl`` (git-ignored); :func:`unavailable` says why rendering is not possible
on this machine, if it is not.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page, Route

ROOT = Path(__file__).resolve().parent.parent
APL_TOOLS = ROOT / "build" / "apl"
BUNDLE = APL_TOOLS / "node_modules" / "apl-viewhost-web" / "index.js"
SUGGESTER = APL_TOOLS / "node_modules" / "apl-suggester"
PAGE = Path(__file__).resolve().parent / "apl" / "page.html"
#: Where screenshots go (git-ignored): ``make screens``, the render tests, ``say`` and ``chat``.
SCREENS = ROOT / "build" / "screens"
_HOST = "http://apl.test/"
#: Console lines from the APL engine that mean the document is wrong: core errors and
#: warnings ("E Core:", "W Core:") and data-binding or template complaints.
PROBLEM = re.compile(r"^[EW] Core:|invalid|unknown (component|layout|type)", re.IGNORECASE)


class Device(NamedTuple):
    """One screen as a request's ``context.Viewport`` describes it (pixels)."""

    name: str
    width: int
    height: int
    dpi: int = 160
    shape: str = "RECTANGLE"
    mode: str = "HUB"

    def context(self) -> dict[str, Any]:
        """``supportedInterfaces`` and ``Viewport`` for an envelope's context."""
        return {
            "supportedInterfaces": {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "1.4"}}},
            "Viewport": {
                "experiences": [{"canRotate": False, "canResize": False}],
                "mode": self.mode,
                "shape": self.shape,
                "pixelWidth": self.width,
                "pixelHeight": self.height,
                "currentPixelWidth": self.width,
                "currentPixelHeight": self.height,
                "dpi": self.dpi,
                "touch": ["SINGLE"],
            },
        }

    def viewport(self) -> dict[str, Any]:
        """The viewhost's viewport: pixels, density, shape and mode."""
        return {
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "shape": self.shape,
            "mode": self.mode,
        }


DEVICES: Mapping[str, Device] = {
    device.name: device
    for device in (
        Device("echo-spot", 480, 480, shape="ROUND"),
        Device("echo-show-5", 960, 480),
        Device("echo-show-8", 960, 600),
        Device("echo-show-10", 1280, 800),
        Device("echo-show-15", 1920, 1080),
        Device("echo-show-21", 1920, 1080),
        Device("echo-show-15-portrait", 1080, 1920),
        Device("fire-tv", 1920, 1080, dpi=320, mode="TV"),
    )
}


def chromium() -> str | None:
    """The Chromium executable: $CHROMIUM, else Debian's chromium or headless shell on PATH."""
    for candidate in (
        os.environ.get("CHROMIUM"),
        "chromium",
        "chromium-headless-shell",
        "chromium-browser",
    ):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


def unavailable() -> str | None:
    """Why screens cannot be rendered here (None when they can)."""
    try:
        import playwright.sync_api  # noqa: F401 - only whether it is installed
    except ImportError:
        return "Playwright for Python is not installed (pip install '.[dev]')"
    if chromium() is None:
        return "no Chromium found (apt-get install chromium, or set CHROMIUM)"
    if not BUNDLE.is_file():
        return f"the APL viewhost bundle is missing: run `make apl-tools` ({BUNDLE} not found)"
    return None


class Rendered(NamedTuple):
    """A rendered document: the text on screen and the engine's complaints."""

    text: str
    problems: list[str]


def render_directive(directive: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The document and datasources of a RenderDocument directive."""
    return dict(directive["document"]), dict(directive.get("datasources") or {})


def screen_directive(response: Mapping[str, Any]) -> dict[str, Any] | None:
    """The response's ``Alexa.Presentation.APL.RenderDocument`` directive, if any."""
    for directive in (response.get("response") or {}).get("directives") or []:
        if directive.get("type") == "Alexa.Presentation.APL.RenderDocument":
            return dict(directive)
    return None


#: How many times a touch is tried before it counts as lost.
_PRESSES = 3


class Renderer:
    """One headless Chromium page that renders documents one after another."""

    def __init__(self, page: Page) -> None:
        """Use ``page``, already showing the viewhost page."""
        self.page = page
        self._console: list[str] = []
        page.on("console", self._heard)

    def _heard(self, message: ConsoleMessage) -> None:
        self._console.append(message.text)

    def render(
        self,
        document: Mapping[str, Any],
        datasources: Mapping[str, Any],
        device: Device,
        screenshot: Path | None = None,
    ) -> Rendered:
        """Render ``document`` on ``device``; save a PNG to ``screenshot`` if given."""
        self._console.clear()
        text = self.page.evaluate(
            "([d, s, v]) => window.renderApl(d, s, v)",
            [dict(document), dict(datasources), device.viewport()],
        )
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            self.page.locator("#aplView").screenshot(path=str(screenshot))
        problems = [line for line in self._console if PROBLEM.search(line)]
        return Rendered(str(text), problems)

    def reload(self) -> None:
        """A fresh page and engine: after many documents in one page, touches go astray."""
        self.page.reload()

    def press(self, label: str) -> list[list[Any]]:
        """Touch the component showing ``label``; the UserEvent arguments sent so far."""
        before = int(self.page.evaluate("window.userEvents.length"))
        target = self.page.locator("#aplView").get_by_text(label, exact=True)
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        if box is None:
            raise LookupError(f"{label!r} is not on screen")
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        # A finger, not a synthetic click: APL's touch handling wants a press that lasts. On a
        # busy machine the engine may still be laying out the first press away: press again.
        for _ in range(_PRESSES):
            self.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            self.page.mouse.down()
            self.page.wait_for_timeout(80)
            self.page.mouse.up()
            try:
                self.page.wait_for_function(f"window.userEvents.length > {before}", timeout=2000)
            except PlaywrightTimeout:
                continue
            events: list[list[Any]] = self.page.evaluate("window.userEvents")
            return events
        raise LookupError(f"touching {label!r} sent no UserEvent")


def _serve(route: Route) -> None:
    """Answer the page and the bundle from disk; refuse everything else (fonts: offline)."""
    url = route.request.url
    if url == _HOST + "page.html":
        route.fulfill(path=str(PAGE), content_type="text/html")
    elif url == _HOST + "viewhost.js":
        route.fulfill(path=str(BUNDLE), content_type="application/javascript")
    else:
        route.abort()


@contextmanager
def renderer() -> Iterator[Renderer]:
    """A :class:`Renderer` in one browser session (raise RuntimeError when unavailable)."""
    reason = unavailable()
    if reason is not None:
        raise RuntimeError(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium())
        try:
            page = browser.new_page()
            page.route("**/*", _serve)
            page.goto(_HOST + "page.html")
            yield Renderer(page)
        finally:
            browser.close()


def validate(documents: Mapping[str, Mapping[str, Any]]) -> dict[str, list[str]]:
    """apl-suggester's static findings for each document (an empty list: none).

    Raises:
        RuntimeError: node or apl-suggester is not installed (``make apl-tools``).
    """
    import json
    import subprocess

    node = shutil.which("node")
    if node is None or not SUGGESTER.is_dir():
        raise RuntimeError("node and apl-suggester are needed: run `make apl-tools`")
    script = Path(__file__).resolve().parent / "apl" / "validate.js"
    done = subprocess.run(
        [node, str(script), str(SUGGESTER)],
        input=json.dumps(documents),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    findings: dict[str, list[str]] = json.loads(done.stdout)
    return findings
