/* Small enhancements that templates ask for with data attributes, since the Content
   Security Policy allows no inline script (docs/production.md#security):
   - data-hubro-print: a hidden button that, when there is JavaScript, prints the page;
   - data-hubro-copy="ID": a hidden button that copies the field ID's value, and says
     so in the element named by data-hubro-copy-status, with data-hubro-copied as text;
   - data-hubro-open: a link to a folded <details> opens it on the way there (and an
     address ending in such an anchor opens it on arrival).
   Without JavaScript the buttons stay hidden and the page works as before.
   Also, for every page:
   - the main menu folds behind its button on narrow screens (data-hubro-menu-toggle);
     without JavaScript it stays open;
   - a menu group (details[data-hubro-disclosure]) closes when another opens, on Escape
     and on a click elsewhere;
   - a table that would be wider than its box becomes a list: each cell gets its
     column's heading as data-label, and hubro.css lays the rows out as cards. */
(function () {
  "use strict";

  function initMenu() {
    document.documentElement.classList.add("hubro-js");
    var toggle = document.querySelector("[data-hubro-menu-toggle]");
    var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (toggle && menu) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("hubro-header__menu--open", open);
      });
    }
    var groups = Array.prototype.slice.call(document.querySelectorAll("details[data-hubro-disclosure]"));
    groups.forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (!group.open) return;
        groups.forEach(function (other) {
          if (other !== group) other.open = false;
        });
      });
      group.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && group.open) {
          group.open = false;
          group.querySelector("summary").focus();
        }
      });
    });
    document.addEventListener("click", function (event) {
      groups.forEach(function (group) {
        if (group.open && !group.contains(event.target)) group.open = false;
      });
    });
  }

  function labelCells(table) {
    var headings = table.querySelectorAll("thead tr:last-child > th, thead tr:last-child > td");
    if (!headings.length) return false;
    var labels = Array.prototype.map.call(headings, function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody > tr, tfoot > tr").forEach(function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.children, function (cell) {
        if (!cell.hasAttribute("data-label")) cell.setAttribute("data-label", labels[column] || "");
        column += cell.colSpan || 1;
      });
    });
    return true;
  }

  function fitTables() {
    document.querySelectorAll("main table.ds-table:not(.hubro-timeline)").forEach(function (table) {
      table.classList.remove("hubro-table--stacked");
      var box = table.parentElement;
      if (!box) return;
      // Narrow screens make the table its own scroll box (hubro.css); wide ones do not.
      var room = Math.min(box.clientWidth, table.clientWidth || box.clientWidth);
      if (table.scrollWidth <= room + 1) return;
      if (labelCells(table)) table.classList.add("hubro-table--stacked");
    });
  }

  function initTables() {
    fitTables();
    var width = window.innerWidth;
    window.addEventListener("resize", function () {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      fitTables();
    });
    document.addEventListener("htmx:afterSettle", fitTables);
  }

  function openTarget(hash) {
    var target = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target && target.tagName === "DETAILS") target.open = true;
  }

  function init() {
    initMenu();
    initTables();
    document.querySelectorAll("a[data-hubro-open]").forEach(function (link) {
      link.addEventListener("click", function () {
        openTarget(link.hash);
      });
    });
    openTarget(window.location.hash);
    document.querySelectorAll("[data-hubro-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    if (!navigator.clipboard) return;
    document.querySelectorAll("[data-hubro-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-hubro-copy"));
      var status = document.getElementById(button.getAttribute("data-hubro-copy-status"));
      if (!field) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(
          function () {
            if (status) status.textContent = button.getAttribute("data-hubro-copied") || "";
          },
          function () {
            field.select();
          }
        );
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
