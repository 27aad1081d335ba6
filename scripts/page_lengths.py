"""Print how long each situation chapter is, and how far down its practical parts start
(figures, not a test).

Usage: .venv/bin/python scripts/page_lengths.py [--site-dir DIR] [--pages GLOB]
Without --site-dir it builds the site into a temporary folder first. Each chapter
(docs/situations/*.md, not the overview) is opened in Chromium at desktop (1280 x 800)
and phone (390 x 844) size, with JavaScript on as a reader has it, and the table gives:

- height: the document's height in pixels, and in screens (height / viewport height);
- tree: the y position of the "Decide step by step" heading, or else of the first link to
  a decision tree (`decide/...`), whichever the page has first;
- practical: the y position of the first practical section ("What to do", "What you might
  say", "What to document" or "When and whom to consult");
- codes: the y position of "What the codes say".

Chromium is found as the browser tests find it ($CHROMIUM_PATH, /usr/bin/chromium, ...).
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
PRACTICAL_IDS = ("what-to-do", "what-you-might-say", "what-to-document", "when-and-whom-to-consult")

# Run in the page: the y of each landmark, relative to the document's top.
MEASURE = """(practical) => {
  const y = (el) => el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null;
  const content = document.querySelector("article.md-content__inner") || document.body;
  const heading = content.querySelector("h2#decide-step-by-step");
  const treeLink = content.querySelector('a[href*="decide/"]');
  const treeAt = [y(heading), y(treeLink)].filter((v) => v !== null);
  const practicalAt = practical.map((id) => y(content.querySelector("h2#" + id))).filter((v) => v !== null);
  return {
    height: document.documentElement.scrollHeight,
    tree: treeAt.length ? Math.min(...treeAt) : null,
    practical: practicalAt.length ? Math.min(...practicalAt) : null,
    codes: y(content.querySelector("h2#what-the-codes-say")),
  };
}"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def chapters(pattern: str) -> list[str]:
    return sorted(p.stem for p in (ROOT / "docs" / "situations").glob(pattern) if p.stem != "index")


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("SITE_URL", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)], cwd=ROOT, env=env, check=True)


def chromium() -> str | None:
    sys.path.insert(0, str(ROOT))
    from tests.browser.conftest import CHROMIUM_CANDIDATES

    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    return next((c for c in CHROMIUM_CANDIDATES if Path(c).exists()), None)


def measure(site: Path, names: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), headless=True, args=["--no-sandbox"])
            for view, (width, height) in VIEWPORTS.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for name in names:
                    page.goto(f"{base}situations/{name}/", wait_until="load")
                    page.wait_for_timeout(150)  # let trees.js turn the tree into its stepper
                    found = page.evaluate(MEASURE, list(PRACTICAL_IDS))
                    rows.append({"chapter": name, "view": view, "screen": height, **found})
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def table(rows: list[dict]) -> str:
    def px(value: int | None, screen: int) -> str:
        return "-" if value is None else f"{value:>6} ({value / screen:4.1f})"

    head = (
        f"{'chapter':<38} {'view':<8} {'height px (screens)':>20} {'tree at':>15} {'practical at':>15} {'codes at':>15}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['chapter']:<38} {r['view']:<8} {px(r['height'], r['screen']):>20} {px(r['tree'], r['screen']):>15}"
            f" {px(r['practical'], r['screen']):>15} {px(r['codes'], r['screen']):>15}"
        )
    lines.append("")
    lines.append("Positions are px from the top of the document; in brackets, the same in screens.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--pages", default="*.md", help="which chapters, as a glob in docs/situations/")
    args = parser.parse_args()
    names = chapters(args.pages)
    if args.site_dir:
        print(table(measure(args.site_dir, names)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        build(Path(folder))
        print(table(measure(Path(folder), names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
