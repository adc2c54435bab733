/* The day view's timeline, enhanced: arrow keys move between the cells of a table
   (a roving tabindex), so that Tab leaves a table in one step instead of stopping at
   every half hour. Without this script every free half hour is an ordinary link in
   the Tab order, and the page works the same. */
(function () {
  "use strict";

  // The things one can move to in a row: a free cell's link, a busy or past cell
  // itself, and each link under "Ledige perioder". Each knows the columns it covers.
  function rowItems(row) {
    var items = [];
    var col = 0;
    Array.prototype.forEach.call(row.cells, function (cell) {
      if (cell.tagName === "TH") {
        col += cell.colSpan;
        return;
      }
      var span = cell.colSpan;
      if (cell.classList.contains("hubro-slot")) {
        var link = cell.querySelector("a");
        items.push({ el: link || cell, col: col, span: span });
      } else {
        cell.querySelectorAll("a").forEach(function (a, i) {
          items.push({ el: a, col: col + i, span: 1 });
        });
      }
      col += span;
    });
    return items;
  }

  function grid(table) {
    return Array.prototype.map.call(table.tBodies[0].rows, rowItems);
  }

  function locate(rows, el) {
    for (var r = 0; r < rows.length; r++) {
      for (var i = 0; i < rows[r].length; i++) {
        if (rows[r][i].el === el) return { r: r, i: i };
      }
    }
    return null;
  }

  // The item of a row that covers column ``col``, or the nearest one.
  function atColumn(items, col) {
    var best = null;
    var bestDistance = Infinity;
    items.forEach(function (item) {
      if (col >= item.col && col < item.col + item.span) {
        best = item;
        bestDistance = -1;
      } else if (bestDistance >= 0) {
        var distance = Math.min(Math.abs(col - item.col), Math.abs(col - (item.col + item.span - 1)));
        if (distance < bestDistance) {
          best = item;
          bestDistance = distance;
        }
      }
    });
    return best;
  }

  function moveTo(table, target) {
    if (!target) return;
    table.querySelectorAll("[data-roving]").forEach(function (el) {
      el.setAttribute("tabindex", "-1");
    });
    target.el.setAttribute("tabindex", "0");
    target.el.focus();
  }

  function setUp(table) {
    if (table.hasAttribute("data-timeline-ready")) return;
    var rows = grid(table);
    var first = null;
    rows.forEach(function (items) {
      items.forEach(function (item) {
        item.el.setAttribute("data-roving", "");
        item.el.setAttribute("tabindex", "-1");
        if (!first && item.el.tagName === "A") first = item;
      });
    });
    first = first || (rows[0] && rows[0][0]);
    if (!first) return;
    first.el.setAttribute("tabindex", "0");
    table.setAttribute("data-timeline-ready", "");
  }

  function setUpAll(root) {
    (root || document).querySelectorAll("table[data-timeline]").forEach(setUp);
    document.querySelectorAll("[data-timeline-hint]").forEach(function (hint) {
      hint.hidden = false;
    });
  }

  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if (!el.hasAttribute || !el.hasAttribute("data-roving")) return;
    if (event.altKey || event.metaKey || event.shiftKey) return;
    var table = el.closest("table[data-timeline]");
    var rows = grid(table);
    var at = locate(rows, el);
    if (!at) return;
    var items = rows[at.r];
    var here = items[at.i];
    var target = null;
    switch (event.key) {
      case "ArrowRight":
        target = items[at.i + 1];
        break;
      case "ArrowLeft":
        target = items[at.i - 1];
        break;
      case "ArrowDown":
        target = rows[at.r + 1] && atColumn(rows[at.r + 1], here.col);
        break;
      case "ArrowUp":
        target = rows[at.r - 1] && atColumn(rows[at.r - 1], here.col);
        break;
      case "Home":
        target = event.ctrlKey ? rows[0][0] : items[0];
        break;
      case "End":
        target = event.ctrlKey ? rows[rows.length - 1].slice(-1)[0] : items[items.length - 1];
        break;
      default:
        return;
    }
    event.preventDefault();
    moveTo(table, target);
  });

  // A click leaves the roving stop where the person was.
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (!el.hasAttribute || !el.hasAttribute("data-roving")) return;
    var table = el.closest("table[data-timeline]");
    if (el.getAttribute("tabindex") === "0") return;
    table.querySelectorAll("[data-roving]").forEach(function (other) {
      other.setAttribute("tabindex", "-1");
    });
    el.setAttribute("tabindex", "0");
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      setUpAll();
    });
  } else {
    setUpAll();
  }
  // htmx swaps in a new day (previous/next day): set up its tables too.
  document.addEventListener("htmx:load", function (event) {
    setUpAll(event.detail && event.detail.elt);
  });
  // Focus stays on the button that was pressed (htmx keeps it by its id), so say
  // which day is shown now, and keep the page title in step with the address.
  document.addEventListener("htmx:afterSettle", function (event) {
    var day = document.getElementById("day");
    if (!day || event.target !== day) return;
    if (day.dataset.title) document.title = day.dataset.title;
    var heading = document.getElementById("day-heading");
    var announcement = document.getElementById("day-announcement");
    if (heading && announcement) announcement.textContent = heading.textContent.trim();
  });
})();
