/* Small enhancements that templates ask for with data attributes, since the Content
   Security Policy allows no inline script (docs/production.md#security):
   - data-hubro-print: a hidden button that, when there is JavaScript, prints the page;
   - data-hubro-copy="ID": a hidden button that copies the field ID's value, and says
     so in the element named by data-hubro-copy-status, with data-hubro-copied as text;
   - data-hubro-open: a link to a folded <details> opens it on the way there (and an
     address ending in such an anchor opens it on arrival).
   - data-hubro-whole-day="{weekday: [opens, closes]}" on a booking form: the "whole
     opening day" box and the Fra/Til times follow each other (ticking the box sets the
     day's opening hours; other times untick it; a new date keeps a whole day whole).
   - data-hubro-places around a radio group "place" and blocks marked
     data-hubro-place="hub online ...": only the blocks for the chosen kind of place show.
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
      // A table without headings to label its cells stays a scroll box: keyboard users
      // must be able to reach and scroll it.
      else if (!table.hasAttribute("tabindex")) table.setAttribute("tabindex", "0");
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
    // A table in folded <details> has no width until it is opened.
    document.addEventListener(
      "toggle",
      function (event) {
        if (event.target.open) fitTables();
      },
      true
    );
  }

  function wholeDay(form) {
    var hours = {};
    try {
      hours = JSON.parse(form.getAttribute("data-hubro-whole-day") || "{}");
    } catch (error) {
      return;
    }
    var box = form.querySelector("input[name=whole_day]");
    var start = form.querySelector("input[name=start]");
    var end = form.querySelector("input[name=end]");
    var date = form.querySelector("input[name=date]");
    if (!box || !start || !end || !date) return;
    function dayHours() {
      var parts = (date.value || "").split("-");
      if (parts.length !== 3) return null;
      var day = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
      return hours[String((day.getDay() + 6) % 7)] || null;
    }
    function fill() {
      var open = dayHours();
      if (!open) return;
      start.value = open[0];
      end.value = open[1];
    }
    function follow() {
      var open = dayHours();
      box.checked = Boolean(open) && start.value === open[0] && end.value === open[1];
    }
    box.addEventListener("change", function () {
      if (box.checked) fill();
    });
    start.addEventListener("change", follow);
    end.addEventListener("change", follow);
    date.addEventListener("change", function () {
      if (box.checked) fill();
    });
    if (box.checked) fill();
    else if (start.value && end.value) follow();
  }

  function places(group) {
    var radios = group.querySelectorAll("input[type=radio][name=place]");
    var blocks = group.querySelectorAll("[data-hubro-place]");
    function show() {
      var chosen = group.querySelector("input[type=radio][name=place]:checked");
      blocks.forEach(function (block) {
        var kinds = (block.getAttribute("data-hubro-place") || "").split(" ");
        block.hidden = Boolean(chosen) && kinds.indexOf(chosen.value) === -1;
      });
    }
    radios.forEach(function (radio) {
      radio.addEventListener("change", show);
    });
    show();
  }

  function openTarget(hash) {
    var target = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target && target.tagName === "DETAILS") target.open = true;
  }

  function init() {
    initMenu();
    initTables();
    document.querySelectorAll("[data-hubro-places]").forEach(places);
    document.querySelectorAll("form[data-hubro-whole-day]").forEach(wholeDay);
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
