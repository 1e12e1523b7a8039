"""Browser tests: a live server on its own demo database, headless Chromium, axe-core and vnu.

The server runs in a subprocess with the demo data (the real thing a visitor sees); the tests
drive Debian's Chromium through Playwright and check each page with axe-core (WCAG 2.2 A/AA)
and the W3C Nu HTML checker.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.dbtemplate import copy_template, locked

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PASSWORD = "Iedereen-doet-mee-2026"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, timeout: float = 60, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            log = getattr(process, "log_path", None)
            tail = Path(log).read_text()[-3000:] if log else ""
            raise RuntimeError(f"the process serving {url} stopped:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own loopback server
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up in {timeout} s")


@pytest.fixture(scope="session")
def e2e_env(tmp_path_factory) -> dict[str, str]:
    workdir = tmp_path_factory.mktemp("e2e")
    # The workers share the demo's media files; only the database is each server's own.
    shared = _run_folder(tmp_path_factory)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network.settings.e2e",
        "DATABASE_URL": f"sqlite:///{workdir / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(shared / "e2e-media"),
    }
    return env


def _run_folder(tmp_path_factory) -> Path:
    """The temporary folder of this run, shared by its xdist workers."""
    basetemp = tmp_path_factory.getbasetemp()
    return basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp


def _demo_database(e2e_env: dict[str, str], shared: Path) -> Path:
    """The migrated database with the demo data, loaded once for all workers."""
    # E2E_DEMO_ONLY="network municipalities" limits the demo data (faster while working on one app)
    only = os.environ.get("E2E_DEMO_ONLY", "").split()
    snapshot = shared / f"e2e-demo-{'-'.join(only) or 'all'}.sqlite3"
    with locked(snapshot):
        if not snapshot.exists():
            building = copy_template(snapshot.with_suffix(".building"))
            subprocess.run(
                [sys.executable, str(ROOT / "manage.py"), "load_demo_data"]
                + (["--only", *only] if only else []),
                env={**e2e_env, "DATABASE_URL": f"sqlite:///{building}"},
                check=True,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
            )
            building.rename(snapshot)
    return snapshot


@pytest.fixture(scope="session")
def base_url(e2e_env, tmp_path_factory) -> str:
    """A copy of the demo database, served on a free port."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    snapshot = _demo_database(e2e_env, _run_folder(tmp_path_factory))
    shutil.copyfile(snapshot, e2e_env["DATABASE_URL"].removeprefix("sqlite:///"))
    port = _free_port()
    # The server logs every request: to a file, never to a pipe nobody reads (it would block).
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
            env=e2e_env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server.log_path = log_path
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url + "/robots.txt", timeout=180, process=server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def manage(e2e_env):
    """Run a management command against the live server's database."""

    def run(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=e2e_env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    return run


@pytest.fixture(scope="session")
def vnu_url():
    if shutil.which("java") is None:
        pytest.fail("Java is needed for the Nu HTML checker (make test installs it as root)")
    port = _free_port()
    process = subprocess.Popen(
        ["java", "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url, timeout=180, process=process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (make test installs it as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(
        base_url=base_url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs

    def remember_document(response) -> None:
        if response.request.is_navigation_request() and response.frame == page.main_frame:
            page.last_document = response

    page.on("response", remember_document)
    # Any Content-Security-Policy violation the browser reports fails the test.
    csp_errors: list[str] = []

    def remember_csp_error(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            csp_errors.append(f"{page.url}: {message.text}")

    page.on("console", remember_csp_error)
    page.csp_errors = csp_errors
    yield page
    context.close()
    assert not csp_errors, "Content-Security-Policy violations:\n" + "\n".join(csp_errors)


def login(page, email: str, password: str = PASSWORD) -> None:
    """Log in through the real form, as a keyboard user would."""
    page.goto("/accounts/login/")
    page.get_by_label("E-mail", exact=False).first.fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").last.press("Enter")
    page.wait_for_load_state("domcontentloaded")


def tab_to(page, locator, limit: int = 200) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    handle = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("el => document.activeElement === el", handle):
            return
    raise AssertionError("The element cannot be reached with Tab")


def axe_violations(page) -> list[dict]:
    # A click on a link returns before the next page has replaced the old one; checking
    # then would audit a document that is being torn down. Wait for the page to settle, and
    # start again once if a navigation still swaps the document away during the audit.
    page.wait_for_load_state("load")
    try:
        return _run_axe(page)
    except PlaywrightError as error:
        if "documentElement" not in str(error) and "context was destroyed" not in str(error):
            raise
    page.wait_for_load_state("load")
    return _run_axe(page)


def _run_axe(page) -> list[dict]:
    # Evaluated through the DevTools protocol: a <script> tag would break the page's CSP.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text() + "\n;undefined")
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }""",
        AXE_TAGS,
    )


def vnu_errors(html: str, vnu_url: str) -> list[dict]:
    request = urllib.request.Request(  # noqa: S310 - our own loopback checker
        vnu_url + "?out=json",
        data=html.encode("utf-8"),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        messages = json.load(response)["messages"]
    return [
        {"message": m.get("message"), "line": m.get("lastLine"), "extract": m.get("extract")}
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


@pytest.fixture
def assert_accessible(vnu_url):
    """Check the page as it is now: axe-core (WCAG 2.2 A/AA) and the Nu HTML checker."""

    def check(page, label: str = "") -> None:
        where = label or page.url
        violations = axe_violations(page)
        assert violations == [], f"axe-core on {where}:\n" + json.dumps(violations, indent=1)
        # The HTML as the server sent it (also after a POST), not the browser's DOM.
        html = page.last_document.body().decode("utf-8")
        errors = vnu_errors(html, vnu_url)
        assert errors == [], f"Nu HTML checker on {where}:\n" + json.dumps(
            errors, indent=1, ensure_ascii=False
        )

    return check


def assert_no_horizontal_scroll(page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 320px"
