"""Which CA directory the Alexa API calls verify against (settings.SSL_CERT_DIR, issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import settings
from devtools.cli import local_environment


def test_openssls_own_variable_names_the_directory_when_set() -> None:
    env = local_environment({settings.SSL_CERT_DIR: "/opt/local-ca"})
    assert settings.Settings.from_env(env).tls_ca_dir == "/opt/local-ca"


def test_in_lambda_the_variable_is_ignored_for_the_packages_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(settings, "PACKAGED_TRUST_DIR", str(tmp_path))
    env = local_environment(
        {settings.SSL_CERT_DIR: "/etc/pki/tls/certs", settings.LAMBDA_FUNCTION_NAME: "zosi-skill"}
    )
    assert settings.Settings.from_env(env).tls_ca_dir == str(tmp_path)


def test_otherwise_the_packages_trust_directory_is_used_when_sam_build_made_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(settings, "PACKAGED_TRUST_DIR", str(tmp_path))
    assert settings.Settings.from_env(local_environment({})).tls_ca_dir == str(tmp_path)


def test_without_either_the_systems_trust_store_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(settings, "PACKAGED_TRUST_DIR", str(tmp_path / "absent"))
    assert settings.Settings.from_env(local_environment({})).tls_ca_dir is None


def test_the_source_tree_ships_no_trust_directory_of_its_own() -> None:
    # trust/ is made by the build from certifi; a stale copy in skill/ would be packaged.
    assert not Path(settings.PACKAGED_TRUST_DIR).exists()
