"""Build a hashed OpenSSL CA directory from PEM bundles: a build step, never shipped.

``sam build`` (``skill/Makefile``) runs it on certifi's bundle, the same Mozilla roots
``requests`` trusts, to make the package's ``trust/`` directory. The Alexa API
transport verifies against that directory (``adapters.alexa_api.tls_context``):
OpenSSL then reads only the certificates a handshake needs, by the hash of their
subject, instead of parsing the whole bundle (some 140 roots, about 28 ms) when
the first call of a container makes its TLS context. The local stack uses it too,
with its own throwaway CA added (``devtools.account_server``).

Each certificate is written to ``<subject hash>.<n>``, the layout ``openssl rehash``
makes; the hash comes from the ``openssl`` command (OpenSSL or LibreSSL), so the
directory matches the library that reads it. Usage::

    python trust_dir.py OUT_DIR BUNDLE.pem [MORE.pem ...]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

_PEM = re.compile(r"-----BEGIN CERTIFICATE-----\r?\n.+?\r?\n-----END CERTIFICATE-----", re.DOTALL)


def certificates(bundle: str) -> list[str]:
    """Every PEM certificate in ``bundle``, in order (comments and other blocks dropped)."""
    return [match.group(0) + "\n" for match in _PEM.finditer(bundle)]


def subject_hash(certificate: str, openssl: str = "openssl") -> str:
    """The subject name hash OpenSSL looks a CA up by, as 8 hexadecimal digits.

    Raises:
        subprocess.CalledProcessError: ``openssl`` could not read the certificate.
    """
    result = subprocess.run(  # noqa: S603 (the openssl command, with fixed arguments)
        [openssl, "x509", "-noout", "-subject_hash"],
        input=certificate,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def build(out: Path, bundles: list[Path], openssl: str | None = None) -> int:
    """Write every certificate of ``bundles`` into ``out`` by subject hash; how many.

    A certificate that appears twice is written once. ``out`` is created if needed;
    files already in it are kept (a second call adds to it).

    Raises:
        FileNotFoundError: there is no ``openssl`` command.
    """
    command = openssl or shutil.which("openssl")
    if command is None:
        raise FileNotFoundError("the openssl command is needed to hash CA certificates")
    out.mkdir(parents=True, exist_ok=True)
    existing = {path.read_text(encoding="ascii") for path in out.iterdir() if path.is_file()}
    new: list[str] = []
    for bundle in bundles:
        for certificate in certificates(bundle.read_text(encoding="ascii")):
            if certificate not in existing:
                existing.add(certificate)
                new.append(certificate)
    # One openssl process per certificate: run a few at once.
    with ThreadPoolExecutor(max_workers=8) as pool:
        names = list(pool.map(lambda certificate: subject_hash(certificate, command), new))
    for name, certificate in zip(names, new, strict=True):
        number = 0
        while (out / f"{name}.{number}").exists():
            number += 1
        (out / f"{name}.{number}").write_text(certificate, encoding="ascii")
    return len(new)


def main(argv: list[str]) -> int:
    """Build the directory named by the first argument from the bundles after it."""
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    count = build(Path(argv[0]), [Path(name) for name in argv[1:]])
    print(f"{count} CA certificates in {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
