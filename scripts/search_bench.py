"""`make bench-search`: every query of tests/search_queries.yaml through each search engine,
in one run on one build. Figures, not a test.

The site is built once. Each engine then answers every query in Chromium, served from
127.0.0.1 with gzip (as GitHub Pages serves it):

- material: Material's own search worker and index exactly as Material 9 ships them (the
  worker the search box talks to; its results in the order the search box lists them).
- material-tuned: the same worker and documents with Material's recommended separator, the
  stemmer and trimmer back in the pipeline, and a query rewrite before the worker (stop
  words dropped, every word but the last matched whole, typo tolerance for long words), and
  the same passage on several pages listed once (as search.js does for Pagefind).
- pagefind: the Pagefind index of the built site, queried with Pagefind's JS API, with the
  same stop words dropped and typo fallback (docs/assets/javascripts/search.js; what the site
  runs, if that file exists).

Printed per engine: queries with an expected page in the top three, the failing queries
(top three shown), the bytes a first query downloads (gzip, everything the engine fetched
from a cold start: script, worker, wasm, index), and the time from the query to its result
list (median over the queries, and the cold first query). `--keep DIR` leaves the build.
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
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "search_queries.yaml"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "OTT_SEARCH_KEEP_LUNR": "1"}
ENV.pop("SITE_URL", None)
CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
TUNED_SEPARATOR = r"""[\s\-,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])"""


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]


class _Gzip(SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (GitHub Pages does so); records the
    bytes sent for each path, so a first query's download can be summed."""

    sent: dict[str, int] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        packed = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(packed)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(packed)
        _Gzip.sent[self.path.split("?")[0]] = len(packed)


# English, as the queries are: Pagefind searches the index of the page's <html lang> (the site
# also has a Spanish one, issue 17).
BENCH_PAGE = "<!doctype html><html lang=en><meta charset=utf-8><title>search bench</title><body>"

# Each engine is a JS object with setup() and run(query) -> {pages, ms}; `window.ENGINE` is it.
MATERIAL_JS = r"""
(async ({worker, index, tuned, separator, stop}) => {
  const data = await (await fetch(index)).json();
  if (tuned) {
    data.config.separator = separator;
    data.config.pipeline = ["trimmer", "stopWordFilter", "stemmer"];
  }
  const w = new Worker(worker);
  let resolve;
  w.onmessage = (ev) => resolve && resolve(ev.data);
  const send = (msg) => new Promise((r) => { resolve = r; w.postMessage(msg); });
  const STOP = new Set(stop);
  const rewrite = (q) => {
    const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter((x) => !STOP.has(x));
    if (!words.length) return q;
    return words.map((x, i) => {
      const out = [i === words.length - 1 ? x : x + "^1"];
      if (x.length >= 8) out.push(x + "~2"); else if (x.length >= 5) out.push(x + "~1");
      return out.join(" ");
    }).join(" ");
  };
  window.ENGINE = {
    setup: () => send({type: 0, data: {...data, options: {suggest: true}}}),
    run: async (q) => {
      const t = performance.now();
      const res = await send({type: 2, data: tuned ? rewrite(q) : q});
      const ms = performance.now() - t;
      const pages = [], seen = new Set();
      for (const group of res.data.items) {
        const loc = group[0].location.split("#")[0];
        // Tuned: the same passage on several pages listed once, as search.js does.
        const key = (group[0].text || "").replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim().slice(0, 300);
        if (tuned && key.length > 40 && seen.has(key)) continue;
        seen.add(key);
        if (!pages.includes(loc)) pages.push(loc);
      }
      return {pages, ms};
    },
  };
})
"""

PAGEFIND_JS = r"""
(async ({bundle, glue}) => {
  if (glue) {  // the site's own search.js, as every page loads it
    await new Promise((ok, fail) => {
      const s = document.createElement("script");
      s.src = glue; s.onload = ok; s.onerror = fail;
      document.head.appendChild(s);
    });
    const mod = window.ottSearch;
    window.ENGINE = {
      setup: () => mod.load(),
      run: async (q) => {
        const t = performance.now();
        const results = await mod.search(q, 5);
        return {pages: results.map((r) => r.url), ms: performance.now() - t};
      },
    };
    return;
  }
  const pf = await import(bundle + "pagefind.js");
  window.ENGINE = {
    setup: () => pf.init(),
    run: async (q) => {
      const t = performance.now();
      const found = await pf.search(q);
      const data = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
      return {pages: data.map((d) => d.url), ms: performance.now() - t};
    },
  };
})
"""


def build(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"build failed:\n{result.stderr}")


def relative(url: str, origin: str) -> str:
    url = url.split("#")[0].split("?")[0]
    if url.startswith(origin):
        url = url[len(origin) :]
    return url.lstrip("/")


def stop_words() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from hooks.search import STOP_WORDS

    return sorted(STOP_WORDS)


def run_engine(browser, origin: str, name: str, setup_js: str, args: dict, queries: list[dict]) -> dict:  # noqa: ANN001
    context = browser.new_context()
    page = context.new_page()
    page.goto(origin + "bench.html")
    _Gzip.sent.clear()
    page.evaluate(setup_js, args)
    cold = page.evaluate(
        """async (q) => { const t = performance.now(); await ENGINE.setup(); const r = await ENGINE.run(q);
           return {ms: performance.now() - t, pages: r.pages}; }""",
        queries[0]["q"],
    )
    first = {path: size for path, size in _Gzip.sent.items() if not path.endswith("bench.html")}
    first_bytes = sum(first.values())
    first_files = sorted(first)
    code = sum(size for path, size in first.items() if path.endswith((".js", ".pagefind")))
    results = []
    for query in queries:
        got = page.evaluate("(q) => ENGINE.run(q)", query["q"])
        pages = [relative(p, origin) for p in got["pages"]]
        ok = bool(set(query["expect"]) & set(pages[:3]))
        results.append({"query": query, "pages": pages, "ok": ok, "ms": got["ms"]})
    context.close()
    return {
        "name": name,
        "results": results,
        "cold_ms": cold["ms"],
        "first_bytes": first_bytes,
        "first_files": first_files,
        "first_code": code,
    }


