"""Where the project's shared folder is: contracts are read from it, never copied into the repo.

The shared folder sits beside the repository (``<repo>/../shared``) on a developer's
machine; CI clones the repository into a folder of its own, so ``$ZOSI_SHARED`` can
name it and ``/work/shared`` is the last place looked.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from devtools.stack import REPO_ROOT

SHARED_VARIABLE: Final = "ZOSI_SHARED"
ACCOUNT_API_CONTRACT: Final = Path("contracts/account-api.openapi.yaml")


def shared_candidates() -> list[Path]:
    """The folders that may be the shared folder, in the order they are tried."""
    named = os.environ.get(SHARED_VARIABLE, "").strip()
    folders = [Path(named)] if named else []
    return [*folders, REPO_ROOT.parent / "shared", Path("/work/shared")]


def shared_file(relative: Path) -> Path | None:
    """``relative`` inside the first candidate shared folder that has it, or None."""
    for folder in shared_candidates():
        path = folder / relative
        if path.is_file():
            return path
    return None
