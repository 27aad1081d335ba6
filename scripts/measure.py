"""Print build time and page weight for the built site (figures, not a test).

Usage: .venv/bin/python scripts/measure.py [--runs N]
Builds the site N times (default 3) into a temporary folder, reports the median
build time, then the weight of each page type: its HTML and the CSS and JS it
links, with the scripts on-demand.js adds to it (ON_DEMAND); raw and gzip (level 9). Search is Pagefind's and loads nothing with a page: its
engine comes when the search box is hovered or focused, index chunks with the first query.
The engine's size is printed once; `make bench` (2b) records what Chromium downloads.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
# The page types measured here and by bench.py: one representative page each.
PAGE_TYPES = {
    "plain page": "about/sources/index.html",
    "home": "index.html",
    "chapter-like table": "compare/sexual-relationships-former-clients/index.html",
    "code page": "codes/aca/index.html",
    "rules page": "apply/marriage-family-therapist-california/index.html",
    "tree": "decide/unexpected-encounter/index.html",
    "client page": "clients/what-is-never-ok/index.html",
    "client tree": "clients/something-felt-wrong/index.html",
    "one-pager": "agencies/one-pagers/community-encounters/index.html",
    "situation chapter": "situations/community-encounters/index.html",
    "agency page": "agencies/index.html",
    "Spanish client page": "es/clients/gifts/index.html",
}
# The scripts docs/assets/javascripts/on-demand.js adds to a page that holds one of these
# elements (no page links them): a first view of such a page includes them. licences.js also
# comes on every page for a reader who saved a choice; a first visit has none.
ON_DEMAND = {
    "assets/javascripts/trees.js": ".ott-tree",
    "assets/javascripts/licences.js": "#ott-licences",
}


def build(site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("SITE_URL", None)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return time.perf_counter() - start


def sizes(paths: list[Path]) -> tuple[int, int]:
    raw = sum(p.stat().st_size for p in paths)
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in paths)
    return raw, packed


def assets(site: Path, page: Path) -> tuple[list[Path], list[Path]]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    css = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    # overrides/main.html writes each script as a data block (data-ott-src) that its loader adds
    js = [script["src"] for script in soup.select("script[src]")]
    js += [script["data-ott-src"] for script in soup.select("script[data-ott-src]")]

    def resolve(ref: str) -> Path:
        return (page.parent / ref.split("?")[0]).resolve()

    linked = [resolve(r) for r in js]
    added = [(site / f).resolve() for f, needs in ON_DEMAND.items() if soup.select_one(needs)]
    return [resolve(r) for r in css], linked + [p for p in added if p not in linked]


def kb(value: int) -> str:
    return f"{value / 1024:7.1f}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = [build(site) for _ in range(args.runs)]
        print(
            f"build (strict, {args.runs} runs): median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f}, max {max(times):.2f})"
        )
        index = site / "search" / "search_index.json"
        print("\npage weight in KiB        raw    gzip")
        for name, rel in PAGE_TYPES.items():
            page = site / rel
            css, js = assets(site, page)
            rows = {"HTML": [page], "CSS": css, "JS": js}
            total_raw = total_gz = 0
            print(f"{name}")
            for label, paths in rows.items():
                raw, packed = sizes(paths)
                total_raw += raw
                total_gz += packed
                print(f"  {label:<20}{kb(raw)} {kb(packed)}")
            print(f"  {'first view total':<20}{kb(total_raw)} {kb(total_gz)}  (HTML + CSS + JS)")
        engine = [site / "pagefind" / n for n in ("pagefind.js", "pagefind-entry.json", "wasm.en.pagefind")]
        engine.append(site / "pagefind" / "ott-words.json")
        raw, packed = sizes([p for p in engine if p.is_file()])
        print(
            f"\nsearch engine, not in any first view: {kb(raw).strip()} raw, {kb(packed).strip()} gzip "
            "(loaded when the search box is hovered or focused; index chunks follow with the first query)"
        )
        if index.is_file():  # OTT_SEARCH_KEEP_LUNR=1 keeps Material's lunr index, which nothing reads
            raw, packed = sizes([index])
            print(f"lunr index (kept, nothing reads it): {kb(raw).strip()} raw, {kb(packed).strip()} gzip")
        # The stepper's own cost: its script plus the tree rules in handbook.css.
        js = site / "assets" / "javascripts" / "trees.js"
        css_text = (site / "assets" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
        tree_css = css_text[css_text.index("/* Decision trees") :]
        if "/* Agency pages" in tree_css:  # the tree section ends where the agency styles begin
            tree_css = tree_css[: tree_css.index("/* Agency pages")]
        js_gz = len(gzip.compress(js.read_bytes(), 9))
        css_gz = len(gzip.compress(tree_css.encode(), 9))
        print(f"\ntree stepper: JS {js_gz} B + CSS {css_gz} B = {js_gz + css_gz} B gzip (goal: at most 6144 B)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
