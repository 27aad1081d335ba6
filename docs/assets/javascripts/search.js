/* Site search: Pagefind's index (hooks/search.py writes it after the build), searched from
   Material's own search box and listed in Material's result markup, so it looks and works
   like Material's search (open with / or s or f, arrows, Enter, Esc).

   Why not Material's lunr search: see README ("Search") and `make bench-search`.
   overrides/partials/search.html renames the box's data-md-component hooks, so Material's
   bundle leaves the box alone (and no longer fetches its 1.2 MB index on every page load).
   Nothing loads until the reader hovers, focuses or opens the search box: then Pagefind's
   script, its WebAssembly (hooks/csp.py allows 'wasm-unsafe-eval' for it) and the words list
   for typo correction, all from this site. No request goes to another host.

   A query is searched as people type it: stop words ("my", "is it ok to") are dropped; pages
   holding more of the remaining words rank first, then by Pagefind's score; a word the site
   does not contain is corrected to the nearest word it does (the same word with its accents,
   or edit distance 1, or 2 for long words). No dependencies; ES2018.

   Languages (issue 17): Pagefind searches the index of the page's <html lang> (English, or
   Spanish on the client pages under es/), with that language's stemming; the words list, stop
   words, synonyms and this script's own messages follow the same language.

   Speed (issue 16: first results within 300 ms of the last keystroke): a reader types faster
   than a query of several words is answered (each word, each pair and each word as a phrase
   is a Pagefind search, and each result shown loads its page's fragment). So one query runs at
   a time; keystrokes while it runs leave only the latest query waiting, and a query a newer
   one has replaced stops before loading any fragment. Fragments load for the results shown
   only; when some results join others (shared wording) and more must load to fill the list,
   those already in are drawn first. `make bench` (2b) prints the times. */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : location.href); // the site's root
  var bundle = new URL("pagefind/", root).href;
  // Words a reader types that the pages of that language say otherwise. The English list is
  // for English pages only.
  var SYNONYMS = {
    en: {ex: "former", lcsw: "clinical social worker", lmft: "marriage family therapist",
      mft: "marriage family therapist", lpcc: "professional counselor", lpc: "professional counselor",
      // Words a reader uses for court that the pages say otherwise (readers' review, issue 13).
      testify: "testify testimony witness", deposition: "deposition subpoena testimony",
      lawyer: "lawyer attorney"},
    // Words Spanish-speaking readers type that the Spanish pages say otherwise ("mi ex
    // terapeuta": the pages say "cuando termina la terapia"; "tomar un café": "salir").
    es: {ex: "ex termina", novio: "novio romance", novia: "novia romance", whatsapp: "whatsapp mensajes",
      denunciar: "denunciar queja", denuncia: "denuncia queja", "café": "café salir", cafe: "cafe salir",
      // "una cita romántica": the pages say "romance" ("cita" is also the appointment).
      "romántica": "romántica romance", "romántico": "romántico romance", romantica: "romantica romance",
      romantico: "romantico romance"}
  };
  // This script's own messages; the box's placeholder and first line are Material's, in the
  // page's language already (overrides/partials/search.html).
  var TEXT = {
    en: {start: "Type to start searching", searching: "Searching…", none: "No matching pages",
      one: "1 matching page", many: "# matching pages",
      failed: "Search could not load. Reload the page to try again."},
    es: {start: "Teclee para comenzar búsqueda", searching: "Buscando…", none: "Ninguna página encontrada",
      one: "1 página encontrada", many: "# páginas encontradas",
      failed: "La búsqueda no se pudo cargar. Vuelva a cargar la página para intentarlo otra vez."}
  };
  var engines = {}; // language -> a promise of {pf, vocab, folded, list, stop, synonyms, joined, fixed}

  /* The page's language as Pagefind reads it (<html lang>), if the site has an index for it. */
  function language() {
    var lang = (document.documentElement.getAttribute("lang") || "en").slice(0, 2).toLowerCase();
    return TEXT[lang] ? lang : "en";
  }

  function fold(word) { return word.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }

  function load() {
    var lang = language();
    if (engines[lang]) return engines[lang];
    // Pagefind picks its index from <html lang> when it starts, once per copy of its module: a
    // second language (after instant navigation to a page in the other one) gets its own copy.
    var copy = Object.keys(engines).length ? "?" + lang : "";
    var words = lang === "en" ? "ott-words.json" : "ott-words." + lang + ".json";
    var engine = engines[lang] = Promise.all([
      import(bundle + "pagefind.js" + copy),
      fetch(bundle + words).then(function (r) {
        if (!r.ok) throw new Error(words + ": " + r.status);
        return r.json();
      })
    ]).then(function (parts) {
      var pf = parts[0], words = parts[1];
      return pf.options({basePath: bundle, baseUrl: root.pathname, excerptLength: 24}).then(function () {
        return pf.init();
      }).then(function () {
        var vocab = new Map(), folded = new Map();
        words.words.forEach(function (w, i) {
          vocab.set(w, words.counts[i]);
          var f = fold(w); // "despues" is how many type "después"
          if (f !== w && (!folded.has(f) || words.counts[i] > vocab.get(folded.get(f)))) folded.set(f, w);
        });
        return {pf: pf, vocab: vocab, folded: folded, list: words.words, stop: new Set(words.stop),
          synonyms: SYNONYMS[lang] || {}, joined: lang === "es", fixed: new Map()};
      });
    });
    engine.catch(function () { delete engines[lang]; });
    return engine;
  }

  function distance(a, b, max) { // Damerau-Levenshtein (optimal string alignment), capped
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function correct(word, e, last) {
    var key = (last ? "+" : "") + word;
    if (!e.fixed.has(key)) e.fixed.set(key, nearest(word, e, last)); // each word once, not per keystroke
    return e.fixed.get(key);
  }

  function nearest(word, e, last) {
    if (e.vocab.has(word) || /\d/.test(word)) return word;
    if (e.folded.has(word)) return e.folded.get(word);
    if (word.length < 4) return word;
    if (last && e.list.some(function (w) { return w.length > word.length && w.lastIndexOf(word, 0) === 0; }))
      return word; // still being typed: a prefix of a word on the site
    var max = word.length >= 8 ? 2 : 1, best = word, bestD = max + 1, bestN = 0;
    e.list.forEach(function (w) {
      var d = distance(word, w, max);
      var n = e.vocab.get(w);
      if (d < bestD || (d === bestD && d <= max && n > bestN)) { best = w; bestD = d; bestN = n; }
    });
    return bestD <= max ? best : word;
  }

  /* The words to search for: stop words dropped, synonyms added, typos corrected. */
  function terms(query, e) { return analyse(query, e).words; }

  /* {words, pairs}: the words to search for, and each two neighbours as a phrase. In English
     the two words side by side ("former client", "third party": English joins nouns so); in
     Spanish with the stop words typed between them ("cambiar de terapeuta", "junta de
     licencias": Spanish joins them with a preposition, which the page has too). Tried the
     Spanish way on English queries: "client in public" then ranked the clients' page first
     for "what to do if I see a client in public", a clinician's question. */
  function analyse(query, e) {
    var all = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    var keep = all.map(function (w) { return !e.stop.has(w); });
    if (keep.indexOf(true) < 0) keep = all.map(function () { return true; });
    var last = keep.lastIndexOf(true);
    var out = [], from = [];
    all.forEach(function (w, at) {
      if (!keep[at]) return;
      var fixed = e.synonyms[w] ? w : correct(w, e, at === last); // a known word is no typo
      (e.synonyms[fixed] || fixed).split(" ").forEach(function (t) {
        if (out.indexOf(t) < 0) { out.push(t); from.push(at); }
      });
    });
    var pairs = [];
    for (var i = 1; i < out.length; i++)
      pairs.push([out[i - 1]].concat(e.joined ? all.slice(from[i - 1] + 1, from[i]) : [], [out[i]]).join(" "));
    return {words: out, pairs: pairs};
  }

  /* Pages for `query`, best first: [{url, title, excerpt, sections: [{url, title, excerpt}]}]. */
  function search(query, limit) {
    return find(query, limit).then(function (found) { return found.results; });
  }

  /* {words, results} for `query`, or null as soon as `stale()` says a newer query replaced it.
     `early`, if given, is called with the results found so far when more fragments must still
     load (some results joined another as links under it), so a list can be drawn sooner. */
  function find(query, limit, stale, early) {
    limit = limit || 10;
    stale = stale || function () { return false; };
    return load().then(function (e) {
      if (stale()) return null;
      var asked = analyse(query, e), words = asked.words;
      if (!words.length) return {words: words, results: []};
      var pages = new Map(); // id -> {result, words: Set, score}
      var searches = words.map(function (w) { return e.pf.search(w); });
      if (words.length > 1) searches.push(e.pf.search(words.join(" ")));
      // Two words side by side on a page ("asked out", "third party") say more than the
      // same words apart: each pair is also searched as a phrase (see analyse), and a page
      // that has it adds that phrase's score to its own.
      var pairs = asked.pairs.map(function (phrase) { return e.pf.search('"' + phrase + '"'); });
      // Pagefind stems and matches prefixes, so "party" also finds "particular" and "ai" finds
      // "aid": each word is also searched on its own as a phrase, which finds only the word
      // itself, and among pages matching as many words, those holding more of them as typed
      // come first.
      var exact = words.map(function (w) { return e.pf.search('"' + w + '"'); });
      var all = searches.concat(pairs);
      return Promise.all(all.concat(exact)).then(function (found) {
        found.forEach(function (res, k) {
          var whole = k === words.length; // the search for all the words at once
          var pair = k > words.length && k < all.length;
          var typed = k >= all.length ? k - all.length : -1;
          res.results.forEach(function (r) {
            var p = pages.get(r.id);
            if (typed >= 0) { if (p) p.exact.add(typed); return; } // a bonus, never a new page
            p = p || {result: r, words: new Set(), exact: new Set(), score: 0};
            if (pair) p.score += 4 * r.score;
            else if (whole) p.score += r.score;
            else { p.words.add(k); p.score += r.score; }
            pages.set(r.id, p);
          });
        });
        if (stale()) return null;
        var ranked = Array.from(pages.values()).sort(function (a, b) {
          return (b.words.size - a.words.size) || (b.exact.size - a.exact.size) || (b.score - a.score);
        }).slice(0, 2 * limit);
        // The same passage on several pages (the six templates pages share their sample
        // wording) is listed once: the other pages join the first as links under it. Each
        // result loads its page's fragment, so only as many load as are shown: `limit`, then
        // more only if some joined another.
        var out = [], seen = new Map(), next = 0;
        function more() {
          if (stale()) return null;
          if (out.length >= limit || next >= ranked.length) return {words: words, results: out.slice(0, limit)};
          var batch = ranked.slice(next, next + limit - out.length);
          next += batch.length;
          return Promise.all(batch.map(function (p) { return p.result.data(); })).then(function (data) {
            data.forEach(add);
            if (early && out.length && out.length < limit && next < ranked.length && !stale())
              early({words: words, results: out.slice()});
            return more();
          });
        }
        function add(d) {
          var key = (d.excerpt || "").replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
          var title = (d.meta && d.meta.title) || d.url;
          if (key.length > 40 && seen.has(key)) {
            seen.get(key).sections.push({url: d.url, title: title, excerpt: ""});
            return;
          }
          var entry = {
            url: d.url, title: title, excerpt: d.excerpt,
            sections: (d.sub_results || []).filter(function (s) {
              return s.url !== d.url && s.title !== title; // not the page itself again
            }).slice(0, 3)
          };
          seen.set(key, entry);
          out.push(entry);
        }
        return more();
      });
    });
  }

  window.ottSearch = {load: load, search: search, terms: function (q) { return load().then(function (e) { return terms(q, e); }); }};

  /* ---- Material's search dialog ----------------------------------------------------------- */
  var box = document.querySelector("[data-ott-search]");
  if (!box) return;
  var toggle = document.getElementById("__search");
  var input = box.querySelector("[data-ott-search-query]");
  var output = box.querySelector("[data-ott-search-result]");
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var latest = 0; // the ticket of the latest query typed
  var running = false, waiting = null; // one query runs at a time; the latest typed waits

  function open() { if (toggle && !toggle.checked) toggle.click(); }
  function close() { if (toggle && toggle.checked) toggle.click(); input.blur(); }

  var ENTITIES = {amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0"};
  function unescape(text) {
    return text.replace(/<[^>]*>/g, "").replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, function (all, name) {
      if (name[0] === "#") {
        var hex = name[1] === "x" || name[1] === "X";
        try { return String.fromCodePoint(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)); } catch (e) { return all; }
      }
      return ENTITIES[name.toLowerCase()] || all;
    });
  }

  // A Pagefind excerpt: escaped text with <mark> around the matches. Built as text nodes and
  // <mark> elements, never parsed as HTML.
  function excerpt(html) {
    var p = document.createElement("p");
    html.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var marked = /^<mark>(.*)<\/mark>$/.exec(part);
      var text = unescape(marked ? marked[1] : part);
      if (!text) return;
      if (marked) { var m = document.createElement("mark"); m.textContent = text; p.appendChild(m); }
      else p.appendChild(document.createTextNode(text));
    });
    return p;
  }

  function link(url, title, text, words, documentLevel) {
    var a = document.createElement("a");
    var href = new URL(url, location.href);
    if (words.length) href.searchParams.set("h", words.join(" "));
    a.href = href.href;
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset" + (documentLevel ? " md-search-result__article--document" : "");
    if (documentLevel) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      article.appendChild(icon);
    }
    var h = document.createElement(documentLevel ? "h1" : "h2");
    h.textContent = title;
    article.appendChild(h);
    if (text) article.appendChild(excerpt(text));
    a.appendChild(article);
    a.addEventListener("click", function () { close(); });
    return a;
  }

  function render(query) {
    var ticket = ++latest;
    var text = TEXT[language()];
    if (!query.trim()) { waiting = null; meta.textContent = text.start; list.textContent = ""; return; }
    meta.textContent = text.searching;
    waiting = {query: query, ticket: ticket};
    if (!running) run();
  }

  function run() {
    var job = waiting;
    waiting = null;
    running = !!job;
    if (!job) return;
    var stale = function () { return job.ticket !== latest; };
    var text = TEXT[language()];
    // The first results are drawn as soon as their fragments are in (the count, which screen
    // readers announce, waits for the whole list): the rest follow below them.
    // A reader who has already arrowed into the early list keeps their place when the whole
    // list replaces it: the same result, or the one at the same place, gets the focus back.
    function draw(found, whole) {
      var was = Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
      var at = was.indexOf(document.activeElement);
      var href = at < 0 ? null : was[at].href;
      list.textContent = "";
      var n = found.results.length;
      if (whole) meta.textContent = n ? (n === 1 ? text.one : text.many.replace("#", n)) : text.none;
      found.results.forEach(function (r) {
        var li = document.createElement("li");
        li.className = "md-search-result__item";
        li.appendChild(link(r.url, r.title, r.excerpt, found.words, true));
        r.sections.forEach(function (s) { li.appendChild(link(s.url, s.title, s.excerpt, found.words, false)); });
        list.appendChild(li);
      });
      if (at < 0) return;
      var now = Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
      var same = now.filter(function (a) { return a.href === href; })[0];
      (same || now[Math.min(at, now.length - 1)] || input).focus();
    }
    find(job.query, 10, stale, function (found) { draw(found, false); }).then(function (found) {
      if (!found || stale()) return; // a newer query is on its way
      draw(found, true);
    }).catch(function () {
      if (!stale()) meta.textContent = text.failed;
    }).then(run);
  }

  function warm() { load(); }
  box.addEventListener("pointerenter", warm, {once: true});
  document.querySelectorAll("label[for='__search']").forEach(function (l) {
    l.addEventListener("pointerenter", warm, {once: true});
    l.addEventListener("click", function () { setTimeout(function () { input.focus(); }, 0); });
  });
  input.addEventListener("focus", function () { warm(); open(); });
  input.addEventListener("input", function () { render(input.value); });
  box.querySelector("form").addEventListener("submit", function (ev) { ev.preventDefault(); });
  box.querySelector("button[type=reset]").addEventListener("click", function () {
    setTimeout(function () { render(""); input.focus(); }, 0);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var active = document.activeElement;
    var typing = active && (/^(input|textarea|select)$/i.test(active.tagName) || active.isContentEditable);
    var opened = toggle && toggle.checked;
    if (!opened) {
      if (!typing && (ev.key === "/" || ev.key === "s" || ev.key === "f")) {
        ev.preventDefault();
        open();
        input.focus();
        input.select();
      }
      return;
    }
    var links = [input].concat(Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link")));
    var at = links.indexOf(active);
    if (ev.key === "Escape" || (ev.key === "Tab" && at <= 0 && !ev.shiftKey && links.length === 1)) {
      ev.preventDefault();
      close();
    } else if (ev.key === "Enter" && active === input) {
      ev.preventDefault();
      if (links[1]) links[1].click();
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      var next = at < 0 ? 0 : (at + (ev.key === "ArrowDown" ? 1 : -1) + links.length) % links.length;
      links[next].focus();
    }
  });

  /* Highlight the searched words on the page a result opens (Material's search.highlight did
     this for its own search); runs on every page, and after each instant navigation. */
  function highlight() {
    var words = new URL(location.href).searchParams.get("h");
    var article = document.querySelector("article.md-content__inner");
    if (!words || !article) return;
    var pattern = new RegExp("(" + words.split(/\s+/).filter(Boolean).map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")[\\p{L}]*", "giu");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (!pattern.test(node.data) || node.parentNode.closest("script, style, mark")) return;
      pattern.lastIndex = 0;
      var frag = document.createDocumentFragment(), last = 0, m;
      while ((m = pattern.exec(node.data))) {
        frag.appendChild(document.createTextNode(node.data.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        frag.appendChild(mark);
        last = m.index + m[0].length;
      }
      frag.appendChild(document.createTextNode(node.data.slice(last)));
      node.parentNode.replaceChild(frag, node);
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(highlight);
  else highlight();
})();
