"""The deployment package `sam build` would produce, zipped, and its size.

`sam build` puts the code root (skill/) and ``pip install -r skill/requirements.txt``
side by side. Lambda's Python runtime already provides the AWS SDK: boto3 and its
own dependencies botocore, s3transfer and jmespath. The skill lists none of them,
so pip does not install them; should a dependency ever pull one in, it is left out
of the package here, as the runtime's copy is the one Lambda loads for the SDK.
Everything else is counted, urllib3 included: requests needs it, and the copy in
the runtime is botocore's pinned version, not ours to rely on. Bytecode caches are
left out (pip runs with ``--no-compile``; __pycache__ folders are skipped), as a
fresh `sam build` has none.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

#: Distributions the Lambda Python runtime provides: never part of the package.
RUNTIME_PROVIDED: Final = frozenset({"boto3", "botocore", "s3transfer", "jmespath"})


def _distribution(top_level: str) -> str:
    """The distribution a top-level entry of a ``--target`` folder belongs to."""
    if top_level.endswith((".dist-info", ".egg-info")):
        return top_level.split("-", 1)[0].lower().replace("_", "-")
    return top_level.lower()


def install_dependencies(requirements: Path, cache: Path) -> Path:
    """``pip install -r requirements --target``, once per requirements text and Python version.

    The folder is reused by later runs until the requirements change.

    Returns:
        The folder holding the installed dependencies.

    Raises:
        subprocess.CalledProcessError: If pip fails (for example without network access);
            its ``stderr`` says why.
    """
    key = hashlib.sha256(requirements.read_bytes() + sys.version.encode()).hexdigest()[:16]
    target = cache / f"dependencies-{key}"
    done = cache / f"dependencies-{key}.complete"
    if done.exists() and target.is_dir():
        return target
    shutil.rmtree(target, ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    command += ["--no-compile", "--target", str(target), "-r", str(requirements)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    done.touch()
    return target


def packaged_files(folder: Path, *, bytecode: bool = False) -> Iterator[tuple[Path, str]]:
    """The files of ``folder`` that go into the package, with their names in the zip.

    Bytecode caches count only with ``bytecode`` (a package skill/Makefile built).
    """
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or (not bytecode and "__pycache__" in relative.parts):
            continue
        if _distribution(relative.parts[0]) in RUNTIME_PROVIDED:
            continue
        yield path, relative.as_posix()


def zipped_size(folders: Sequence[Path], *, bytecode: bool = False) -> int:
    """Bytes of a deflate zip of the packaged files of ``folders``, merged at the zip's root."""
    with tempfile.TemporaryFile() as raw:
        with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for folder in folders:
                for path, name in packaged_files(folder, bytecode=bytecode):
                    archive.write(path, name)
        return raw.tell()


@dataclass(frozen=True)
class PackageSize:
    """The package's size and what makes it up.

    Attributes:
        zipped_bytes: The zipped package.
        unzipped_bytes: The files in it, uncompressed.
        parts: Uncompressed bytes per top-level entry (the code root counted as one), largest
            first.
        left_out: Runtime-provided distributions pip installed and the package leaves out.
    """

    zipped_bytes: int
    unzipped_bytes: int
    parts: tuple[tuple[str, int], ...]
    left_out: tuple[str, ...]


def measure(code_root: Path, dependencies: Path) -> PackageSize:
    """Size the package made of ``code_root`` and the installed ``dependencies``."""
    parts: dict[str, int] = {}
    code_part = code_root.name + "/"
    for path, _ in packaged_files(code_root):
        parts[code_part] = parts.get(code_part, 0) + path.stat().st_size
    for path, name in packaged_files(dependencies):
        top = name.split("/", 1)[0]
        parts[top] = parts.get(top, 0) + path.stat().st_size
    left_out = sorted(
        {
            _distribution(entry.name)
            for entry in dependencies.iterdir()
            if _distribution(entry.name) in RUNTIME_PROVIDED
        }
    )
    return PackageSize(
        zipped_bytes=zipped_size((code_root, dependencies)),
        unzipped_bytes=sum(parts.values()),
        parts=tuple(sorted(parts.items(), key=lambda part: part[1], reverse=True)),
        left_out=tuple(left_out),
    )


# --- the package `sam build` makes (skill/Makefile), with its bytecode --------------------------

#: template.yaml's ``Runtime: python3.X`` line.
_RUNTIME_LINE: Final = re.compile(r"^\s*Runtime:\s*python(3\.\d+)\s*$", re.MULTILINE)
#: skill/Makefile's ``LAMBDA_PYTHON ?= 3.X`` line.
_MAKEFILE_LINE: Final = re.compile(r"^LAMBDA_PYTHON\s*\?=\s*(3\.\d+)\s*$", re.MULTILINE)


def runtime_version(template: Path) -> str:
    """The Python version of the function's runtime in ``template``, e.g. ``"3.13"``.

    Raises:
        ValueError: If the template names no Python runtime.
    """
    match = _RUNTIME_LINE.search(template.read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"{template} names no python3.X runtime")
    return match.group(1)


def build_version(makefile: Path) -> str:
    """The Python version skill/Makefile compiles the package's bytecode with.

    Raises:
        ValueError: If the makefile sets no ``LAMBDA_PYTHON``.
    """
    match = _MAKEFILE_LINE.search(makefile.read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"{makefile} sets no LAMBDA_PYTHON")
    return match.group(1)


def _is_version(interpreter: str, version: str) -> bool:
    check = "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]}')"
    try:
        completed = subprocess.run(
            [interpreter, "-c", check], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return False
    return completed.returncode == 0 and completed.stdout.strip() == version


def find_python(version: str) -> str | None:
    """An interpreter of ``version`` ("3.13"): this one, ``python3.13`` on PATH, or pyenv's.

    None when this machine has none.
    """
    candidates = [sys.executable, shutil.which(f"python{version}") or ""]
    pyenv = shutil.which("pyenv")
    if pyenv:
        root = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=False)
        versions = Path(root.stdout.strip()) / "versions"
        candidates += sorted(
            (str(path) for path in versions.glob(f"{version}.*/bin/python{version}")),
            reverse=True,
        )
    return next((c for c in candidates if c and _is_version(c, version)), None)


def build(skill_dir: Path, artifacts: Path, python: str) -> None:
    """Run skill/Makefile's ``build-SkillFunction`` (what `sam build` runs) into ``artifacts``.

    Raises:
        subprocess.CalledProcessError: If the build fails; its ``stderr`` says why
            (for example pip without network access).
    """
    artifacts.mkdir(parents=True, exist_ok=True)
    command = ["make", "--no-print-directory", "-C", str(skill_dir), "build-SkillFunction"]
    subprocess.run(
        [*command, f"ARTIFACTS_DIR={artifacts}", f"PYTHON={python}"],
        check=True,
        capture_output=True,
        text=True,
    )


def without_bytecode(artifacts: Path, target: Path) -> Path:
    """A copy of the package in ``target`` without its ``__pycache__`` folders."""
    shutil.copytree(artifacts, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target
