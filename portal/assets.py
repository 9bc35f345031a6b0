"""Front-end assets: npm packages and our own files, served with content-hashed names.

``build()`` (run as ``python -m portal.assets``, or ``make assets``) turns

* the DKFDS borger.dk theme (CSS, JS and the fonts and images its CSS points at),
* htmx, and
* our own ``static/src/portal.css``, ``static/src/portal.js`` and ``static/src/disclosure.js``

into ``static/dist/``, where every file name carries a hash of its content, and
writes ``static/dist/manifest.json`` mapping logical names to paths below
``static/``::

    {"dkfds.css": "dist/dkfds-<hash>/css/dkfds.<hash>.css",
     "htmx.js": "dist/js/htmx.<hash>.js", ...}

The DKFDS stylesheet refers to ``../fonts/...`` and ``../img/...`` by relative url(),
so it is copied together with those folders into one directory whose name is a hash
of everything in it: when DKFDS changes an icon or a font, its URL changes too, so
every file below ``static/dist/`` can be cached as immutable for a year.

``init_app()`` reads the manifest once, adds the Jinja global ``asset_url(name)``
and marks responses for files below ``static/dist/`` as immutable.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from flask import Flask, Response, request, url_for

HASH_LENGTH = 12
DIST_DIR = "dist"
MANIFEST_NAME = "manifest.json"
IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable"

# Files taken from node_modules (paths relative to node_modules/).
DKFDS_DIST = "dkfds/dist"
DKFDS_CSS = f"{DKFDS_DIST}/css/dkfds-borgerdk.min.css"
DKFDS_JS = f"{DKFDS_DIST}/js/dkfds.min.js"
DKFDS_ICON_SPRITE = "img/all-svg-icons.svg"  # relative to DKFDS_DIST
HTMX_JS = "htmx.org/dist/htmx.min.js"

# Our own files (paths relative to the project root).
PORTAL_CSS = "static/src/portal.css"
PORTAL_JS = "static/src/portal.js"
DISCLOSURE_JS = "static/src/disclosure.js"

# url(...) in CSS, with or without quotes.
_CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*\)""", re.IGNORECASE)
# Trailing source-map comments: the .map files are not shipped, so browsers would 404 on them.
_SOURCE_MAP = re.compile(
    rb"\s*(?:/\*#\s*sourceMappingURL=[^*]*\*/|//#\s*sourceMappingURL=\S*)\s*\Z"
)


class AssetBuildError(RuntimeError):
    """The assets could not be built (missing npm packages, broken url() in CSS, ...)."""


