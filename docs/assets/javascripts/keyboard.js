/* Outside the Office: the header's menu and search buttons by keyboard.

   Material draws them as <label>s for hidden checkboxes, which Tab never reaches. On a phone,
   or a desktop zoomed to phone width, a keyboard user could not open the navigation (the
   closed drawer is hidden, so its links are out of the Tab order: handbook.css). Each label
   becomes focusable and named, and opens with Enter or Space; opening the drawer moves
   focus to its first link. No dependencies; ES2015. */
(function () {
  "use strict";

  // In the page's language (the Spanish client pages are <html lang="es">; a switch of
  // language loads a new page, so the header is always the page's own).
  var NAMES = document.documentElement.lang === "es"
    ? { __drawer: "Abrir el menú", __search: "Buscar" }
    : { __drawer: "Open the navigation", __search: "Search" };

  function setup() {
    Object.keys(NAMES).forEach(function (id) {
      var label = document.querySelector('label.md-header__button[for="' + id + '"]');
      if (!label || label.hasAttribute("tabindex")) return;
      // No role: ARIA allows none on a <label> (axe's aria-allowed-role), nor aria-label
      // (aria-prohibited-attr, which Lighthouse reports). The name is a title, as on Material's
      // own palette toggle (also a label): browsers name a label from its title, not from
      // text inside it (Chromium's accessibility tree gave hidden text no name); tooltips.js
      // shows it as a tooltip on hover and focus. It is set after Material has mounted the
      // header (below), as when Material's own tooltips took the titles the header held then.
      label.setAttribute("tabindex", "0");
      if (!label.hasAttribute("title")) label.setAttribute("title", NAMES[id]);
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault(); // no page scroll on Space
        // Chromium also clicks a focused label on Enter: toggle only if nothing else did, and
        // tell Material (it watches the checkbox's "change").
        var box = document.getElementById(id), before = box.checked;
        setTimeout(function () {
          if (box.checked === before) {
            box.checked = !before;
            box.dispatchEvent(new Event("change"));
          }
          if (id !== "__drawer") return;
          setTimeout(function () {
            var first = document.querySelector(".md-sidebar--primary a[href]");
            if (box.checked && first) first.focus();
          }, 300); // once the drawer has slid in and is visible (handbook.css)
        }, 0);
      });
    });
  }

  // The header is not swapped by Material's instant navigation, so once is enough: after the
  // first page Material announces (document$), once its own subscribers, which mount the
  // header, have run; without Material's bundle, once the page is parsed.
  var once = function () {
    once = function () {};
    setTimeout(setup, 0);
  };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(function () { once(); });
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
