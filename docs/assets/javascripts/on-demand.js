/* trees.js and licences.js, only on the pages that need them (issue 16). Material's instant
   navigation does not load a new page's scripts, so this checks every page it shows
   (document$) and adds each script once; they subscribe to document$, which replays the
   current page to them. If trees.js fails to load, overrides/main.html drops "ott-js". */
(function () {
  "use strict";
  // The scripts sit beside this file (the 404 page links them from the site's root).
  var here = document.currentScript ? document.currentScript.src : location.href;

  function saved() {
    try {
      return !!localStorage.getItem("ott-licences");
    } catch (e) {
      return false; // no storage, so no saved choice
    }
  }
  // Where each is needed; scripts/measure.py ON_DEMAND repeats this for the page weights.
  var scripts = [
    { file: "trees.js", needed: function () { return !!document.querySelector(".ott-tree"); } },
    { file: "licences.js", needed: function () { return !!document.getElementById("ott-licences") || saved(); } }
  ];

  function check() {
    scripts.forEach(function (script) {
      if (script.added || !script.needed()) return;
      script.added = true;
      var el = document.createElement("script");
      el.src = new URL(script.file, here).href;
      el.async = false; // in the order above, as when the page linked them
      document.head.appendChild(el);
    });
  }

  // As in trees.js: Material announces each page on document$; without it, run once loaded.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(check);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
  else check();
})();
