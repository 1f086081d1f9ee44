/* kwsite: a visible cue on every table or chart wider than its column.
 *
 * Every table sits in a named region that scrolls sideways (.kw-table-wrap, kwsite/regions.py); so does
 * every chart (.kw-chart-wrap), which keeps 488 px on a phone so its text stays legible.
 * kwsite.css always gives such a region a shadow at the side where more columns are hidden (no
 * script needed). This script adds words: when the table is wider than its region, the region
 * gets the class kw-wide and shows "Breder dan de kolom: schuif → voor meer kolommen" above the
 * table ("… voor de hele grafiek" above a chart); scrolled to the end it says "← schuif terug …". It runs again
 * when the window or the region changes size. Without JavaScript the shadow remains.
 */
(function () {
  "use strict";
  var WRAP = ".kw-table-wrap, .kw-chart-wrap";

  function update(wrap) {
    var hidden = wrap.scrollWidth - wrap.clientWidth;
    wrap.classList.toggle("kw-wide", hidden > 1);
    wrap.classList.toggle("kw-wide-end", hidden > 1 && wrap.scrollLeft >= hidden - 1);
  }

  function start() {
    var wraps = Array.prototype.slice.call(document.querySelectorAll(WRAP));
    var observer = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { update(entry.target); });
    }) : null;
    wraps.forEach(function (wrap) {
      update(wrap);
      wrap.addEventListener("scroll", function () { update(wrap); }, { passive: true });
      if (observer) { observer.observe(wrap); }
    });
    window.addEventListener("resize", function () { wraps.forEach(update); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
