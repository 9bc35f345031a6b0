"""The asset build the asset tests share: one temporary project built once per test process
(the build runs PurgeCSS and esbuild, so it is worth building only once). Tests that change a
project build their own with `make_project`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from portal import assets

REPO_ROOT = Path(__file__).resolve().parents[2]


def make_project(root: Path) -> Path:
    """A minimal project: static/src/ copied from the repo; node_modules/, and the templates
    and code PurgeCSS reads for the classes the pages use, linked."""
    node_modules = REPO_ROOT / "node_modules"
    if not node_modules.is_dir():
        pytest.fail(f"{node_modules} is missing: run npm ci")
    shutil.copytree(REPO_ROOT / "static" / "src", root / "static" / "src")
    for linked in ("node_modules", "templates", "portal"):
        (root / linked).symlink_to(REPO_ROOT / linked, target_is_directory=True)
    return root


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def manifest(project: Path) -> dict[str, str]:
    return assets.build(project)


@pytest.fixture(scope="session")
def dist(project: Path, manifest) -> Path:
    return project / "static" / "dist"
