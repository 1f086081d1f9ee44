/* kwsite: sortable tables, on top of tablesort (vendor/tablesort, MIT, from the npm registry).
 *
 * Which tables: the larger generated ones (the indicator overview, the tables with a row per
 * college, the activity and status tables) with at least MIN_ROWS rows. A last row "Totaal…"
 * stays at the bottom; a table with subtotal rows between the others is left unsorted (its
 * order groups the rows). Without JavaScript the tables stay as they are.
 *
 * What this adds to tablesort: a real <button> in each column header (tablesort itself makes
 * the <th> focusable, which a screen reader does not announce as something to press), so a
 * header is reached with Tab and sorts with Enter or Space; the sort state is in aria-sort on
 * the header (set by tablesort) and is announced in a live region ("Gesorteerd op Nulmeting,
 * oplopend"); Dutch numbers ("1.731", "6,7 (2017)", "38%", "€ 7,0 mln": a number, a unit and
 * remarks in brackets) sort as numbers, other text
 * in Dutch order with numbers in it counted ("2a" before "10a"); a cell without a value
 * ("geen gegevens") always comes last.
 */
(function () {
  "use strict";
  var SELECTOR = "table.kw-overview, table.kw-data-table, table.kw-activities, table.kw-status-table";
  var MIN_ROWS = 5;
  var TOTAL = /^Totaal\b/;
  var MISSING = /^(geen gegevens|–|-|)$/;
  var NUMBER = /^[-+]?(?:€\s?)?(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s?%|\s?mln)?(?:\s*\(.*\))*$/;
  var EMPTY = "kw-leeg"; // data-sort of a cell without a value (tablesort reads an empty one as "use the text")
  var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });
  var direction = "ascending"; // of the sort being made; read by the compare functions

  function value(cell) {
    return (cell.textContent || "").replace(/\s+/g, " ").trim();
  }

  function number(text) {
    var m = NUMBER.exec(text);
    if (!m) return null;
    var sign = text.charAt(0) === "-" ? -1 : 1;
    return sign * parseFloat(m[1].replace(/\./g, "").replace(",", "."));
  }

  // tablesort sorts with compare(a, b) "largest first" and reverses for ascending: a missing
  // value is made the smallest or the largest so that it ends up last either way.
  function missingLast(a, b) {
    var ma = a === EMPTY, mb = b === EMPTY;
    if (ma && mb) return 0;
    if (ma || mb) return (ma ? -1 : 1) * (direction === "ascending" ? 1 : -1);
    return null;
  }

  window.Tablesort.extend("kw-getal", function () { return false; }, function (a, b) {
    var m = missingLast(a, b);
    return m !== null ? m : parseFloat(b) - parseFloat(a);
  });
  window.Tablesort.extend("kw-tekst", function () { return false; }, function (a, b) {
    var m = missingLast(a, b);
    return m !== null ? m : collator.compare(b, a);
  });

  function prepare(table) {
    var body = table.tBodies[0];
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!body || !head || table.dataset.kwSortable) return;
    var rows = Array.prototype.slice.call(body.rows);
    var totals = rows.filter(function (r) { return r.cells[0] && TOTAL.test(value(r.cells[0])); });
    var last = rows[rows.length - 1];
    if (totals.some(function (r) { return r !== last; })) return; // subtotals between the rows: their order means something
    if (rows.length - totals.length < MIN_ROWS) return;
    table.dataset.kwSortable = "1";
    if (totals.length) last.setAttribute("data-sort-method", "none"); // the total stays at the bottom
    Array.prototype.forEach.call(head.cells, function (th, col) {
      var texts = rows.map(function (r) { return r.cells[col] ? value(r.cells[col]) : ""; });
      var filled = texts.filter(function (t) { return !MISSING.test(t); });
      var numeric = filled.length > 0 && filled.every(function (t) { return number(t) !== null; });
      rows.forEach(function (r, i) {
        if (!r.cells[col]) return;
        var t = texts[i];
        r.cells[col].setAttribute("data-sort", MISSING.test(t) ? EMPTY : numeric ? String(number(t)) : t);
      });
      th.setAttribute("data-sort-method", numeric ? "kw-getal" : "kw-tekst");
    });
    var status = document.createElement("p");
    status.className = "kw-sr-only";
    status.setAttribute("role", "status");
    (table.closest(".kw-table-wrap") || table).insertAdjacentElement("afterend", status);
    window.Tablesort(table);
    Array.prototype.forEach.call(head.cells, function (th) {
      th.removeAttribute("tabindex"); // the button is the one place to press
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kw-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.stopPropagation(); // the click that follows sorts; tablesort's own Enter handler would sort twice
      });
      button.addEventListener("click", function () {
        direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      }); // runs before tablesort's handler on the <th>, which sorts
    });
    table.addEventListener("afterSort", function () {
      var th = table.querySelector("thead th[aria-sort]");
      if (!th) return;
      var order = th.getAttribute("aria-sort") === "ascending" ? "oplopend" : "aflopend";
      status.textContent = "Gesorteerd op " + value(th) + ", " + order + ".";
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), prepare);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // Material, also after instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
