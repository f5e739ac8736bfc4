"""The package `sam build` makes (skill/Makefile) and the Python it is made for (issue 10).

The build runs with the Python of the function's runtime (template.yaml), so these tests
need that interpreter; where the machine has none they skip and say so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.bench import package
from devtools.cli import local_environment
from devtools.stack import REPO_ROOT

SKILL = REPO_ROOT / "skill"
TEMPLATE = REPO_ROOT / "template.yaml"
RUNTIME = package.runtime_version(TEMPLATE)
#: The second 4 bytes of a .pyc: bit 0 set for a hash-based .pyc, bit 1 for a checked one.
UNCHECKED_HASH_FLAGS = 0b01
HELP_EVENT = REPO_ROOT / "tests" / "events" / "help.json"


@pytest.fixture(scope="module")
def runtime_python() -> str:
    python = package.find_python(RUNTIME)
    if python is None:
        pytest.skip(f"no Python {RUNTIME} (the function's runtime) on this machine")
    return python


@pytest.fixture(scope="module")
def built(runtime_python, tmp_path_factory) -> Path:
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command: sam build needs it to hash the package's CA roots")
    artifacts = tmp_path_factory.mktemp("sam-build") / "SkillFunction"
    try:
        package.build(SKILL, artifacts, runtime_python)
    except subprocess.CalledProcessError as exc:
        if "pip" in " ".join(exc.cmd) or "pip" in (exc.stderr or ""):
            pytest.skip(f"pip could not install skill/requirements.txt: {exc.stderr[-300:]}")
        raise
    return artifacts


def answer_help(python: str, code_root: Path) -> dict[str, object]:
    """Import the handler from ``code_root`` alone (no site-packages) and answer "help"."""
    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import app; "
        "answer = app.lambda_handler(json.load(open(sys.argv[2])), None); "
        "print(json.dumps({'speech': answer['response']['outputSpeech']['ssml'], "
        "'from': app.__file__}))"
    )
    result = subprocess.run(
        [python, "-S", "-c", script, str(code_root), str(HELP_EVENT)],
        env={"PATH": os.environ["PATH"], **local_environment({})},
        capture_output=True,
        text=True,
        check=True,
    )
    report: dict[str, object] = json.loads(result.stdout)
    return report


def test_the_makefile_compiles_for_the_python_of_the_templates_runtime():
    assert package.build_version(SKILL / "Makefile") == RUNTIME


def test_sam_builds_the_function_with_the_skills_makefile(template):
    assert template["Resources"]["SkillFunction"]["Metadata"] == {"BuildMethod": "makefile"}


def test_the_runtime_is_one_lambda_snapstart_supports_for_python():
    assert tuple(map(int, RUNTIME.split("."))) >= (3, 12)


def test_the_suite_runs_on_the_python_of_the_functions_runtime():
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    if running != RUNTIME and not os.environ.get("CI"):
        pytest.skip(f"tests run on Python {running}, the function on {RUNTIME} (enforced in CI)")
    assert running == RUNTIME


def test_the_package_holds_the_code_and_its_requirements_and_nothing_else(built):
    top = {path.name for path in built.iterdir()}

    assert {"app.py", "settings.py", "handlers", "policy", "speech", "adapters"} <= top
    assert {"ask_sdk_core", "ask_sdk_model", "holidays", "tzdata"} <= top
    assert not top & {"tests", "devtools", "Makefile", "requirements.txt", "boto3", "botocore"}
    assert "trust_dir.py" not in top  # the build step that makes trust/ does not ship


def test_the_package_trusts_certifis_roots_from_a_hashed_directory(built):
    import re

    import trust_dir

    roots = trust_dir.certificates((built / "certifi" / "cacert.pem").read_text("ascii"))
    files = sorted((built / "trust").iterdir())

    assert roots
    assert all(re.fullmatch(r"[0-9a-f]{8}\.[0-9]+", path.name) for path in files)
    assert sorted(path.read_text("ascii") for path in files) == sorted(set(roots))


def test_alexa_api_calls_from_the_package_verify_against_its_trust_directory(
    built, runtime_python, tmp_path
):
    """From the package alone: Settings reads its trust/, and a server signed by a CA outside it
    is refused, while the same server is trusted once its CA is hashed into the directory."""
    import trust_dir
    from devtools.account_server import LocalAccountService
    from devtools.cli import LOCAL_ALEXA_API_TOKEN

    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); "
        "from settings import Settings; from adapters.alexa_api import TimeoutApiClient; "
        "from ask_sdk_model.services.api_client_request import ApiClientRequest as R; "
        "s = Settings.from_env(); "
        "c = TimeoutApiClient(allow_loopback=True, ca_dir=s.tls_ca_dir); "
        "r = c.invoke(R(headers=[('Authorization', 'Bearer ' + sys.argv[3])], method='GET', "
        "url=sys.argv[2], body=None)); "
        "print(json.dumps([s.tls_ca_dir, r.status_code, r.body]))"
    )
    environment = {"PATH": os.environ["PATH"], **local_environment({})}
    environment.pop("SSL_CERT_DIR", None)
    package = tmp_path / "package"  # a copy: the fixture's package stays as built
    shutil.copytree(built, package)
    with LocalAccountService(alexa_tls=True, time_zone="Asia/Tokyo") as service:
        url = service.alexa_api_url + "/v2/devices/d/settings/System.timeZone"

        def call(*, check: bool) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [runtime_python, "-S", "-c", script, str(package), url, LOCAL_ALEXA_API_TOKEN],
                env=environment,
                capture_output=True,
                text=True,
                check=check,
            )

        assert "SSLCertVerificationError" in call(check=False).stderr
        (tmp_path / "ca.pem").write_bytes(service.ca_pem)
        trust_dir.build(package / "trust", [tmp_path / "ca.pem"])
        trusted = call(check=True)
    assert json.loads(trusted.stdout) == [str(package / "trust"), 200, '"Asia/Tokyo"']


def test_every_module_has_unchecked_bytecode_of_the_runtimes_python(built, runtime_python):
    magic = subprocess.run(
        [
            runtime_python,
            "-c",
            "import importlib.util, sys; sys.stdout.write(importlib.util.MAGIC_NUMBER.hex())",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    tag = f"cpython-{RUNTIME.replace('.', '')}"
    missing, wrong = [], []
    for source in built.rglob("*.py"):
        if source.parent.name == "bin":
            continue  # console scripts pip writes; never imported
        compiled = source.parent / "__pycache__" / f"{source.stem}.{tag}.pyc"
        if not compiled.is_file():
            missing.append(str(source.relative_to(built)))
            continue
        header = compiled.read_bytes()[:8]
        if (
            header[:4].hex() != magic
            or int.from_bytes(header[4:8], "little") != UNCHECKED_HASH_FLAGS
        ):
            wrong.append(str(compiled.relative_to(built)))

    assert missing == []
    assert wrong == []


def test_the_handler_answers_from_the_package_alone_without_reading_its_sources(
    built, runtime_python, tmp_path
):
    # A copy whose settings.py no longer compiles: only its .pyc can have been loaded.
    code_root = tmp_path / "package"
    shutil.copytree(built, code_root)
    (code_root / "settings.py").write_text("this is not Python\n", encoding="utf-8")
    # Lambda's code folder is read-only: the import must not need to write anything to it.
    before = sorted(path.relative_to(code_root) for path in code_root.rglob("*"))

    report = answer_help(runtime_python, code_root)

    assert "ZOSI" in str(report["speech"])
    assert report["from"] == str(code_root / "app.py")
    assert sorted(path.relative_to(code_root) for path in code_root.rglob("*")) == before
