"""`make bench`: figures, not tests. Every figure is a ratio or a size from this one run,
so results compare across noisy machines.

1. Build: the strict build against the same pages pre-rendered to plain Markdown and built
   without macros; alternated runs, median ratio (goal <= 1.10).
2. Page weight per page type: HTML and the CSS and JS it links, raw and gzip (goals: a tree
   page adds at most 6 KiB gzip over a plain page; a first view at most 100 KiB gzip).
   2b. Search: what Chromium downloads for search, and when. Search is Pagefind's and loads
   nothing with the page: its engine comes when the reader hovers or focuses the search
   box, index chunks and fragments with the first query (goal: that index <= 50 KiB gzip).
3. Scale: synthetic data at 10x and 100x today's codes and provisions, and trees up to
   10,000 nodes: validation and build time (goal: linear; 10,000 nodes under a second).
4. Lighthouse (mobile) on each page type, the print page's index and its largest volume
   (hooks/print_page.py splits the whole handbook into volumes), BENCH_RUNS times (default 5,
   medians), beside stock Material on the same pages built in the same run (see
   stock_material_site), with ratios. Goals: performance >= 98, FCP <= 1.0 s, LCP <= 1.5 s,
   no worse than stock; print index and largest volume FCP < 3 s. Served with gzip as GitHub
   Pages serves it.
   Lighthouse is $LIGHTHOUSE, node_modules/.bin/lighthouse, or `npx lighthouse@12.2.3`.

`--site NAME=DIR` (repeatable) runs Lighthouse on sites already built, e.g. variants of one
change, all in the same rounds as the stock baseline; `--pages` picks page types.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
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

from measure import ON_DEMAND, PAGE_TYPES, assets  # noqa: E402  (scripts/ is on the path when run as a script)

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
    for part in ("mkdocs.yml", "docs", "overrides", "hooks", "macros", "data", "scripts", "includes", "CITATION.cff"):
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
    config["hooks"] = [*config.get("hooks", []), "scripts/bench_capture_hook.py"]
    (with_macros / "capture.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    build(with_macros, "capture.yml", extra_env={"BENCH_CAPTURE_DIR": str(capture)})

    plain = copy_project(tmp / "plain")
    shutil.rmtree(plain / "docs")
    shutil.copytree(capture, plain / "docs")
    shutil.copytree(ROOT / "docs" / "assets", plain / "docs" / "assets")
    config = load_config(plain / "mkdocs.yml")
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    # The captured pages include the generated ones; the other hooks (print page, search
    # index, security headers) run in both builds.
    config["hooks"] = [h for h in config.get("hooks", []) if not h.endswith("generated_pages.py")]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))

    def cpu_seconds() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    # Wall time is the goal's measure; CPU time (user + system of the build process and its
    # children) is printed beside it, as it moves less when other work shares the machine.
    a, b, cpu_a, cpu_b = [], [], [], []
    for _ in range(runs):  # alternate, so drift affects both equally
        for project, times, cpus in ((with_macros, a, cpu_a), (plain, b, cpu_b)):
            before = cpu_seconds()
            times.append(build(project))
            cpus.append(cpu_seconds() - before)
    ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
    cpu_ratio = statistics.median(x / y for x, y in zip(cpu_a, cpu_b, strict=True))
    print(
        f"1. build: with macros median {statistics.median(a):.2f} s, pre-rendered without macros "
        f"{statistics.median(b):.2f} s; median ratio {ratio:.3f} (goal <= 1.10) over {runs} alternated runs\n"
        f"   CPU time: with macros {statistics.median(cpu_a):.2f} s, without {statistics.median(cpu_b):.2f} s; "
        f"median ratio {cpu_ratio:.3f}"
    )


# --- 2. page weight -----------------------------------------------------------


def bench_weight(site: Path) -> None:
    print("\n2. page weight (KiB)            HTML raw/gz    CSS raw/gz     JS raw/gz   first view gz")
    index = site / "search" / "search_index.json"
    first_views, html_gz = {}, {}
    for name, rel in PAGE_TYPES.items():
        page = site / rel
        css, js = assets(site, page)  # with the scripts on-demand.js adds to this page
        html_b = page.read_bytes()
        css_b = b"".join(p.read_bytes() for p in css)
        js_b = b"".join(p.read_bytes() for p in js)
        total = gz(html_b) + sum(gz(p.read_bytes()) for p in css + js)
        first_views[name] = total
        html_gz[name] = gz(html_b)
        print(
            f"   {name:<24} {len(html_b) / 1024:6.1f}/{gz(html_b) / 1024:5.1f}  {len(css_b) / 1024:6.1f}/{gz(css_b) / 1024:5.1f}"
            f"  {len(js_b) / 1024:6.1f}/{gz(js_b) / 1024:5.1f}   {total / 1024:6.1f}"
        )
    if index.is_file():  # OTT_SEARCH_KEEP_LUNR=1: Material's lunr index is published too
        raw = index.read_bytes()
        print(f"   lunr index (kept, nothing reads it): {len(raw) / 1024:.1f} raw / {gz(raw) / 1024:.1f} gzip")
    # Search is Pagefind's (hooks/search.py): none of it is in a first view; 2b records what
    # Chromium downloads when the search box is hovered or focused and on the first query.
    # Since trees.js loads on tree pages only, this counts it; it counted none of it when every
    # page linked it. The rest of the difference is the tree page's own HTML.
    extra = first_views["tree"] - first_views["plain page"]
    content = html_gz["tree"] - html_gz["plain page"]
    js = site / "assets" / "javascripts" / "trees.js"
    css = (site / "assets" / "stylesheets" / "handbook.css").read_text()
    tree_css = css[css.index("/* Decision trees") :]
    tree_css = tree_css[: tree_css.find("/* Agency pages")] if "/* Agency pages" in tree_css else tree_css
    stepper = gz(js.read_bytes()) + gz(tree_css.encode())
    # What in the tree's HTML is there for the stepper and the outline (ids, data and aria
    # attributes, classes, the "-> next question" hints), and what is the tree's own text.
    article = _article(site / PAGE_TYPES["tree"])
    bare = re.sub(r'\s(?:data-[a-z-]+|aria-labelledby|tabindex|id|class)="[^"]*"', "", article)
    bare = re.sub(r"<span>\s*→.*?</span>", "", bare)
    markup = gz(article.encode()) - gz(bare.encode())
    print(
        f"   tree page over a plain page: {extra / 1024:+.1f} KiB gzip in all (goal <= 6), of which its HTML "
        f"{content / 1024:+.1f}; the stepper itself (trees.js + its CSS) {stepper / 1024:.1f} KiB gzip\n"
        f"   of the tree's article ({gz(article.encode()) / 1024:.1f} KiB gzip), the stepper's and outline's markup "
        f"is {markup / 1024:.1f} KiB and the tree's own text {gz(bare.encode()) / 1024:.1f} (the plain page's "
        f"whole article: {gz(_article(site / PAGE_TYPES['plain page']).encode()) / 1024:.1f})"
    )
    print(f"   largest first view: {max(first_views.values()) / 1024:.1f} KiB gzip (goal <= 100; search not included)")
    on_demand = ", ".join(f"{Path(f).name} {gz((site / f).read_bytes()) / 1024:.1f}" for f in ON_DEMAND)
    print(
        f"   loaded only where needed (in the figures above where a page needs them): {on_demand} KiB gzip; "
        "licences.js also on every page once a reader saves a choice"
    )


def _article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


# --- 2b. search downloads --------------------------------------------------------


def served_size(path: Path) -> int:
    """Bytes on the wire as _Quiet (and GitHub Pages) serve the file: text gzipped."""
    data = path.read_bytes()
    return gz(data) if path.suffix in _Quiet.COMPRESS else len(data)


COLD_LOADS = 3  # per query: one cold load varies by a third from the next on this machine


def bench_search_requests(site: Path) -> None:
    """What search downloads and when, as Chromium requests it: nothing on page load; the
    engine when the reader hovers or focuses the search box; index chunks and fragments
    with the first query. Sizes as served (gzip for text; Pagefind's own files are already
    compressed)."""
    try:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("\n2b. search downloads: Playwright is not installed; skipped")
        return
    server, port = serve(site)
    chrome = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    stages: dict[str, list[str]] = {"page load": [], "hover or focus": [], "first query": []}
    current = ["page load"]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chrome, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("request", lambda r: stages[current[0]].append(r.url))
            page.goto(f"http://127.0.0.1:{port}/situations/community-encounters/", wait_until="networkidle")
            current[0] = "hover or focus"
            page.wait_for_timeout(1000)  # anything loaded late would count as page load
            page.hover(".md-search__input")  # a desktop window: the box shows in the header
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            current[0] = "first query"
            page.fill(".md-search__input", "former client")
            page.wait_for_selector(".md-search-result__item", timeout=15_000)
            page.wait_for_timeout(500)
            browser.close()
    except Exception as error:  # noqa: BLE001  (figures, not a test: say why and go on)
        print(f"\n2b. search downloads: could not drive Chromium ({error}); skipped")
        return
    finally:
        server.shutdown()
    print("\n2b. search downloads (Pagefind, recorded in Chromium)")
    prefix = f"http://127.0.0.1:{port}/"
    for stage, urls in stages.items():
        files = [site / u.removeprefix(prefix).split("?")[0] for u in urls if u.startswith(prefix)]
        searchy = [f for f in files if "pagefind" in f.parts or f.name == "search_index.json"]
        size = sum(served_size(f) for f in searchy if f.is_file())
        kinds = {".pf_index": "index chunk", ".pf_fragment": "page fragment", ".pf_meta": "index meta"}
        counted: dict[str, int] = {}
        for f in searchy:
            counted[kinds.get(f.suffix, f.name)] = counted.get(kinds.get(f.suffix, f.name), 0) + 1
        names = ", ".join(f"{n} x {k}" if n > 1 else k for k, n in sorted(counted.items())) or "none"
        print(f"   {stage:<15} {len(searchy):>2} search files, {size / 1024:6.1f} KiB: {names}")
    index = [
        site / u.removeprefix(prefix).split("?")[0]
        for stage in ("hover or focus", "first query")
        for u in stages[stage]
        if u.startswith(prefix) and ("pf_index" in u or "pf_meta" in u or "pagefind-entry" in u)
    ]
    print(
        f"   index the first query needed (entry, meta, chunks): {sum(served_size(f) for f in index) / 1024:.1f}"
        " KiB (goal <= 50); nothing should load with the page"
    )

    # Latency (issue 16: first results within 300 ms of the last keystroke). Real queries of
    # tests/search_queries.yaml (on an English page) and search_queries_es.yaml (on a Spanish
    # one), one word and several, the same sample every run; timed in the page, from the
    # keydown of the last letter to the first result drawn for the whole query.
    def sample(name: str, n: int) -> list[str]:
        data = ROOT / "tests" / name
        queries = (
            [q["q"] for q in yaml.safe_load(data.read_text(encoding="utf-8"))["queries"]] if data.is_file() else []
        )
        picked = []
        for group in ([q for q in queries if " " not in q], [q for q in queries if " " in q]):
            picked += group[:: max(1, len(group) // n)][:n]
        return picked

    pages = {"English": ("situations/community-encounters/", sample("search_queries.yaml", 6))}
    pages["Spanish"] = ("es/clients/", sample("search_queries_es.yaml", 3))
    watch = """(query) => {
      const box = document.querySelector('.md-search__input');
      const list = document.querySelector('.md-search-result__list');
      window.__ott = {query: query, start: null, shown: null};
      box.addEventListener('keydown', () => { window.__ott.start = performance.now(); window.__ott.shown = null; }, true);
      new MutationObserver(() => {
        const t = window.__ott;  // drawn for the whole query (not a prefix still on its way)
        if (t.start !== null && t.shown === null && list.children.length && box.value === t.query) t.shown = performance.now();
      }).observe(list, {childList: true});
    }"""
    timed: dict[tuple[str, str, bool], list[tuple[float, str]]] = {}
    first_index: list[tuple[float, str]] = []
    limit = 20_000  # ms; a query still unanswered then counts as this long

    def shown_after(page) -> float:  # noqa: ANN001
        try:
            page.wait_for_function("() => window.__ott.shown !== null", timeout=limit)
        except PlaywrightTimeout:
            return float(limit)
        return page.evaluate("() => window.__ott.shown - window.__ott.start")

    server, port = serve(site)
    origin = f"http://127.0.0.1:{port}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chrome, args=["--no-sandbox", "--disable-gpu"])
            for language, (start, queries) in pages.items():
                for query in queries:  # cold: a fresh browser context, nothing of search loaded
                    loads = []
                    for attempt in range(COLD_LOADS):  # the median of a few loads, as one varies
                        context = browser.new_context()
                        page = context.new_page()
                        asked: list[str] = []
                        page.on("request", lambda r, asked=asked: asked.append(r.url))
                        page.goto(origin + start, wait_until="networkidle")
                        page.locator(".md-search__input").click()  # focus: the engine starts loading
                        page.evaluate(watch, query)
                        page.fill(".md-search__input", query[:-1])  # pasted; then the last letter typed
                        page.press(".md-search__input", query[-1])
                        loads.append(shown_after(page))
                        if language == "English" and attempt == 0:
                            chunks = [u for u in asked if "pf_index" in u or "pf_meta" in u or "pagefind-entry" in u]
                            size = sum(served_size(site / u.removeprefix(origin).split("?")[0]) for u in chunks)
                            first_index.append((size / 1024, query))
                        context.close()
                    timed.setdefault((language, "cold", " " in query), []).append((statistics.median(loads), query))
                context = browser.new_context()  # warm: one page, the engine loaded, typed
                page = context.new_page()
                page.goto(origin + start, wait_until="networkidle")
                page.hover(".md-search__input")
                page.wait_for_load_state("networkidle")
                page.locator(".md-search__input").click()
                for query in queries:
                    page.fill(".md-search__input", "")
                    page.evaluate(watch, query)
                    page.locator(".md-search__input").press_sequentially(query, delay=50)  # a fast typist
                    ms = shown_after(page)
                    timed.setdefault((language, "warm", " " in query), []).append((ms, query))
                context.close()
            browser.close()
    except Exception as error:  # noqa: BLE001  (figures, not a test: say why and go on)
        print(f"   search latency: could not drive Chromium ({error}); skipped")
        return
    finally:
        server.shutdown()
    print(
        "   search latency, last keystroke to first results drawn (goal <= 300 ms). cold: a fresh page, the\n"
        f"   box clicked and the query pasted at once (the engine and index load inside the time), the median of\n"
        f"   {COLD_LOADS} such loads per query; warm: the engine loaded, the query typed at 50 ms a letter"
    )
    for (language, mode, several), values in timed.items():
        ms = [v for v, _ in values]
        worst = max(values)
        kind = "several words" if several else "one word"
        print(
            f"     {language:<8}{mode:<5} {kind:<14} median {statistics.median(ms):5.0f} ms, worst {worst[0]:5.0f} ms"
            f" ({worst[1]!r}), {len(ms)} queries"
            + (" (unanswered after 20 s counted as 20 s)" if worst[0] >= limit else "")
        )
    if first_index:
        worst = max(first_index)
        print(
            f"   index a cold first query needed, per query: median {statistics.median(v for v, _ in first_index):.1f} KiB,"
            f" worst {worst[0]:.1f} KiB ({worst[1]!r}) (goal <= 50)"
        )


# --- 3. scale -------------------------------------------------------------------


def synthetic_tree(nodes_wanted: int, tree_id: str, order: int = 100) -> dict:
    """A valid clinicians' tree of about `nodes_wanted` nodes, as wide as it needs to be so that
    every outcome stays within three answers (the trees check): questions at depths 0-2,
    complete outcomes at the leaves, citing every profession's own code."""
    branching = 2
    while 1 + branching + branching**2 + branching**3 < nodes_wanted:
        branching += 1
    nodes: dict[str, dict] = {}
    frontier = [("q0", 0)]
    count = 1
    while frontier:
        node_id, depth = frontier.pop(0)
        if depth < 3 and count + branching <= nodes_wanted:
            children = [f"n{count + i}" for i in range(branching)]
            count += branching
            nodes[node_id] = {
                "question": f"Question {node_id}?",
                "answers": [{"label": f"Answer {i}", "next": c} for i, c in enumerate(children)],
            }
            frontier.extend((c, depth + 1) for c in children)
        else:
            nodes[node_id] = {
                "outcome": f"Outcome {node_id}",
                "summary": "Synthetic.",
                "do": ["Do the thing."],
                "avoid": ["Avoid the other thing."],
                "say": "Something kind.",
                "document": ["What happened."],
                "consult": "A colleague.",
                "cites": [
                    {"code": "apa", "section": "3.05(a)"},
                    {"code": "aamft", "section": "1.3"},
                    {"code": "nasw", "section": "1.06(c)"},
                    {"code": "aca", "section": "A.6.b"},
                    {"code": "naadac", "section": "Principle I"},
                ],
            }
    return {
        "id": tree_id,
        "title": "Synthetic",
        "short_title": f"Synthetic {nodes_wanted}",
        "order": order,
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
        (trees / f"synthetic-{size}.yaml").write_text(
            yaml.safe_dump(synthetic_tree(size, f"synthetic-{size}", order=100 + size))
        )


def timed_load(data: Path, repeat: int = 3) -> tuple[float, object]:
    times, dataset = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        dataset = load_dataset(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times), dataset


def bench_scale(tmp: Path, build_factors: tuple[int, ...]) -> None:
    print(
        "\n3. scale            codes  provisions  tree nodes   validate s  per 1k provisions   build s"
        "  build s per 1k provisions"
    )
    base_validate = None
    for factor in (1, 10, 100):
        project = copy_project(tmp / f"scale-{factor}")
        shutil.rmtree(project / "data")
        scaled_data(project / "data", factor)
        seconds, dataset = timed_load(project / "data")
        provisions = sum(len(c.provisions) for c in dataset.codes.values())
        nodes = sum(len(t.nodes) for t in dataset.trees.values())
        base_validate = base_validate or seconds / provisions
        build_s = per_1k = "-"
        if factor in build_factors:
            config = load_config(project / "mkdocs.yml")
            config["validation"]["nav"]["omitted_files"] = "info"  # synthetic pages are not in the nav
            (project / "scale.yml").write_text(yaml.safe_dump(config, sort_keys=False))
            build_seconds = build(project, "scale.yml")
            build_s, per_1k = f"{build_seconds:.1f}", f"{1000 * build_seconds / provisions:.2f}"
        print(
            f"   {factor:>4}x        {len(dataset.codes):>6} {provisions:>11} {nodes:>11}   {seconds:>9.3f}"
            f"   {1000 * seconds / provisions:>12.3f}        {build_s:>6}  {per_1k:>12}"
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

# One representative page per page type (issue 16); the print index and largest volume are added (print_pages).
LIGHTHOUSE_PAGES = {
    "home": "index.html",
    "situation chapter": "situations/community-encounters/index.html",
    "compare table": "compare/sexual-relationships-former-clients/index.html",
    "code page": "codes/aca/index.html",
    "rules page": "apply/marriage-family-therapist-california/index.html",
    "tree": "decide/unexpected-encounter/index.html",
    "client page": "clients/what-is-never-ok/index.html",
    "agency page": "agencies/index.html",
    "Spanish client page": "es/clients/gifts/index.html",
}
PRINT_PAGE = "print_page/index.html"


def largest_print_volume(site: Path) -> str | None:
    """The print page's heaviest volume (print_page/<slug>/index.html, hooks/print_page.py),
    by its gzip size: the one that paints last."""
    volumes = list((site / "print_page").glob("*/index.html"))
    if not volumes:
        return None
    heaviest = max(volumes, key=lambda p: len(gzip.compress(p.read_bytes())))
    return heaviest.relative_to(site).as_posix()


def print_pages(site: Path) -> dict[str, str]:
    """The print page's index and its largest volume, as Lighthouse page types."""
    volume = largest_print_volume(site)
    return {"print index": PRINT_PAGE, **({"print volume": volume} if volume else {})}


# Lighthouse 13 needs Node 22; 12.2.3 is the newest that runs on Node 20 (Debian's).
LIGHTHOUSE_NPX = "lighthouse@12.2.3"


def lighthouse_command() -> list[str]:
    """$LIGHTHOUSE, else the project's node_modules, else npx (which downloads it once)."""
    if os.environ.get("LIGHTHOUSE"):
        return [os.environ["LIGHTHOUSE"]]
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    return [str(local)] if local.exists() else ["npx", "--yes", LIGHTHOUSE_NPX]


def stock_material_site(tmp: Path) -> Path:
    """The baseline: the same pages built with Material as shipped.

    The handbook's pages are rendered to Markdown first (macros, data pages), then built
    with the same nav and Markdown extensions but none of the handbook's additions: no
    overrides/, no hooks, no extra CSS or JavaScript, no print-site plugin, Material's own
    search plugin and default features. Only `font: false` is kept, as in the handbook, so
    neither site asks another host for anything. Pages are so of the same length and nav
    size; the stock tree page shows every node (it has no stepper)."""
    project = copy_project(tmp / "stock-source")
    capture = tmp / "stock-rendered"
    config = load_config(project / "mkdocs.yml")
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "print-site" in p)]
    config["hooks"] = [*config.get("hooks", []), "scripts/bench_capture_hook.py"]
    (project / "capture.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    build(project, "capture.yml", extra_env={"BENCH_CAPTURE_DIR": str(capture)})

    stock = tmp / "stock"
    stock.mkdir()
    shutil.copytree(capture, stock / "docs")
    # Stock Material has no i18n plugin: a Spanish page (clients/gifts.es.md) is built at the
    # handbook's address for it (es/clients/gifts/), with Material's English interface.
    for page in sorted((stock / "docs").rglob("*.es.md")):
        rel = page.relative_to(stock / "docs").as_posix().removesuffix(".es.md") + ".md"
        target = stock / "docs" / "es" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        page.rename(target)
    for folder in ("assets",):  # images and the like the pages refer to (no CSS or JS is linked)
        shutil.copytree(ROOT / "docs" / folder, stock / "docs" / folder, dirs_exist_ok=True)
    shutil.copytree(ROOT / "includes", stock / "includes")
    stock_config = {
        "site_name": config["site_name"],
        "site_url": "https://example.org/stock/",
        "theme": {"name": "material", "language": "en", "font": False},
        "plugins": ["search"],
        "markdown_extensions": config["markdown_extensions"],
        "nav": config["nav"],
    }
    (stock / "mkdocs.yml").write_text(yaml.safe_dump(stock_config, sort_keys=False))
    site = tmp / "stock-site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)],
        cwd=stock,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return site


def lighthouse_once(url: str, out: Path, categories: str) -> dict | None:
    chrome = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    result = subprocess.run(
        [
            *lighthouse_command(),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={categories}",
            "--form-factor=mobile",  # the default: simulated slow 4G and a 4x slower CPU
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0 or not out.exists():
        print(f"   lighthouse did not run on {url}: {result.stderr.strip().splitlines()[-1:]}")
        return None
    report = json.loads(out.read_text())
    out.unlink()
    audits = report["audits"]
    figures = {
        "perf": 100 * (report["categories"]["performance"]["score"] or 0),
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
    }
    for key in ("accessibility", "best-practices", "seo"):
        if key in report["categories"]:
            figures[key] = 100 * (report["categories"][key]["score"] or 0)
    return figures


def serve(site: Path) -> tuple[ThreadingHTTPServer, int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def bench_lighthouse(sites: dict[str, Path], runs: int, pages: dict[str, str], tmp: Path) -> None:
    """Lighthouse mobile on every page type of every site, `runs` times, alternating sites
    and pages inside each round so drift hits all alike; prints medians and, for each site
    after the first, its ratio to the last site (the stock Material baseline)."""
    names = list(sites)
    servers = {name: serve(site) for name, site in sites.items()}
    results: dict[tuple[str, str], list[dict]] = {}
    first_scores: dict[str, dict] = {}
    try:
        for run in range(runs):
            for page, rel in pages.items():
                for name in names:
                    if rel.startswith("print_page/") and not (sites[name] / rel).is_file():
                        continue  # stock Material has no print page
                    url = f"http://127.0.0.1:{servers[name][1]}/{rel.removesuffix('index.html')}"
                    categories = "performance"
                    if run == 0 and name == names[0] and not rel.startswith("print_page/"):
                        categories = "performance,accessibility,best-practices,seo"
                    figures = lighthouse_once(url, tmp / "lh.json", categories)
                    if figures:
                        results.setdefault((page, name), []).append(figures)
                        if categories != "performance":
                            first_scores[page] = figures
    finally:
        for server, _ in servers.values():
            server.shutdown()

    def med(page: str, name: str, key: str) -> float | None:
        values = [r[key] for r in results.get((page, name), [])]
        return statistics.median(values) if values else None

    baseline = names[-1]
    print(
        f"\n4. Lighthouse mobile (simulated slow 4G, 4x CPU), median of {runs} runs; sites served with gzip."
        f"\n   Ratios are against {baseline!r} in the same run (< 1 is faster)."
    )
    header = f"   {'page type':<19} {'site':<16} {'perf':>5} {'FCP s':>6} {'LCP s':>6} {'TBT ms':>7} {'KiB':>6}"
    print(header + "   FCP ratio  LCP ratio")
    for page in pages:
        for name in names:
            fig = {k: med(page, name, k) for k in ("perf", "fcp", "lcp", "tbt", "kib")}
            if fig["perf"] is None:
                continue
            line = (
                f"   {page:<19} {name:<16} {fig['perf']:5.0f} {fig['fcp']:6.2f} {fig['lcp']:6.2f}"
                f" {fig['tbt']:7.0f} {fig['kib']:6.0f}"
            )
            base_fcp, base_lcp = med(page, baseline, "fcp"), med(page, baseline, "lcp")
            if name != baseline and base_fcp:
                line += f"   {fig['fcp'] / base_fcp:9.2f}  {fig['lcp'] / base_lcp:9.2f}"
            print(line)
    print(
        "   goals: performance >= 98, FCP <= 1.0 s, LCP <= 1.5 s, no worse than stock Material "
        "(ratios <= 1.00); the print index and largest print volume: FCP < 3 s"
    )
    if first_scores:
        print(f"   {names[0]}, first run: accessibility / best practices / SEO (goal 100 each)")
        for page, fig in first_scores.items():
            print(
                f"   {page:<19} {fig.get('accessibility', 0):5.0f} {fig.get('best-practices', 0):5.0f}"
                f" {fig.get('seo', 0):5.0f}"
            )


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
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=int(os.environ.get("BENCH_RUNS", "5")),
        help="Lighthouse runs per page and site, reported as medians (default $BENCH_RUNS or 5)",
    )
    parser.add_argument(
        "--skip", action="append", default=[], choices=["ratio", "weight", "search", "scale", "lighthouse", "print"]
    )
    parser.add_argument("--build-100x", action="store_true", help="also build the site at 100x (slow)")
    parser.add_argument(
        "--site",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="Lighthouse these built sites (variants of the handbook) instead of building one; repeatable",
    )
    parser.add_argument("--pages", help="comma-separated page types for Lighthouse (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "ratio" not in args.skip:
            bench_build_ratio(tmp, args.runs)
        if args.site:
            sites = {name: Path(path) for name, path in (s.split("=", 1) for s in args.site)}
            site = next(iter(sites.values()))
        else:
            site = tmp / "site"
            build(ROOT, site=site)
            sites = {"handbook": site}
        if "weight" not in args.skip:
            bench_weight(site)
        if "search" not in args.skip:
            bench_search_requests(site)
        if "scale" not in args.skip:
            bench_scale(tmp, (1, 10, 100) if args.build_100x else (1, 10))
        if "lighthouse" not in args.skip:
            pages = dict(LIGHTHOUSE_PAGES)
            if args.pages:
                wanted = [p.strip() for p in args.pages.split(",")]
                pages = {k: v for k, v in {**pages, **print_pages(site)}.items() if k in wanted}
            elif "print" not in args.skip:
                pages.update(print_pages(site))
            sites["stock Material"] = stock_material_site(tmp)
            bench_lighthouse(sites, args.lighthouse_runs, pages, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
