"""What the asset build does to keep pages light: trimmed DKFDS stylesheet and script, IBM Plex
Sans only as split woff2 for the faces the stylesheet declares, one stylesheet and one script
for the pages, and .br/.gz twins of every text file that decompress to the file itself."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest

from portal import assets
from portal.compression import accepted_encodings
from tests.unit.conftest import REPO_ROOT, make_project

DKFDS_DIST = REPO_ROOT / "node_modules" / assets.DKFDS_DIST
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")


def built(project: Path, manifest, name: str) -> bytes:
    return (project / "static" / manifest[name]).read_bytes()


def plex_faces(css: str) -> list[dict[str, str]]:
    faces = []
    for body in FONT_FACE.findall(css):
        declarations = dict(
            (name.strip(), value.strip())
            for name, _, value in (part.partition(":") for part in body.split(";"))
        )
        if declarations.get("font-family", "").strip("'\"") == assets.PLEX_FAMILY:
            faces.append(declarations)
    return faces


def code_points(unicode_range: str) -> set[int]:
    points: set[int] = set()
    for part in unicode_range.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def test_every_text_file_has_twins_that_decompress_to_it(dist):
    checked = 0
    for path in dist.rglob("*"):
        if path.suffix not in assets.PRECOMPRESS_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        twins = {s: path.with_name(path.name + s) for s in assets.PRECOMPRESSED.values()}
        if len(data) < assets.PRECOMPRESS_MIN_SIZE:
            assert not any(twin.exists() for twin in twins.values()), path
            continue
        assert brotli.decompress(twins[".br"].read_bytes()) == data, path
        assert gzip.decompress(twins[".gz"].read_bytes()) == data, path
        assert twins[".br"].stat().st_size < len(data)
        checked += 1
    assert checked >= 8


def test_binary_files_have_no_twins(dist):
    for path in dist.rglob("*.woff2"):
        assert not path.with_name(path.name + ".br").exists()
        assert not path.with_name(path.name + ".gz").exists()


def test_twins_are_the_same_on_every_build(tmp_path, dist, manifest):
    again = assets.build(make_project(tmp_path))
    assert again == manifest
    name = manifest["site.js"]
    for suffix in (".br", ".gz"):
        first = (dist.parent / (name + suffix)).read_bytes()
        assert (tmp_path / "static" / (name + suffix)).read_bytes() == first


def test_only_split_woff2_fonts_are_shipped(dist):
    fonts = [p for p in dist.rglob("fonts/**/*") if p.is_file()]
    assert fonts
    assert {p.suffix for p in fonts} == {".woff2"}
    assert all("/split/woff2/" in p.as_posix() for p in fonts)
    declared = {m.group(1) for m in re.finditer(r"(IBMPlexSans-[A-Za-z]+)\.woff2", _dkfds_css())}
    shipped = {p.name.rsplit("-", 1)[0] for p in fonts}
    assert shipped == declared  # the faces DKFDS declares, no Thin, Light, Text, ...
    assert len(fonts) <= len(declared) * len(assets.PLEX_SUBSETS)
    assert sum(p.stat().st_size for p in fonts) < 1_000_000


def test_no_otf_ttf_eot_or_unused_icons_are_copied(dist, project, manifest):
    files = [p for p in dist.rglob("*") if p.is_file()]
    assert not [p for p in files if p.suffix in {".otf", ".ttf", ".eot", ".woff"}]
    css = built(project, manifest, "dkfds.css").decode("utf-8")
    images = [p for p in files if "/img/" in p.as_posix()]
    for image in images:
        if image.name.endswith((".br", ".gz")) or image.name == "all-svg-icons.svg":
            continue
        assert image.name in css, image  # copied because the stylesheet points at it
    assert len(files) < 200


def test_plex_faces_are_woff2_with_swap_and_unicode_ranges(project, manifest):
    css = built(project, manifest, "site.css").decode("utf-8")
    faces = plex_faces(css)
    assert faces
    by_face: dict[tuple[str, str], list[set[int]]] = {}
    for face in faces:
        assert face["font-display"] == "swap"
        assert face["src"].startswith("url(") and 'format("woff2")' in face["src"]
        assert ".woff)" not in face["src"] and ".ttf" not in face["src"]
        by_face.setdefault((face["font-weight"], face["font-style"]), []).append(
            code_points(face["unicode-range"])
        )
    assert set(by_face) == {
        (w, s) for w in ("400", "500", "600", "700") for s in ("normal", "italic")
    }
    for ranges in by_face.values():
        # The Latin-1 part comes first and covers Danish; no character is in two parts.
        assert {ord(c) for c in "AZaz09æøåÆØÅéü–“”…€"} <= ranges[0]
        total = sum(len(r) for r in ranges)
        assert len(set().union(*ranges)) == total


def test_woff_cmap_reader_and_unicode_range():
    latin1 = DKFDS_DIST / assets.PLEX_SPLIT / "woff" / "IBMPlexSans-Regular-Latin1.woff"
    chars = assets.woff_characters(latin1.read_bytes())
    assert {ord(c) for c in "Hej æøå"} <= chars
    assert ord("ł") not in chars and ord("Ω") not in chars
    assert assets.unicode_range({0x41, 0x42, 0x43, 0xE6, 0x2013}) == "U+41-43,U+E6,U+2013"
    with pytest.raises(assets.AssetBuildError):
        assets.woff_characters(b"not a font")


def test_dkfds_stylesheet_keeps_what_the_pages_use_and_drops_the_rest(project, manifest):
    original = len(_dkfds_css())
    css = built(project, manifest, "dkfds.css").decode("utf-8")
    assert len(css) < original / 2
    # Classes in templates, classes put together in templates (safelisted), and classes the
    # DKFDS components add at run time.
    for selector in (
        ".button-secondary",
        ".alert-success",
        ".alert-info",
        ".form-error",
        ".skipnav",
        ".table--responsive-scroll",
        ".form-limit",
    ):
        assert selector in css, selector
    for unused in (".fds-modal", ".date-picker", ".tab-container"):
        assert unused not in css, unused


def test_pages_load_one_stylesheet_and_one_script_with_the_parts_in_order(project, manifest):
    css = built(project, manifest, "site.css").decode("utf-8")
    assert css.startswith(built(project, manifest, "dkfds.css").decode("utf-8").rstrip())
    assert ".portal-" in css and "Familieportalen: small additions" not in css  # minified
    js = built(project, manifest, "site.js").decode("utf-8")
    positions = [
        js.find(marker)
        for marker in ("var htmx=", "window.DKFDS", "X-Session-Idle-Seconds", "a[data-disclosure]")
    ]
    assert -1 not in positions and positions == sorted(positions), positions


def test_dkfds_script_is_only_the_components_the_pages_use(project, manifest):
    js = built(project, manifest, "dkfds.js").decode("utf-8")
    full = (DKFDS_DIST / "js" / "dkfds.min.js").read_bytes()
    assert len(js) < len(full) / 4
    assert "window.DKFDS" in js and "form-limit" in js and "error-summary" in js
    assert "date-picker" not in js and "fds-modal" not in js


@pytest.mark.parametrize(
    "header, expected",
    [
        ("gzip, deflate, br, zstd", ["br", "gzip"]),
        ("gzip", ["gzip"]),
        ("br;q=0.5, gzip", ["gzip", "br"]),
        ("br;q=0, gzip;q=0", []),
        ("identity", []),
        ("", []),
        ("*", ["br", "gzip"]),
        ("*;q=0.1, br;q=0", ["gzip"]),
        ("GZIP;q=1.0", ["gzip"]),
        ("br;q=oops", []),
    ],
)
def test_accepted_encodings(header, expected):
    assert accepted_encodings(header) == expected


def _dkfds_css() -> str:
    return (REPO_ROOT / "node_modules" / assets.DKFDS_CSS).read_text("utf-8")
