"""Front-end assets: npm packages and our own files, served with content-hashed names.

``build()`` (run as ``python -m portal.assets``, or ``make assets``) turns

* the DKFDS borger.dk theme (its CSS, the fonts and images that CSS points at, and the
  JavaScript of the components the pages use, listed in ``static/src/dkfds-components.js``),
* htmx, and
* our own ``static/src/portal.css``, ``static/src/portal.js`` and ``static/src/disclosure.js``

into ``static/dist/``, where every file name carries a hash of its content, and
writes ``static/dist/manifest.json`` mapping logical names to paths below
``static/``::

    {"site.css": "dist/dkfds-<hash>/css/site.<hash>.css",
     "site.js": "dist/js/site.<hash>.js", "htmx.js": "dist/js/htmx.<hash>.js", ...}

The pages load two of them: ``site.css`` (DKFDS's stylesheet, then ours) and ``site.js``
(htmx, DKFDS, portal.js, disclosure.js), each part also built on its own under its own name.

The DKFDS stylesheet refers to ``../fonts/...`` and ``../img/...`` by relative url(),
so it is copied together with those files into one directory whose name is a hash
of everything in it: when DKFDS changes an icon or a font, its URL changes too, so
every file below ``static/dist/`` can be cached as immutable for a year.

What a phone downloads is kept small at build time, with two npm tools run by Node:

* the DKFDS stylesheet keeps only the rules whose selectors the portal's templates, scripts and
  Python code can produce (PurgeCSS), with a safelist (``PURGE_SAFELIST``) for class names
  that are put together at run time;
* IBM Plex Sans comes only in the faces the stylesheet declares, as ``woff2`` split by script
  (Latin-1, Latin Extended, Greek, Cyrillic, ...) with a ``unicode-range`` each, so a Danish
  page fetches only the Latin-1 part of each weight it uses; the stylesheet's other url()s
  are copied one by one, not whole folders;
* the DKFDS script is bundled by esbuild from the components the pages use, and our own
  CSS and JavaScript are minified by esbuild inside ``site.css`` and ``site.js``;
* every text file of at least ``PRECOMPRESS_MIN_SIZE`` bytes gets a ``.br`` and a ``.gz`` next
  to it, which ``portal.compression`` serves to browsers that accept them.

``init_app()`` reads the manifest once, adds the Jinja global ``asset_url(name)``
and marks responses for files below ``static/dist/`` as immutable.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import brotli
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

# IBM Plex Sans split by script (relative to DKFDS_DIST). The woff files are only read at build
# time, for the characters each part covers; the browser gets the woff2.
PLEX_SPLIT = "fonts/IBMPlexSans/split"
PLEX_FAMILY = "IBM Plex Sans"
# The part a page in Danish, English or Arabic (whose letters the system font draws) needs comes
# first: characters two parts share are given to the earlier one only.
PLEX_SUBSETS = ("Latin1", "Latin2", "Latin3", "Pi", "Greek", "Cyrillic")

# What PurgeCSS reads for class names the pages can have (paths relative to the project root).
PURGE_CONTENT = (
    "templates/**/*.html",
    "static/src/*.js",
    "portal/**/*.py",
)  # and the built DKFDS script, for the classes its components add at run time
# Classes put together at run time (`alert-{{ category }}`, `form-group-{{ kind }}`) or by
# scripts in ways PurgeCSS cannot see, kept whatever the content says.
PURGE_SAFELIST = (
    r"^alert-",
    r"^form-",
    r"^is-",
    r"^js-",
    r"^htmx-",
    r"^open$",
    r"^active$",
    r"^hidden$",
    r"^collapsed$",
)
PURGE_SCRIPT = """
const {PurgeCSS} = require("purgecss");
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const job = JSON.parse(input);
  const [result] = await new PurgeCSS().purge({
    content: [...job.content, ...job.raw.map((raw) => ({raw, extension: "js"}))],
    css: [{raw: job.css}],
    safelist: {standard: job.safelist.map((pattern) => new RegExp(pattern))},
  });
  process.stdout.write(result.css);
});
"""

# esbuild, through its JavaScript API: bundle an entry file, or minify CSS or JavaScript.
ESBUILD_SCRIPT = """
const esbuild = require("esbuild");
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  let code;
  if (job.entry) {
    code = esbuild.buildSync({
      entryPoints: [job.entry], bundle: true, minify: true, format: "iife",
      target: job.target, write: false, logLevel: "error",
    }).outputFiles[0].text;
  } else {
    code = esbuild.transformSync(job.code, {
      loader: job.loader, minify: true, target: job.target, logLevel: "error",
    }).code;
  }
  process.stdout.write(code);
});
"""
# Browsers the output must run in: the ones DKFDS 11 and htmx 2 support.
ESBUILD_TARGET = ["es2017", "chrome64", "firefox67", "safari12"]

# Text files below static/dist/ of at least this size get .br and .gz twins.
PRECOMPRESS_SUFFIXES = (".css", ".js", ".svg", ".json", ".txt", ".html")
PRECOMPRESS_MIN_SIZE = 1024
# Content-Encoding -> file suffix, in the order the server prefers them.
PRECOMPRESSED = {"br": ".br", "gzip": ".gz"}

# The bundles the pages load (built names, in order): see _build_into.
SITE_CSS = ("dkfds.css", "portal.css")
SITE_JS = ("htmx.js", "dkfds.js", "portal.js", "disclosure.js")

# Our own files (paths relative to the project root).
PORTAL_CSS = "static/src/portal.css"
PORTAL_JS = "static/src/portal.js"
DISCLOSURE_JS = "static/src/disclosure.js"
DKFDS_COMPONENTS_JS = "static/src/dkfds-components.js"  # the DKFDS components the pages use

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


# One @font-face rule of the DKFDS stylesheet, minified as DKFDS ships it.
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.IGNORECASE)


def woff_characters(data: bytes) -> set[int]:
    """The Unicode code points a WOFF (1.0) font maps to a glyph, read from its cmap table."""
    if data[:4] != b"wOFF":
        raise AssetBuildError("not a WOFF font")
    (num_tables,) = struct.unpack_from(">H", data, 12)
    cmap = None
    for index in range(num_tables):
        tag, offset, length, orig_length, _checksum = struct.unpack_from(
            ">4sIIII", data, 44 + 20 * index
        )
        if tag == b"cmap":
            cmap = data[offset : offset + length]
            if length < orig_length:
                cmap = zlib.decompress(cmap)
    if cmap is None:
        raise AssetBuildError("font has no cmap table")
    return _cmap_characters(cmap)


def _cmap_characters(cmap: bytes) -> set[int]:
    """Code points of the best Unicode subtable: format 12 (full repertoire), else format 4."""
    (count,) = struct.unpack_from(">H", cmap, 2)
    subtables = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * index)
        (fmt,) = struct.unpack_from(">H", cmap, offset)
        if platform in (0, 3) and fmt in (4, 12):
            subtables.setdefault(fmt, offset)
    if 12 in subtables:
        offset = subtables[12]
        (groups,) = struct.unpack_from(">I", cmap, offset + 12)
        chars: set[int] = set()
        for group in range(groups):
            first, last, glyph = struct.unpack_from(">III", cmap, offset + 16 + 12 * group)
            chars.update(c for c in range(first, last + 1) if glyph + c - first)
        return chars
    if 4 in subtables:
        return _format4_characters(cmap, subtables[4])
    raise AssetBuildError("font has no Unicode cmap subtable")


def _format4_characters(cmap: bytes, offset: int) -> set[int]:
    (seg_count_x2,) = struct.unpack_from(">H", cmap, offset + 6)
    segs = seg_count_x2 // 2
    ends = offset + 14
    starts = ends + seg_count_x2 + 2
    deltas = starts + seg_count_x2
    range_offsets = deltas + seg_count_x2
    chars = set()
    for seg in range(segs):
        (end,) = struct.unpack_from(">H", cmap, ends + 2 * seg)
        (start,) = struct.unpack_from(">H", cmap, starts + 2 * seg)
        (delta,) = struct.unpack_from(">h", cmap, deltas + 2 * seg)
        where = range_offsets + 2 * seg
        (range_offset,) = struct.unpack_from(">H", cmap, where)
        for char in range(start, min(end, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (char + delta) & 0xFFFF
            else:
                (glyph,) = struct.unpack_from(">H", cmap, where + range_offset + 2 * (char - start))
                if glyph:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph:
                chars.add(char)
    return chars


def unicode_range(chars: set[int]) -> str:
    """``{0x41, 0x42, 0x43, 0xE6}`` -> ``U+41-43,U+E6``."""
    parts = []
    ordered = sorted(chars)
    index = 0
    while index < len(ordered):
        first = last = ordered[index]
        while index + 1 < len(ordered) and ordered[index + 1] == last + 1:
            index += 1
            last = ordered[index]
        parts.append(f"U+{first:X}" if first == last else f"U+{first:X}-{last:X}")
        index += 1
    return ",".join(parts)


def _declaration(rule: str, name: str) -> str | None:
    match = re.search(rf"(?:[{{;]|^)\s*{name}\s*:\s*([^;}}]+)", rule, re.IGNORECASE)
    return match.group(1).strip() if match else None


def _plex_font_faces(css: str, dkfds_dist: Path, css_dir: PurePosixPath) -> str:
    """Replace the stylesheet's IBM Plex Sans @font-face rules by split woff2 ones.

    Each declared face (weight and style) stays, pointing at the woff2 files split by script,
    each with the unicode-range it covers; the complete fonts in four formats are dropped.
    """
    split = dkfds_dist / PLEX_SPLIT
    ranges: dict[str, str] = {}
    taken: set[int] = set()
    for subset in PLEX_SUBSETS:
        woffs = sorted(split.glob(f"woff/*-{subset}.woff"))
        if not woffs:
            raise AssetBuildError(f"no IBM Plex Sans {subset} font in {split}: run npm ci")
        chars = set().union(*(woff_characters(path.read_bytes()) for path in woffs)) - taken
        taken |= chars
        if chars:
            ranges[subset] = unicode_range(chars)

    up = "/".join([".."] * len(css_dir.parts))

    def replace(match: re.Match) -> str:
        rule = match.group(0)
        family = (_declaration(rule, "font-family") or "").strip("'\"")
        if family != PLEX_FAMILY:
            return rule
        woff2 = re.search(r"([\w-]+)\.woff2", rule)
        if woff2 is None:
            raise AssetBuildError(f"IBM Plex Sans face without woff2: {rule}")
        style = _declaration(rule, "font-style") or "normal"
        weight = _declaration(rule, "font-weight") or "400"
        faces = []
        for subset, chars in ranges.items():
            name = f"{woff2.group(1)}-{subset}.woff2"
            if not (split / "woff2" / name).is_file():
                raise AssetBuildError(f"{split / 'woff2' / name} not found: run npm ci")
            faces.append(
                f'@font-face{{font-display:swap;font-family:"{PLEX_FAMILY}";'
                f"font-style:{style};font-weight:{weight};"
                f'src:url({up}/{PLEX_SPLIT}/woff2/{name}) format("woff2");'
                f"unicode-range:{chars}}}"
            )
        return "".join(faces)

    return _FONT_FACE.sub(replace, css)


def _node(project_root: Path, tool: str, script: str, job: dict) -> str:
    """Run ``script`` with Node in ``project_root``, ``job`` as JSON on stdin; its stdout."""
    node = shutil.which("node")
    if node is None:
        raise AssetBuildError(f"Node.js (node) not found: it runs {tool} at build time")
    result = subprocess.run(  # noqa: S603 (our own build script, node found on PATH)
        [node, "-e", script],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        cwd=project_root,
        check=False,
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise AssetBuildError(f"{tool} failed (run npm ci?): {result.stderr.strip()[-2000:]}")
    return result.stdout


def purge_css(project_root: Path, css: str, scripts: tuple[str, ...] = ()) -> str:
    """Only the rules of ``css`` whose selectors the portal can use (PurgeCSS).

    What can use them: the files ``PURGE_CONTENT`` names, and ``scripts`` (source text).
    """
    job = {
        "css": css,
        "content": list(PURGE_CONTENT),
        "raw": list(scripts),
        "safelist": list(PURGE_SAFELIST),
    }
    return _node(project_root, "PurgeCSS", PURGE_SCRIPT, job)


def bundle_js(project_root: Path, entry: str) -> bytes:
    """``entry`` (relative to the project root) and what it imports, as one minified script."""
    job = {"entry": entry, "target": ESBUILD_TARGET}
    return _node(project_root, "esbuild", ESBUILD_SCRIPT, job).encode("utf-8")


def minify(project_root: Path, data: bytes, loader: str) -> bytes:
    """``data`` (``loader`` "css" or "js") minified by esbuild."""
    job = {"code": data.decode("utf-8"), "loader": loader, "target": ESBUILD_TARGET}
    return _node(project_root, "esbuild", ESBUILD_SCRIPT, job).encode("utf-8")


def _build_dkfds_css(
    project_root: Path, node_modules: Path, dist: Path, scripts: tuple[str, ...]
) -> tuple[Path, Path]:
    """The DKFDS stylesheet, trimmed, with the files its url()s point at, in dist/dkfds-<hash>/.

    ``scripts`` are the texts of the scripts the pages load besides ours. Returns the paths
    of the stylesheet and icon sprite.
    """
    dkfds_dist = node_modules / DKFDS_DIST
    css_source = node_modules / DKFDS_CSS
    css = _strip_source_map(_read(css_source, "DKFDS stylesheet")).decode("utf-8")
    css_dir = PurePosixPath(css_source.parent.relative_to(dkfds_dist).as_posix())  # "css"
    css = purge_css(project_root, _plex_font_faces(css, dkfds_dist, css_dir), scripts)

    # Copy exactly the files the trimmed stylesheet refers to, and the icon sprite.
    staging = dist / "dkfds"
    targets = {PurePosixPath(DKFDS_ICON_SPRITE)}
    for url in _local_css_urls(css):
        target = _relative_target(css_dir, url)
        if target is None or not target.parts:
            raise AssetBuildError(f"{css_source}: url({url}) points outside {dkfds_dist}")
        targets.add(target)
    for target in sorted(targets):
        source = dkfds_dist / target
        if not source.is_file():
            raise AssetBuildError(f"{source} not found (referenced by {css_source}): run npm ci")
        (staging / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, staging / target)
    css_file = _write_hashed(staging / css_dir, "dkfds.css", css.encode("utf-8"))

    # Name the directory after everything in it, so fonts and icons are versioned too.
    tree = hashlib.sha256()
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        tree.update(path.relative_to(staging).as_posix().encode() + b"\0")
        tree.update(hashlib.sha256(path.read_bytes()).digest())
    final = dist / f"dkfds-{tree.hexdigest()[:HASH_LENGTH]}"
    staging.rename(final)
    css_file = final / css_file.relative_to(staging)
    sprite = final / DKFDS_ICON_SPRITE
    return css_file, sprite


def precompress(dist: Path) -> list[Path]:
    """Write ``<file>.br`` and ``<file>.gz`` next to each text file below ``dist``.

    Small files, and files that would not get smaller, are left alone. Returns the files
    written. Both are deterministic (the gzip header carries no time), so a build repeated
    on the same input gives the same bytes.
    """
    written = []
    for path in sorted(p for p in dist.rglob("*") if p.is_file()):
        if path.suffix not in PRECOMPRESS_SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < PRECOMPRESS_MIN_SIZE:
            continue
        for encoding, suffix in PRECOMPRESSED.items():
            if encoding == "br":
                packed = brotli.compress(data, quality=11, mode=brotli.MODE_TEXT)
            else:
                packed = gzip.compress(data, compresslevel=9, mtime=0)
            if len(packed) < len(data):
                target = path.with_name(path.name + suffix)
                target.write_bytes(packed)
                written.append(target)
    return written


def _build_into(project_root: Path, dist: Path) -> dict[str, str]:
    node_modules = project_root / "node_modules"
    if not node_modules.is_dir():
        raise AssetBuildError(f"{node_modules} is missing: run npm ci (in {project_root})")
    built: dict[str, Path] = {}

    js = dist / "js"
    # Not DKFDS's whole bundle: only the components the pages use (static/src/dkfds-components.js).
    _read(project_root / DKFDS_COMPONENTS_JS, "dkfds-components.js", "it is in the repository")
    dkfds_js = bundle_js(project_root, DKFDS_COMPONENTS_JS)
    built["dkfds.js"] = _write_hashed(js, "dkfds.js", dkfds_js)
    built["dkfds.css"], built["dkfds-icons.svg"] = _build_dkfds_css(
        project_root, node_modules, dist, (dkfds_js.decode("utf-8"),)
    )
    htmx_js = _strip_source_map(_read(node_modules / HTMX_JS, "htmx"))
    built["htmx.js"] = _write_hashed(js, "htmx.js", htmx_js)
    own = {
        name: _read(project_root / path, name, "it is part of the repository")
        for name, path in (
            ("portal.css", PORTAL_CSS),
            ("portal.js", PORTAL_JS),
            ("disclosure.js", DISCLOSURE_JS),
        )
    }
    built["portal.css"] = _write_hashed(dist / "css", "portal.css", own["portal.css"])
    built["portal.js"] = _write_hashed(js, "portal.js", own["portal.js"])
    built["disclosure.js"] = _write_hashed(js, "disclosure.js", own["disclosure.js"])

    # What the pages load: one stylesheet and one script, the parts in the order base.html
    # used to load them, so a first visit makes two requests for them instead of six; our
    # own files minified. The stylesheet sits next to dkfds.css, whose relative url()s then
    # still hold.
    parts = {
        "dkfds.css": built["dkfds.css"].read_bytes(),
        "portal.css": minify(project_root, own["portal.css"], "css"),
        "htmx.js": htmx_js,
        "dkfds.js": built["dkfds.js"].read_bytes(),
        "portal.js": minify(project_root, own["portal.js"], "js"),
        "disclosure.js": minify(project_root, own["disclosure.js"], "js"),
    }
    built["site.css"] = _write_hashed(
        built["dkfds.css"].parent,
        "site.css",
        b"\n".join(parts[name].rstrip() for name in SITE_CSS) + b"\n",
    )
    built["site.js"] = _write_hashed(
        js, "site.js", b"\n;\n".join(parts[name].rstrip() for name in SITE_JS) + b"\n"
    )

    for css_file in dist.rglob("*.css"):
        check_css_urls(css_file, dist)
    precompress(dist)

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
