/* "My profession and licences". On apply/my-licences/ it runs the form: the credentials
   ticked are kept in this browser's localStorage (key "ott-licences"), never sent, and the
   rules they bring are shown topic by topic, with the strictest waiting period named (the
   same reasoning as macros/render/licences.py). On every page, when a choice is saved, an
   element with data-code whose code (or section) binds the reader gets the class ott-yours
   and a "Binds you" badge, and lists ([data-ott-reorder], table bodies) show those first.
   With no choice saved it does nothing. No dependencies. */
(function () {
  "use strict";
  var KEY = "ott-licences";
  var config = document.getElementById("__config");
  var base;
  try {
    base = new URL(JSON.parse(config.textContent).base + "/", location.href).href;
  } catch (e) {
    base = new URL("/", location.href).href;
  }
  var chooserUrl = base + "apply/my-licences/";

  function load() {
    try {
      var v = JSON.parse(localStorage.getItem(KEY) || "null");
      return v && v.v === 1 && v.ids && v.ids.length && v.binds ? v : null;
    } catch (e) {
      return null;
    }
  }
  function store(v) {
    try {
      localStorage.setItem(KEY, JSON.stringify(v));
      return true;
    } catch (e) {
      return false;
    }
  }
  function forget() {
    try {
      localStorage.removeItem(KEY);
    } catch (e) { /* storage unavailable: nothing was kept */ }
  }

  function covers(binds, code, anchor) {
    var b = binds[code];
    return b === "*" || (!!b && !!anchor && b.indexOf(anchor) >= 0);
  }
  function join(names) {
    if (names.length <= 2) return names.join(" and ");
    return names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
  }
  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  // --- the chooser ------------------------------------------------------------

  // A number of years; "never" and "no-end" (no point after which the rule stops applying)
  // above every number; "" (no period recorded) and "after" (what applies after another
  // rule's wait) are not ranked.
  function rank(wait) {
    if (wait === "never" || wait === "no-end") return Infinity;
    return wait && wait !== "after" ? +wait : null;
  }
  var MINIMUM = "A wait is a minimum, not a permission: following the strictest meets the others only on how long " +
    "to wait, and what each rule says still applies after its wait applies too.";

  function verdict(section, shown) {
    var p = section.querySelector(".ott-verdict"), notes = section.querySelector(".ott-caveats");
    var waiting = section.dataset.comparesWaiting === "yes";
    var after = [];
    if (waiting) {
      var anchors = shown.map(function (li) { return li.dataset.anchor; });
      after = shown.filter(function (li) { return li.dataset.partOf && anchors.indexOf(li.dataset.partOf) >= 0; });
      shown = shown.filter(function (li) { return after.indexOf(li) < 0; });
    }
    var codes = shown.map(function (li) { return li.dataset.ruleCode; })
      .filter(function (c, i, all) { return all.indexOf(c) === i; });
    if (codes.length < 2 && !(waiting && shown.length > 1)) {
      p.hidden = true;
      if (notes) notes.hidden = true;
      return;
    }
    function name(li) { return li.dataset.name; }
    function named(li) { return name(li) + " (" + li.dataset.period + ")"; }
    var kind = "differ", strict = [], parts = [];
    if (waiting) {
      var ranked = shown.filter(function (li) { return rank(li.dataset.wait) !== null; });
      var unranked = shown.filter(function (li) { return rank(li.dataset.wait) === null; }).map(name);
      if (ranked.length) {
        var top = Math.max.apply(null, ranked.map(function (li) { return rank(li.dataset.wait); }));
        strict = ranked.filter(function (li) { return rank(li.dataset.wait) === top; });
        var shorter = ranked.filter(function (li) { return rank(li.dataset.wait) !== top; });
        var label = strict[0].dataset.period, names = strict.map(name);
        var which = top === Infinity ? join(strict.map(named)) : join(names) + " (" + label + ")";
        if (shorter.length) {
          kind = "waiting";
          var others = join(shorter.map(named));
          parts.push("Strictest: " + which + ".");
          parts.push(top === Infinity
            ? "No number of years ends it, so it outlasts " + others + "."
            : "Waiting " + label + " also waits out " + others + ".");
        } else if (strict.length > 1) {
          kind = "agree";
          parts.push(top === Infinity
            ? "None of these rules has an end point: " + which + "."
            : "All set a minimum of " + label + ": " + join(names) + ".");
        } else { // one period stated, beside rules that state none: nothing to rank it against
          strict = [];
          parts.push(names[0] + " " + (top === Infinity ? label : "sets " + label) + ".");
        }
        var unchecked = (strict.length ? strict : []).filter(function (li) { return li.dataset.confirmed !== "yes"; }).map(name);
        if (unchecked.length) {
          parts.push("The wording of " + join(unchecked) + " is not fully checked: read the code itself before relying on it.");
        }
      }
      if (after.length) {
        var single = after.length === 1;
        parts.push("After that, " + join(after.map(name)) + " still " + (single ? "applies" : "apply") + ", as " +
          (single ? "its rule" : "their rules") + " below " + (single ? "records" : "record") + ".");
      }
      if (unranked.length) {
        var one = unranked.length === 1;
        parts.push(join(unranked) + (one ? " states" : " state") + " no waiting period, so " +
          (one ? "it" : "they") + " cannot be ranked: meet " + (one ? "it" : "them") + " as well.");
      }
      parts.push(MINIMUM);
    } else {
      parts.push("These rules come from " + codes.length + " codes and laws, and this handbook cannot rank them: meet each of them.");
    }
    p.dataset.verdict = kind;
    p.dataset.strictest = kind === "differ" ? "" : strict.map(function (li) { return li.dataset.anchor; }).join(" ");
    p.querySelector("strong").textContent =
      kind === "differ" ? "The rules differ." : kind === "agree" ? "They agree." : "Which is strictest.";
    p.querySelector(".ott-verdict__text").textContent = parts.join(" ");
    p.hidden = false;
    if (notes) notes.hidden = false;
  }

  function setupChooser(form) { // form: the #ott-licences block
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    // The checkboxes and the button need this script, so it makes them.
    each(form.querySelectorAll(".ott-licences__choice"), function (choice) {
      var box = document.createElement("input"), label = document.createElement("label");
      var text = choice.querySelector(".ott-licences__label"), hint = choice.querySelector(".ott-licences__hint");
      box.type = "checkbox";
      box.name = "credential";
      box.id = "ott-choice-" + choice.dataset.id;
      box.value = choice.dataset.id;
      box.dataset.binds = choice.dataset.binds;
      box.dataset.label = choice.dataset.label;
      if (hint) box.setAttribute("aria-describedby", hint.id);
      label.htmlFor = box.id;
      label.textContent = text.textContent;
      choice.replaceChild(label, text);
      choice.insertBefore(box, label);
    });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.setAttribute("data-forget", "");
    button.textContent = "Forget my choice";
    form.querySelector(".ott-licences__actions").appendChild(button);
    form.hidden = false;
    // This script runs, so the words for readers without it go; the combination links stay.
    each(document.querySelectorAll(".ott-licences__nojs-only"), function (el) { el.hidden = true; });
    each(document.querySelectorAll(".ott-licences__js-only"), function (el) { el.hidden = false; });
    var names = JSON.parse(form.dataset.names || "{}");
    var boxes = form.querySelectorAll("input[name=credential]");
    var results = document.querySelector(".ott-my-rules");
    var status = form.querySelector(".ott-licences-status");
    var saved = load();
    if (saved) each(boxes, function (box) { box.checked = saved.ids.indexOf(box.value) >= 0; });

    function chosen() {
      return Array.prototype.filter.call(boxes, function (box) { return box.checked; }).map(function (box) {
        return { id: box.value, label: box.dataset.label, binds: JSON.parse(box.dataset.binds) };
      });
    }
    // The choice as stored: the ids, and what they bind now (so other pages need no data).
    function choice(list) {
      var binds = {}, shown = {};
      list.forEach(function (c) {
        Object.keys(c.binds).forEach(function (code) {
          var b = c.binds[code], have = binds[code];
          binds[code] = b === "*" || have === "*" ? "*" : (have || []).concat(b);
          shown[code] = names[code] || code;
        });
      });
      return { v: 1, ids: list.map(function (c) { return c.id; }), binds: binds, names: shown };
    }
    function show(list) {
      if (!results) return;
      results.hidden = !list.length;
      each(results.querySelectorAll("[data-topic]"), function (section) {
        var shown = [];
        each(section.querySelectorAll(".ott-rule"), function (li) {
          var through = list.filter(function (c) { return covers(c.binds, li.dataset.ruleCode, li.dataset.anchor); });
          li.hidden = !through.length;
          if (!through.length) return;
          shown.push(li);
          var line = li.querySelector(".ott-rule__through"), strong = document.createElement("strong");
          strong.textContent = "Binds you through:";
          line.textContent = "";
          line.appendChild(strong);
          line.appendChild(document.createTextNode(" " + through.map(function (c) { return c.label; }).join("; ") + "."));
        });
        section.hidden = !shown.length;
        if (shown.length) verdict(section, shown);
      });
    }
    function update(message) {
      var list = chosen();
      if (list.length) {
        var ok = store(choice(list));
        status.textContent = message || (ok
          ? "Saved in this browser only. Nothing was sent."
          : "This browser does not let the page keep your choice; the rules below are shown for now only.");
      } else {
        forget();
        status.textContent = message || "Nothing is ticked, so nothing is kept.";
      }
      show(list);
    }
    form.addEventListener("change", function () { update(); });
    form.querySelector("[data-forget]").addEventListener("click", function () {
      each(boxes, function (box) { box.checked = false; });
      update("Your choice is forgotten: nothing about it is kept in this browser now.");
    });
    if (saved) {
      var list = chosen();
      if (list.length) store(choice(list)); // refresh what the choice binds from this build's data
      else forget();
      show(list);
    }
  }

  // --- every page: mark the reader's codes --------------------------------------

  function anchorOf(el) {
    if (el.dataset.anchor) return el.dataset.anchor;
    if (el.id) return el.id;
    var a = el.matches("a[href*='#']") ? el : el.querySelector("a[href*='#']");
    return a ? decodeURIComponent(a.hash.slice(1)) : "";
  }

  function note(before, codes, saved) {
    var previous = before.previousElementSibling;
    if (previous && previous.classList.contains("ott-yours-note")) {
      codes.forEach(function (c) { if (previous.dataset.codes.split(" ").indexOf(c) < 0) previous.dataset.codes += " " + c; });
      codes = previous.dataset.codes.split(" ");
      previous.firstChild.textContent = "Showing your codes first (" + codes.map(function (c) { return saved.names[c] || c; }).join(", ") + "). ";
      return;
    }
    var p = document.createElement("p"), a = document.createElement("a");
    p.className = "ott-yours-note";
    p.dataset.codes = codes.join(" ");
    p.textContent = "Showing your codes first (" + codes.map(function (c) { return saved.names[c] || c; }).join(", ") + "). ";
    a.href = chooserUrl;
    a.textContent = "Change your choice";
    p.appendChild(a);
    before.parentNode.insertBefore(p, before);
  }

  function mark(saved) {
    each(document.querySelectorAll("[data-code]"), function (el) {
      if (el.classList.contains("ott-yours") || (el.parentElement && el.parentElement.closest(".ott-yours"))) return;
      if (!covers(saved.binds, el.dataset.code, anchorOf(el))) return;
      el.classList.add("ott-yours");
      var badge = document.createElement("span");
      badge.className = "ott-binds-you";
      badge.textContent = "Binds you";
      if (el.tagName === "TR") el.cells[0].appendChild(badge);
      else if (el.tagName === "A") el.parentNode.insertBefore(badge, el.nextSibling);
      else el.insertBefore(badge, el.firstChild);
    });
    // A [data-ott-reorder] container is the list itself, or holds the lists (a title, then a <ul>).
    var lists = [];
    each(document.querySelectorAll("[data-ott-reorder]"), function (box) {
      if (box.querySelector(":scope > [data-code]") || /^(UL|OL|TBODY)$/.test(box.tagName)) lists.push([box, box]);
      else each(box.querySelectorAll("ul, ol, tbody"), function (list) { lists.push([list, box]); });
    });
    each(document.querySelectorAll("tbody"), function (body) {
      if (body.querySelector(":scope > tr.ott-yours") && !lists.some(function (l) { return l[0] === body; })) {
        lists.push([body, body.closest(".ott-compare") || body.closest("table")]);
      }
    });
    lists.forEach(function (pair) {
      var list = pair[0], box = pair[1];
      var items = Array.prototype.slice.call(list.children), mine = [], codes = [];
      items.forEach(function (item) {
        var yours = item.classList.contains("ott-yours") ? [item] : Array.prototype.slice.call(item.querySelectorAll(".ott-yours"));
        if (!yours.length) return;
        mine.push(item);
        yours.forEach(function (y) { if (codes.indexOf(y.dataset.code) < 0) codes.push(y.dataset.code); });
      });
      if (!mine.length) return;
      // Stable: the reader's items first, in their order, then the rest, in theirs.
      mine.concat(items.filter(function (item) { return mine.indexOf(item) < 0; })).forEach(function (item) {
        list.appendChild(item);
      });
      // A list inside a closed disclosure ("More codes and laws") is not what a reader sees
      // first: the reader's items move to the top of the box's first list outside it.
      var disclosure = list.closest("details");
      var visible = disclosure && box !== list && Array.prototype.filter.call(box.querySelectorAll("ul, ol"), function (l) {
        return !l.closest("details");
      })[0];
      if (visible) {
        var moved = visible.querySelectorAll(":scope > .ott-yours").length;
        var first = visible.children[moved] || null; // after the reader's items already there
        mine.forEach(function (item) { visible.insertBefore(item, first); });
        var left = list.children.length, summary = disclosure.querySelector("summary");
        if (!left) disclosure.hidden = true;
        else if (summary) summary.textContent = summary.textContent.replace(/\(\d+\)(:.*)?$/, "(" + left + ")");
      }
      note(box, codes, saved);
    });
  }

  function init() {
    var form = document.getElementById("ott-licences");
    if (form) setupChooser(form);
    var saved = load();
    if (saved) mark(saved);
  }

  // Material's instant navigation swaps pages without a reload and announces each new page
  // on document$; without it, run once the page has loaded.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