BOX_JS = r"""
async (q) => {
  const box = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  box.focus();
  box.value = q.slice(0, -1);
  const done = new Promise((ok) => {
    const seen = new MutationObserver(() => {
      if (/matching page/.test(meta.textContent)) { seen.disconnect(); ok(performance.now()); }
    });
    seen.observe(meta, {childList: true, characterData: true, subtree: true});
  });
  meta.textContent = "";
  const t = performance.now();  // the last keystroke
  box.value = q;
  box.dispatchEvent(new InputEvent("input", {bubbles: true, data: q.slice(-1)}));
  return (await done) - t;
}
"""


def time_site_box(browser, origin: str, queries: list[dict]) -> dict:  # noqa: ANN001
    """The site's own search box on a real page: from the last keystroke to the result list
    drawn. Cold: a fresh page, nothing loaded yet (the reader focuses and types at once)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(origin + "situations/online/", wait_until="networkidle")
    cold = page.evaluate(BOX_JS, queries[0]["q"])
    warm = [page.evaluate(BOX_JS, query["q"]) for query in queries]
    context.close()
    return {"cold": cold, "median": statistics.median(warm), "max": max(warm)}


def report(run: dict) -> None:
    results = run["results"]
    hits = sum(r["ok"] for r in results)
    print(f"\n== {run['name']}: {hits}/{len(results)} queries find an expected page in the top three")
    by_kind: dict[str, list[bool]] = {}
    for r in results:
        by_kind.setdefault(r["query"]["kind"], []).append(r["ok"])
    print("   by kind: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_kind.items())))
    print(
        f"   first query downloads {run['first_bytes'] / 1024:.1f} KiB gzip ({len(run['first_files'])} files): "
        f"index {(run['first_bytes'] - run['first_code']) / 1024:.1f} KiB, engine code {run['first_code'] / 1024:.1f} KiB"
    )
    times = [r["ms"] for r in results]
    print(
        f"   time to results: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms; cold first query (download and setup) {run['cold_ms']:.0f} ms"
    )
    for r in results:
        if not r["ok"]:
            print(f"   FAIL {r['query']['q']!r}: top {r['pages'][:3]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write every result to this file")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    tmp = Path(tempfile.mkdtemp(prefix="search-bench-"))
    site = args.keep or tmp / "site"
    try:
        print(f"building the site once into {site} ...", flush=True)
        build(site)
        if not (site / "pagefind" / "pagefind.js").is_file():  # the site does not index itself yet
            subprocess.run([sys.executable, "-m", "hooks.search", str(site)], cwd=ROOT, env=ENV, check=True)
        (site / "bench.html").write_text(BENCH_PAGE, encoding="utf-8")
        worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
        lunr_index = site / "search" / "search_index.json"
        if not lunr_index.is_file() or b'"docs":[]' in lunr_index.read_bytes()[:400]:
            sys.exit("the build has no full Material index (OTT_SEARCH_KEEP_LUNR=1 keeps it)")
        glue = site / "assets" / "javascripts" / "search.js"
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Gzip, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        stop = stop_words()
        print(f"{len(queries)} queries; Chromium {CHROMIUM}; served with gzip from {origin}")
        runs = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            material = {
                "worker": "/" + str(worker.relative_to(site)),
                "index": "/search/search_index.json",
                "separator": TUNED_SEPARATOR,
                "stop": stop,
            }
            runs.append(
                run_engine(browser, origin, "material (as shipped)", MATERIAL_JS, {**material, "tuned": False}, queries)
            )
            runs.append(
                run_engine(browser, origin, "material-tuned", MATERIAL_JS, {**material, "tuned": True}, queries)
            )
            runs.append(
                run_engine(
                    browser,
                    origin,
                    "pagefind (default API)",
                    PAGEFIND_JS,
                    {"bundle": "/pagefind/", "glue": None},
                    queries,
                )
            )
            if glue.is_file():
                runs.append(
                    run_engine(
                        browser,
                        origin,
                        "pagefind + site glue (search.js)",
                        PAGEFIND_JS,
                        {"bundle": "/pagefind/", "glue": "/assets/javascripts/search.js"},
                        queries,
                    )
                )
            box = time_site_box(browser, origin, queries) if glue.is_file() else None
            browser.close()
        server.shutdown()
        for run in runs:
            report(run)
        if box:
            print(
                f"\nthe site's search box (Pagefind + search.js), last keystroke to results drawn: "
                f"median {box['median']:.1f} ms, max {box['max']:.1f} ms; "
                f"cold (first query on a fresh page, engine and index loading) {box['cold']:.0f} ms"
            )
        print("\n| engine | top-3 hits | first query download (gzip) | median time to results | cold first query |")
        print("|---|---|---|---|---|")
        for run in runs:
            hits = sum(r["ok"] for r in run["results"])
            med = statistics.median(r["ms"] for r in run["results"])
            print(
                f"| {run['name']} | {hits}/{len(run['results'])} | {run['first_bytes'] / 1024:.1f} KiB | {med:.1f} ms | {run['cold_ms']:.0f} ms |"
            )
        if args.json:
            args.json.write_text(json.dumps(runs, indent=1, default=str), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
