"""The asset build (npm packages -> static/dist with hashed names) and its Flask side.

The build runs in a temporary project (our static/src files plus a link to the real
node_modules), so these tests never touch the repository's own static/dist/ while
other tests may be serving it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from flask import Flask, render_template_string

from portal import assets
from tests.unit.conftest import REPO_ROOT, make_project

LOGICAL_NAMES = {
    "dkfds.css",
    "dkfds.js",
    "htmx.js",
    "portal.css",
    "portal.js",
    "disclosure.js",
    "site.css",
    "site.js",
}
HASHED = re.compile(
    rf"^(?P<stem>[\w-]+)\.(?P<hash>[0-9a-f]{{{assets.HASH_LENGTH}}})\.(?P<ext>\w+)$"
)


def make_app(static_folder: Path) -> Flask:
    app = Flask(__name__, static_folder=str(static_folder))
    assets.init_app(app)
    return app


def test_manifest_names_every_asset_with_a_path_below_static(project, manifest):
    assert set(manifest) >= LOGICAL_NAMES
    written = json.loads((project / "static" / "dist" / "manifest.json").read_text("utf-8"))
    assert written == manifest
    for name, path in manifest.items():
        assert path.startswith("dist/"), name
        assert (project / "static" / path).is_file(), name


def test_file_names_carry_the_hash_of_their_content(project, manifest):
    for name in LOGICAL_NAMES:
        file = project / "static" / manifest[name]
        match = HASHED.match(file.name)
        assert match, file.name
        assert f"{match['stem']}.{match['ext']}" == name
        assert match["hash"] == assets.content_hash(file.read_bytes())


def test_source_map_comments_are_stripped(project, manifest):
    for name in ("dkfds.css", "dkfds.js"):
        assert b"sourceMappingURL" not in (project / "static" / manifest[name]).read_bytes()


def test_own_files_are_copied_unchanged(project, manifest):
    for name in ("portal.css", "portal.js"):
        built = (project / "static" / manifest[name]).read_bytes()
        assert built == (REPO_ROOT / "static" / "src" / name).read_bytes()


def test_every_url_in_the_copied_css_resolves(project, manifest):
    dist = project / "static" / "dist"
    css_files = list(dist.rglob("*.css"))
    assert len(css_files) == 3  # dkfds.css, portal.css and site.css, both of them together
    for css_file in css_files:
        assets.check_css_urls(css_file, dist)  # raises if one is missing
    dkfds_css = project / "static" / manifest["dkfds.css"]
    urls = re.findall(r"url\(([^)]*)\)", dkfds_css.read_text("utf-8"))
    assert any("fonts/" in url for url in urls) and any("img/" in url for url in urls)
    for url in urls:
        if not url.strip("'\"").startswith("data:"):
            target = (dkfds_css.parent / re.split(r"[?#]", url.strip("'\""))[0]).resolve()
            assert target.is_file(), url
            assert target.is_relative_to(dist.resolve()), url


def test_same_content_gives_same_names(tmp_path, manifest):
    again = assets.build(make_project(tmp_path))
    assert again == manifest


def test_changed_content_gives_a_new_name(tmp_path, manifest):
    project = make_project(tmp_path)
    portal_css = project / "static" / "src" / "portal.css"
    portal_css.write_text(portal_css.read_text("utf-8") + "\n/* changed */\n", "utf-8")
    again = assets.build(project)
    assert again["portal.css"] != manifest["portal.css"]
    assert again["dkfds.css"] == manifest["dkfds.css"]


def test_rebuild_replaces_dist_and_leaves_no_staging_dirs(tmp_path):
    project = make_project(tmp_path)
    stale = project / "static" / "dist" / "js" / "old.0123456789ab.js"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", "utf-8")
    assets.build(project)
    assert not stale.exists()
    assert sorted(p.name for p in (project / "static").iterdir()) == ["dist", "src"]


def test_build_without_node_modules_says_run_npm_ci(tmp_path):
    shutil.copytree(REPO_ROOT / "static" / "src", tmp_path / "static" / "src")
    with pytest.raises(assets.AssetBuildError, match="npm ci"):
        assets.build(tmp_path)
    assert not (tmp_path / "static" / "dist").exists()


def test_broken_css_url_is_reported(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "here.svg").write_text("<svg/>", "utf-8")
    css = tmp_path / "css" / "x.css"
    css.write_text(
        'a{background:url("../img/here.svg?v=1#x")}b{background:url(data:image/png;base64,AA==)}',
        "utf-8",
    )
    assets.check_css_urls(css, tmp_path)
    css.write_text("a{background:url(../img/gone.svg)}c{background:url(../../up.svg)}", "utf-8")
    with pytest.raises(assets.AssetBuildError, match="gone.svg") as raised:
        assets.check_css_urls(css, tmp_path)
    assert "../../up.svg" in str(raised.value)


def test_asset_url_is_a_template_global(project, manifest):
    app = make_app(project / "static")
    with app.test_request_context():
        html = render_template_string("{{ asset_url('dkfds.css') }} {{ asset_url('htmx.js') }}")
    assert html == f"/static/{manifest['dkfds.css']} /static/{manifest['htmx.js']}"


def test_unknown_asset_name_fails_loudly(project, manifest):
    app = make_app(project / "static")
    with app.test_request_context(), pytest.raises(KeyError, match="dkfds.cs"):
        render_template_string("{{ asset_url('dkfds.cs') }}")


def test_hashed_files_are_cached_as_immutable(project, manifest):
    client = make_app(project / "static").test_client()
    for name in ("dkfds.css", "portal.js"):
        response = client.get(f"/static/{manifest[name]}")
        assert response.status_code == 200
        cache_control = response.headers["Cache-Control"]
        assert "max-age=31536000" in cache_control
        assert "immutable" in cache_control
        assert "public" in cache_control
        response.close()
    font = next((project / "static" / "dist").glob("dkfds-*/fonts/**/*.woff2"))
    response = client.get("/static/" + font.relative_to(project / "static").as_posix())
    assert "immutable" in response.headers["Cache-Control"]
    response.close()


def test_other_static_files_keep_flask_defaults(project, manifest):
    client = make_app(project / "static").test_client()
    response = client.get("/static/src/portal.css")
    assert response.status_code == 200
    assert "immutable" not in response.headers.get("Cache-Control", "")
    response.close()
    response = client.get("/static/dist/manifest.json")
    assert "immutable" not in response.headers.get("Cache-Control", "")
    response.close()
    missing = client.get("/static/dist/js/portal.000000000000.js")
    assert missing.status_code == 404
    assert "immutable" not in missing.headers.get("Cache-Control", "")


def test_missing_manifest_raises_runtime_error(tmp_path):
    (tmp_path / "static").mkdir()
    with pytest.raises(RuntimeError, match="make assets"):
        make_app(tmp_path / "static")
