"""`make bench`: figures, not tests. Every figure is a ratio or a size from this one run,
so results compare across noisy machines.

1. Build: the strict build against the same pages pre-rendered to plain Markdown and built
   without macros; alternated runs, median ratio (goal <= 1.15).
2. Page weight per page type: HTML, CSS, JS, search index; raw and gzip (goals: a tree page
   adds at most 6 KB gzip over a plain page; a first view at most 150 KB gzip).
3. Scale: synthetic data at 10x and 100x today's codes and provisions, and trees up to
   10,000 nodes: validation and build time (goal: linear; 10,000 nodes under a second).
4. Lighthouse (mobile) on each page type, if `npx lighthouse` can run (goals: accessibility,
   best practices and SEO 100; performance >= 98), served with gzip as GitHub Pages serves it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from measure import PAGE_TYPES  # noqa: E402  (scripts/ is on the path when run as a script)

from macros.validate import load_dataset  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
ENV.pop("SITE_URL", None)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def load_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in ("mkdocs.yml", "docs", "overrides", "macros", "data", "scripts", "includes", "CITATION.cff"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def build(project: Path, config: str = "mkdocs.yml", site: Path | None = None, extra_env: dict | None = None) -> float:
    site = site or project / "site"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(site)],
        cwd=project,
        env={**ENV, **(extra_env or {})},
        check=True,
    )
    return time.perf_counter() - start


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


# --- 1. build ratio -----------------------------------------------------------


def bench_build_ratio(tmp: Path, runs: int) -> None:
    with_macros = copy_project(tmp / "with-macros")
    capture = tmp / "rendered-docs"
    config = load_config(with_macros / "mkdocs.yml")
    config["hooks"] = ["scripts/bench_capture_hook.py"]
    (with_macros / "capture.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    build(with_macros, "capture.yml", extra_env={"BENCH_CAPTURE_DIR": str(capture)})

    plain = copy_project(tmp / "plain")
    shutil.rmtree(plain / "docs")
    shutil.copytree(capture, plain / "docs")
    shutil.copytree(ROOT / "docs" / "assets", plain / "docs" / "assets")
    config = load_config(plain / "mkdocs.yml")
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))

    a, b = [], []
    for _ in range(runs):  # alternate, so drift affects both equally
        a.append(build(with_macros))
        b.append(build(plain))
    ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
    print(
        f"1. build: with macros median {statistics.median(a):.2f} s, pre-rendered without macros "
        f"{statistics.median(b):.2f} s; median ratio {ratio:.3f} (goal <= 1.15) over {runs} alternated runs"
    )


# --- 2. page weight -----------------------------------------------------------


def page_assets(page: Path) -> tuple[list[Path], list[Path]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    css = [(page.parent / link["href"].split("?")[0]).resolve() for link in soup.select('link[rel="stylesheet"]')]
    js = [(page.parent / s["src"].split("?")[0]).resolve() for s in soup.select("script[src]")]
    return css, js


def bench_weight(site: Path) -> None:
    print("\n2. page weight (KiB)            HTML raw/gz    CSS raw/gz     JS raw/gz   first view gz")
    index = site / "search" / "search_index.json"
    first_views = {}
    for name, rel in PAGE_TYPES.items():
        page = site / rel
        css, js = page_assets(page)
        html_b = page.read_bytes()
        css_b = b"".join(p.read_bytes() for p in css)
        js_b = b"".join(p.read_bytes() for p in js)
        total = gz(html_b) + sum(gz(p.read_bytes()) for p in css + js)
        first_views[name] = total
        print(
            f"   {name:<24} {len(html_b) / 1024:6.1f}/{gz(html_b) / 1024:5.1f}  {len(css_b) / 1024:6.1f}/{gz(css_b) / 1024:5.1f}"
            f"  {len(js_b) / 1024:6.1f}/{gz(js_b) / 1024:5.1f}   {total / 1024:6.1f}"
        )
    if index.is_file():
        raw = index.read_bytes()
        print(f"   search index (on first search): {len(raw) / 1024:.1f} raw / {gz(raw) / 1024:.1f} gzip")
    else:  # Pagefind (hooks/search.py): fetched only when search is used; `make bench-search` measures it
        engine = [site / "pagefind" / n for n in ("pagefind.js", "pagefind-worker.js", "wasm.en.pagefind")]
        print(
            f"   search engine (on first search): {sum(gz(p.read_bytes()) for p in engine) / 1024:.1f} gzip; see make bench-search"
        )
    extra = first_views["tree"] - first_views["plain page"]
    js = site / "assets" / "javascripts" / "trees.js"
    css = (site / "assets" / "stylesheets" / "handbook.css").read_text()
    tree_css = css[css.index("/* Decision trees") :]
    tree_css = tree_css[: tree_css.find("/* Agency pages")] if "/* Agency pages" in tree_css else tree_css
    stepper = gz(js.read_bytes()) + gz(tree_css.encode())
    print(
        f"   tree page over a plain page: {extra / 1024:+.1f} KiB gzip in all; the stepper itself "
        f"(trees.js + its CSS) {stepper / 1024:.1f} KiB gzip (goal <= 6)"
    )
    print(f"   largest first view: {max(first_views.values()) / 1024:.1f} KiB gzip (goal <= 150)")


# --- 3. scale -------------------------------------------------------------------


def synthetic_tree(nodes_wanted: int, tree_id: str) -> dict:
    """A valid tree of about `nodes_wanted` nodes: 3 answers per question, outcomes at the leaves."""
    nodes: dict[str, dict] = {}
    frontier = ["q0"]
    count = 1
    while frontier:
        node_id = frontier.pop(0)
        if count + 3 <= nodes_wanted:
            children = [f"n{count + i}" for i in range(3)]
            count += 3
            nodes[node_id] = {
                "question": f"Question {node_id}?",
                "answers": [{"label": f"Answer {i}", "next": c} for i, c in enumerate(children)],
            }
            frontier.extend(children)
        else:
            nodes[node_id] = {
                "outcome": f"Outcome {node_id}",
                "do": ["Do the thing."],
                "cites": [{"code": "apa", "section": "3.05(a)"}],
            }
    return {
        "id": tree_id,
        "title": "Synthetic",
        "intro": "Synthetic.",
        "audience": "Benchmarks",
        "reviewed": "2026-11-28",
        "start": "q0",
        "nodes": nodes,
    }


def scaled_data(target: Path, factor: int) -> None:
    shutil.copytree(ROOT / "data", target)
    codes = target / "codes"
    originals = sorted(codes.glob("*.yaml"))
    for copy in range(1, factor):
        for path in originals:
            text = path.read_text(encoding="utf-8")
            new_id = f"{path.stem}-x{copy}"
            (codes / f"{new_id}.yaml").write_text(text.replace(f"id: {path.stem}\n", f"id: {new_id}\n", 1))
    trees = target / "trees"
    for size in (10, 100, 1000)[: {1: 0, 10: 2, 100: 3}.get(factor, 3)]:
        (trees / f"synthetic-{size}.yaml").write_text(yaml.safe_dump(synthetic_tree(size, f"synthetic-{size}")))


def timed_load(data: Path, repeat: int = 3) -> tuple[float, object]:
    times, dataset = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        dataset = load_dataset(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times), dataset


def bench_scale(tmp: Path, build_factors: tuple[int, ...]) -> None:
    print("\n3. scale            codes  provisions  tree nodes   validate s  per 1k provisions   build s")
    base_validate = None
    for factor in (1, 10, 100):
        project = copy_project(tmp / f"scale-{factor}")
        shutil.rmtree(project / "data")
        scaled_data(project / "data", factor)
        seconds, dataset = timed_load(project / "data")
        provisions = sum(len(c.provisions) for c in dataset.codes.values())
        nodes = sum(len(t.nodes) for t in dataset.trees.values())
        base_validate = base_validate or seconds / provisions
        build_s = "-"
        if factor in build_factors:
            config = load_config(project / "mkdocs.yml")
            config["validation"]["nav"]["omitted_files"] = "info"  # synthetic pages are not in the nav
            (project / "scale.yml").write_text(yaml.safe_dump(config, sort_keys=False))
            build_s = f"{build(project, 'scale.yml'):.1f}"
        print(
            f"   {factor:>4}x        {len(dataset.codes):>6} {provisions:>11} {nodes:>11}   {seconds:>9.3f}"
            f"   {1000 * seconds / provisions:>12.3f}        {build_s:>6}"
        )
    from macros.checks.trees import check_tree
    from macros.loading import read_yaml, validate
    from macros.models import Tree

    path = tmp / "synthetic-10000.yaml"
    path.write_text(yaml.safe_dump(synthetic_tree(10_000, "synthetic-10000")))
    dataset = load_dataset(ROOT / "data")
    reads, checks = [], []
    for _ in range(3):
        errors: list = []
        start = time.perf_counter()
        source = read_yaml(path, "synthetic-10000.yaml", errors)
        middle = time.perf_counter()
        tree = validate(source, Tree, errors)
        errors += check_tree(tree, source, dataset)
        end = time.perf_counter()
        assert not errors, errors[:3]
        reads.append(middle - start)
        checks.append(end - middle)
    print(
        f"   a {len(tree.nodes)}-node tree ({path.stat().st_size // 1024} KiB of YAML): read in "
        f"{statistics.median(reads):.2f} s, typed and graph-checked in {statistics.median(checks):.2f} s "
        "(goal < 1 s)"
    )


# --- 4. Lighthouse ------------------------------------------------------------------


def bench_lighthouse(site: Path) -> None:
    print("\n4. Lighthouse (mobile)     performance  accessibility  best practices  SEO")
    chrome = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    try:
        for name, rel in PAGE_TYPES.items():
            url = f"http://127.0.0.1:{port}/{rel.removesuffix('index.html')}"
            out = site.parent / f"lh-{rel.replace('/', '_')}.json"
            result = subprocess.run(
                [
                    "npx",
                    "--yes",
                    "lighthouse@13.5.0",
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={out}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
                ],
                env={**os.environ, "CHROME_PATH": chrome},
                capture_output=True,
                text=True,
                timeout=300,
            )
            if result.returncode != 0 or not out.exists():
                print(f"   {name:<24} lighthouse did not run: {result.stderr.strip().splitlines()[-1:]}")
                continue
            cats = json.loads(out.read_text())["categories"]
            scores = [
                round(100 * (cats[k]["score"] or 0)) for k in ("performance", "accessibility", "best-practices", "seo")
            ]
            print(f"   {name:<24} {scores[0]:>11} {scores[1]:>14} {scores[2]:>15} {scores[3]:>4}")
    finally:
        server.shutdown()


class _Quiet(SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: text compressed with gzip when the browser
    asks for it (Lighthouse's slow-network simulation counts the bytes sent)."""

    COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                super().do_GET()  # the standard redirect to the address with a slash
                return
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.COMPRESS and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="alternated build pairs for the ratio")
    parser.add_argument("--skip", action="append", default=[], choices=["ratio", "weight", "scale", "lighthouse"])
    parser.add_argument("--build-100x", action="store_true", help="also build the site at 100x (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "ratio" not in args.skip:
            bench_build_ratio(tmp, args.runs)
        site = tmp / "site"
        build(ROOT, site=site)
        if "weight" not in args.skip:
            bench_weight(site)
        if "scale" not in args.skip:
            bench_scale(tmp, (1, 10, 100) if args.build_100x else (1, 10))
        if "lighthouse" not in args.skip:
            bench_lighthouse(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
