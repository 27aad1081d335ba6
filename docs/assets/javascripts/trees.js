/* Decision-tree stepper. Turns the linked sections that macros render (which work
   without JavaScript) into one question at a time. State lives in the URL
   fragment, #<tree>/<answer>/<answer>..., so back, reload and shared links
   return to the same step. Nothing is sent anywhere. No dependencies. on-demand.js loads
   it on the first page with a tree, so it may arrive after that page is shown. */
(function () {
  "use strict";

  // The stepper's own words, in the page's language (<html lang>: the Spanish client pages,
  // issue 17); the questions and answers are the page's own.
  var WORDS = {
    en: {
      path: "Your answers so far", back: "Back", restart: "Start over", change: "Change",
      changeLabel: "Change your answer to: ", question: "Question", outcome: "Outcome"
    },
    es: {
      path: "Sus respuestas hasta ahora", back: "Atrás", restart: "Empezar de nuevo", change: "Cambiar",
      changeLabel: "Cambiar su respuesta a: ", question: "Pregunta", outcome: "Resultado"
    }
  };
  function words() {
    return WORDS[(document.documentElement.lang || "en").slice(0, 2).toLowerCase()] || WORDS.en;
  }

  function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var id = root.dataset.tree, start = root.dataset.start, nodes = {}, say = words();
    root.querySelectorAll(".ott-node").forEach(function (el) {
      nodes[el.dataset.node] = {
        el: el,
        title: el.querySelector("h2").lastChild.textContent,
        answers: Array.prototype.map.call(el.querySelectorAll(".ott-answers a"), function (a) {
          return { label: a.textContent, next: a.dataset.next };
        })
      };
    });

    var ui = document.createElement("div");
    ui.className = "ott-stepper";
    ui.innerHTML =
      '<ol class="ott-path"></ol>' +
      '<p class="ott-live" aria-live="polite" role="status"></p>';
    ui.firstChild.setAttribute("aria-label", say.path);
    root.insertBefore(ui, root.querySelector(".ott-tree__nodes"));
    // Back and Start over sit under the current heading, so on a phone they are on screen
    // with the question (render moves them into the node shown).
    var controls = document.createElement("p");
    controls.className = "ott-controls";
    controls.innerHTML =
      '<button type="button" class="md-button" data-act="back"></button> ' +
      '<button type="button" class="md-button" data-act="restart"></button>';
    controls.firstChild.textContent = say.back;
    controls.lastChild.textContent = say.restart;
    root.classList.add("ott-tree--js");
    var pathList = ui.querySelector(".ott-path"), live = ui.querySelector(".ott-live");

    // Bring the heading and its controls into view below Material's sticky header, whose
    // height changes with the screen (and with tabs, if they are ever made sticky).
    function reveal(heading) {
      var top = 0;
      document.querySelectorAll(".md-header, .md-tabs").forEach(function (bar) {
        var style = getComputedStyle(bar);
        if (style.position === "sticky" || style.position === "fixed") top = Math.max(top, bar.getBoundingClientRect().bottom);
      });
      // Material's "Back to top" floats just below the header whenever the page last scrolled
      // up, as it does when the tree brings an earlier question back: keep the heading below it.
      var up = document.querySelector(".md-top");
      if (up && getComputedStyle(up).display !== "none") top = Math.max(top, up.getBoundingClientRect().bottom);
      heading.style.scrollMarginTop = Math.ceil(top + 8) + "px";
      var first = heading.getBoundingClientRect(), last = controls.getBoundingClientRect();
      if (first.top < top || last.bottom > window.innerHeight) heading.scrollIntoView({ block: "start" });
    }

    // Walk the answers in the fragment; stop at the first one that does not fit.
    function state() {
      var hash = decodeURIComponent(location.hash.slice(1)), steps = [], at = start, ok = true;
      if (hash.indexOf(id + "--") === 0 && nodes[hash.slice(id.length + 2)]) {
        return { at: hash.slice(id.length + 2), steps: [] };
      }
      if (hash.indexOf(id + "/") === 0) {
        hash.split("/").slice(1).forEach(function (part) {
          var answer = ok && /^\d+$/.test(part) && nodes[at].answers[+part];
          if (answer) {
            steps.push({ node: at, answer: +part });
            at = answer.next;
          } else ok = false;
        });
      }
      return { at: at, steps: steps };
    }

    // pushState, not location.hash: a new history entry for the back button, without a
    // hashchange that Material's own handlers would answer by moving focus away.
    function go(steps) {
      var hash = id + (steps.length ? "/" + steps.map(function (s) { return s.answer; }).join("/") : "");
      history.pushState(history.state, "", "#" + hash);
      render(true);
    }

    function render(moveFocus) {
      var s = state(), current = nodes[s.at];
      Object.keys(nodes).forEach(function (key) { nodes[key].el.hidden = key !== s.at; });
      pathList.innerHTML = "";
      s.steps.forEach(function (step, i) {
        var li = document.createElement("li"), node = nodes[step.node];
        li.innerHTML = "<span></span> <strong></strong> ";
        li.firstChild.textContent = node.title;
        li.children[1].textContent = node.answers[step.answer].label;
        var change = document.createElement("button");
        change.type = "button";
        change.className = "ott-change";
        change.textContent = say.change;
        change.setAttribute("aria-label", say.changeLabel + node.title);
        change.addEventListener("click", function () { go(s.steps.slice(0, i)); });
        li.appendChild(change);
        pathList.appendChild(li);
      });
      pathList.hidden = !s.steps.length;
      var heading = current.el.querySelector("h2");
      heading.after(controls);
      controls.querySelector('[data-act="back"]').disabled = !s.steps.length;
      var kind = current.answers.length ? say.question + " " + (s.steps.length + 1) : say.outcome;
      live.textContent = kind + ": " + current.title;
      if (moveFocus) heading.focus({ preventScroll: true });
      if (moveFocus || s.steps.length) reveal(heading);
    }

    // An answer or Start over is a link to this page's #tree--node: Material's instant
    // navigation, listening on the body, would push that address over the one go() pushed and
    // jump to the node's anchor (losing the answers so far), so the click stops here.
    root.addEventListener("click", function (event) {
      var link = event.target.closest(".ott-answers a"), act = event.target.closest("[data-act]");
      var restart = event.target.closest(".ott-restart a");
      if (link || restart) event.stopPropagation();
      if (link) {
        event.preventDefault();
        var s = state(), node = nodes[s.at], index = node.answers.findIndex(function (a) {
          return a.next === link.dataset.next && a.label === link.textContent;
        });
        go(s.steps.concat([{ node: s.at, answer: index }]));
      } else if (restart || (act && act.dataset.act === "restart")) {
        event.preventDefault();
        go([]);
      } else if (act && act.dataset.act === "back") {
        go(state().steps.slice(0, -1));
      }
    });
    // The answers look like buttons, so Space picks one too (a link alone only takes Enter).
    root.addEventListener("keydown", function (event) {
      var link = event.key === " " && event.target.closest(".ott-answers a, .ott-restart a");
      if (link) {
        event.preventDefault();
        link.click();
      }
    });
    window.addEventListener("hashchange", function () {
      if (document.body.contains(root)) render(true);
    });
    // The browser's Back and Forward: show the step and focus its question, as the tree's own
    // Back does (see refocusUntil below for what Material does next).
    window.addEventListener("popstate", function () {
      if (document.body.contains(root)) render(true);
    });
    root.ottFocus = function () { render(true); };
    render(Date.now() < refocusUntil);
  }

  // After a popstate, Material's instant navigation blurs the focused element, or swaps in the
  // page again, a few milliseconds later. For a second after it, focus that drops to nothing
  // goes back to the tree's shown question, and a tree set up afresh takes focus too.
  var refocusUntil = 0;
  window.addEventListener("popstate", function () { refocusUntil = Date.now() + 1000; });
  document.addEventListener("focusout", function (event) {
    if (event.relatedTarget || Date.now() > refocusUntil) return;
    setTimeout(function () {
      var tree = document.querySelector(".ott-tree");
      var lost = document.activeElement === null || document.activeElement === document.body;
      if (tree && tree.ottFocus && lost) tree.ottFocus();
    }, 0);
  }, true);

  function init() {
    document.querySelectorAll(".ott-tree").forEach(setup);
  }
  // Material's instant navigation swaps pages without a reload: it announces each
  // new page on document$. Without it, run once the page has loaded.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