def content_hash(data: bytes) -> str:
    """The hash put into a built file's name: the first hex digits of its SHA-256."""
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def hashed_name(name: str, data: bytes) -> str:
    """``dkfds.css`` + content -> ``dkfds.<hash>.css``."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return f"{name}.{content_hash(data)}"
    return f"{stem}.{content_hash(data)}.{suffix}"


def _strip_source_map(data: bytes) -> bytes:
    return _SOURCE_MAP.sub(b"\n", data)


def _local_css_urls(css: str) -> list[str]:
    """The url() references in ``css`` that point at files (not data:, http:, #fragment)."""
    urls = []
    for match in _CSS_URL.finditer(css):
        url = match.group("url").strip()
        if not url or url.startswith(("data:", "#", "/", "http:", "https:")) or "://" in url:
            continue
        urls.append(unquote(re.split(r"[?#]", url, maxsplit=1)[0]))
    return urls


def _relative_target(css_dir: PurePosixPath, url: str) -> PurePosixPath | None:
    """Resolve ``url`` against ``css_dir`` (both relative to some root); None if it escapes."""
    parts: list[str] = list(css_dir.parts)
    for part in PurePosixPath(url).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def check_css_urls(css_file: Path, root: Path) -> None:
    """Raise AssetBuildError unless each relative url() in ``css_file`` is a file below ``root``."""
    css_dir = PurePosixPath(css_file.parent.relative_to(root).as_posix())
    broken = []
    for url in _local_css_urls(css_file.read_text(encoding="utf-8")):
        target = _relative_target(css_dir, url)
        if target is None or not (root / target).is_file():
            broken.append(url)
    if broken:
        listed = ", ".join(sorted(set(broken)))
        raise AssetBuildError(f"{css_file}: url() targets missing below {root}: {listed}")


def _read(path: Path, what: str, hint: str = "run npm ci") -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise AssetBuildError(f"{what} not found at {path}: {hint}") from None


def _write_hashed(out_dir: Path, name: str, data: bytes) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / hashed_name(name, data)
    target.write_bytes(data)
    return target


def _build_dkfds_css(node_modules: Path, dist: Path) -> tuple[Path, Path]:
    """Copy the DKFDS CSS and the folders its url()s point at into dist/dkfds-<hash>/.

    Returns the paths of the copied stylesheet and icon sprite.
    """
    dkfds_dist = node_modules / DKFDS_DIST
    css_source = node_modules / DKFDS_CSS
    css = _strip_source_map(_read(css_source, "DKFDS stylesheet"))
    css_dir = PurePosixPath(css_source.parent.relative_to(dkfds_dist).as_posix())  # "css"

    # Top-level folders of dkfds/dist that the stylesheet refers to (fonts, img).
    folders = set()
    for url in _local_css_urls(css.decode("utf-8")):
        target = _relative_target(css_dir, url)
        if target is None or not target.parts:
            raise AssetBuildError(f"{css_source}: url({url}) points outside {dkfds_dist}")
        folders.add(target.parts[0])
    folders.add(PurePosixPath(DKFDS_ICON_SPRITE).parts[0])

    staging = dist / "dkfds"
    for folder in sorted(folders - {css_dir.parts[0]}):
        source = dkfds_dist / folder
        if not source.is_dir():
            raise AssetBuildError(f"{source} not found (referenced by {css_source}): run npm ci")
        shutil.copytree(source, staging / folder)
    css_file = _write_hashed(staging / css_dir, "dkfds.css", css)

    # Name the directory after everything in it, so fonts and icons are versioned too.
    tree = hashlib.sha256()
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        tree.update(path.relative_to(staging).as_posix().encode() + b"\0")
        tree.update(hashlib.sha256(path.read_bytes()).digest())
    final = dist / f"dkfds-{tree.hexdigest()[:HASH_LENGTH]}"
    staging.rename(final)
    css_file = final / css_file.relative_to(staging)
    sprite = final / DKFDS_ICON_SPRITE
    if not sprite.is_file():
        raise AssetBuildError(f"DKFDS icon sprite {DKFDS_ICON_SPRITE} not found: run npm ci")
    return css_file, sprite


def _build_into(project_root: Path, dist: Path) -> dict[str, str]:
    node_modules = project_root / "node_modules"
    if not node_modules.is_dir():
        raise AssetBuildError(f"{node_modules} is missing: run npm ci (in {project_root})")
    built: dict[str, Path] = {}

    built["dkfds.css"], built["dkfds-icons.svg"] = _build_dkfds_css(node_modules, dist)
    js = dist / "js"
    built["dkfds.js"] = _write_hashed(
        js, "dkfds.js", _strip_source_map(_read(node_modules / DKFDS_JS, "DKFDS script"))
    )
    built["htmx.js"] = _write_hashed(
        js, "htmx.js", _strip_source_map(_read(node_modules / HTMX_JS, "htmx"))
    )
    built["portal.css"] = _write_hashed(
        dist / "css",
        "portal.css",
        _read(project_root / PORTAL_CSS, "portal.css", "it is part of the repository"),
    )
    built["portal.js"] = _write_hashed(
        js,
        "portal.js",
        _read(project_root / PORTAL_JS, "portal.js", "it is part of the repository"),
    )
    built["disclosure.js"] = _write_hashed(
        js,
        "disclosure.js",
        _read(project_root / DISCLOSURE_JS, "disclosure.js", "it is part of the repository"),
    )

    for css_file in dist.rglob("*.css"):
        check_css_urls(css_file, dist)

    # Paths relative to static/, as url_for("static", filename=...) wants them.
    return {
        name: f"{DIST_DIR}/{path.relative_to(dist).as_posix()}"
        for name, path in sorted(built.items())
    }


def build(project_root: Path) -> dict[str, str]:
    """Build ``static/dist/`` anew below ``project_root`` and return the manifest.

    The new tree is assembled next to the old one and swapped in only once it is
    complete, so a failed build leaves the previous ``static/dist/`` untouched.
    """
    project_root = Path(project_root).resolve()
    static = project_root / "static"
    static.mkdir(exist_ok=True)
    dist = static / DIST_DIR
    staging = Path(tempfile.mkdtemp(prefix=".dist-", dir=static))
    try:
        manifest = _build_into(project_root, staging)
        (staging / MANIFEST_NAME).write_text(
            json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        staging.chmod(0o755)  # mkdtemp makes it 0700; the web server may run as another user
        if dist.exists():
            shutil.rmtree(dist)
        staging.rename(dist)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return manifest


def load_manifest(static_folder: str | Path) -> dict[str, str]:
    """Read ``static/dist/manifest.json``; RuntimeError if it or a file it names is missing."""
    static = Path(static_folder)
    manifest_path = static / DIST_DIR / MANIFEST_NAME
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RuntimeError(
            f"{manifest_path} is missing: run `make assets` (npm ci && python -m portal.assets)"
        ) from None
    missing = [path for path in manifest.values() if not (static / path).is_file()]
    if missing:
        raise RuntimeError(f"{manifest_path} names missing files {missing}: run `make assets`")
    return manifest


def init_app(app: Flask) -> None:
    """Register ``asset_url(name)`` for templates and long-lived caching of ``static/dist/``."""
    if app.static_folder is None:
        raise RuntimeError("portal.assets needs an app with a static folder")
    manifest = load_manifest(app.static_folder)
    app.extensions["portal.assets"] = manifest
    manifest_file = f"{DIST_DIR}/{MANIFEST_NAME}"

    def asset_url(name: str) -> str:
        """URL of a built asset by logical name, e.g. ``asset_url('dkfds.css')``."""
        try:
            path = manifest[name]
        except KeyError:
            raise KeyError(
                f"unknown asset {name!r}; known: {', '.join(sorted(manifest))}"
            ) from None
        return url_for("static", filename=path)

    app.add_template_global(asset_url, "asset_url")

    @app.after_request
    def _cache_hashed_assets(response: Response) -> Response:
        # Only the app's own static route; files outside dist/ keep Flask's default, and
        # errors (404 for an old hash) are never cached for a year.
        if request.endpoint != "static" or response.status_code >= 400:
            return response
        filename = (request.view_args or {}).get("filename", "")
        if filename.startswith(f"{DIST_DIR}/") and filename != manifest_file:
            response.headers["Cache-Control"] = IMMUTABLE_CACHE_CONTROL
            response.headers.pop("Expires", None)
        return response


def main() -> None:
    project_root = Path(__file__).resolve().parent.parent
    try:
        manifest = build(project_root)
    except AssetBuildError as exc:
        sys.exit(f"portal.assets: {exc}")
    print(json.dumps(manifest, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
