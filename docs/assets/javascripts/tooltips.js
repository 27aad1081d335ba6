/* Outside the Office: tooltips for anything with a title (a citation's rule, an abbreviation,
   a header button), shown on hover and on keyboard focus, in Material's tooltip style.

   Material's own (the content.tooltips feature) mounts a component on every titled element
   when a page loads: a chapter has about 90 of them, which cost 70 ms of main-thread time on
   a phone at 4x CPU slowdown before the reader could do anything (issue 16). This listens
   once, on the document, and builds a tooltip only for the element the reader points at or
   tabs to, so it costs nothing at load and works on pages instant navigation brings in.

   As Material's: the tooltip is Material's markup and classes (.md-tooltip2, role=tooltip),
   below the element, centred on it. Under the pointer, the element's title moves into it (no
   second, native tooltip) and the element is described by it (aria-describedby). On keyboard
   focus the title stays where it is: it may be the element's only name (the header's buttons,
   keyboard.js), and browsers show no native tooltip on focus. Unlike Material's, Escape
   dismisses it (WCAG 2.2, 1.4.13). No dependencies; ES2015. */
(function () {
  "use strict";

  var tip = null; // { host, title, node, moved }
  var hideTimer = 0;
  var sequence = 0;

  function hostOf(target) {
    var el = target && target.closest ? target.closest("[title]") : null;
    if (!el || el === document.documentElement || el.hasAttribute("data-preview")) return null;
    if (el.closest(".md-tooltip2")) return null;
    return el.getAttribute("title") ? el : null;
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!tip) return;
    var gone = tip;
    tip = null;
    if (gone.moved) {
      gone.host.setAttribute("title", gone.title);
      gone.host.removeAttribute("aria-describedby");
    }
    gone.node.classList.remove("md-tooltip2--active");
    setTimeout(function () { gone.node.remove(); }, 250); // Material's fade-out
  }

  function show(host, hovered) {
    clearTimeout(hideTimer);
    if (tip && tip.host === host) return;
    hide();
    var title = host.getAttribute("title");
    var node = document.createElement("div");
    var inner = document.createElement("div");
    node.className = "md-tooltip2 md-tooltip2--bottom";
    node.setAttribute("role", "tooltip");
    node.id = "__ott_tooltip_" + sequence++;
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = title;
    node.appendChild(inner);
    if (hovered) {
      host.removeAttribute("title");
      host.setAttribute("aria-describedby", node.id);
    }
    document.body.appendChild(node);
    tip = { host: host, title: title, node: node, moved: hovered };
    var box = host.getBoundingClientRect();
    node.style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    node.style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    node.style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    node.style.setProperty("--md-tooltip-y", 8 + box.height + "px");
    node.style.setProperty("--md-tooltip-width", inner.getBoundingClientRect().width + "px");
    node.style.setProperty("--md-tooltip-tail", "0px");
    // In the next frame, so it fades in as Material's does.
    requestAnimationFrame(function () {
      if (tip && tip.node === node) node.classList.add("md-tooltip2--active");
    });
  }

  function later() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 100);
  }

  document.addEventListener("mouseover", function (event) {
    var host = hostOf(event.target) || (tip && tip.host.contains(event.target) ? tip.host : null);
    if (host) show(host, true);
    else if (tip && !tip.host.contains(event.target) && !tip.host.contains(document.activeElement)) later();
  });
  document.addEventListener("focusin", function (event) {
    var host = hostOf(event.target);
    if (host) show(host, false);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (tip && tip.host.contains(event.target) && !tip.host.matches(":hover")) later();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tip) hide();
  });
  // A new page (instant navigation) or a resize: the host has gone or moved.
  window.addEventListener("resize", hide);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(hide);
})();
