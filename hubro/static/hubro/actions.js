/* Small enhancements that templates ask for with data attributes, since the Content
   Security Policy allows no inline script (docs/production.md#security):
   - data-hubro-print: a hidden button that, when there is JavaScript, prints the page;
   - data-hubro-copy="ID": a hidden button that copies the field ID's value, and says
     so in the element named by data-hubro-copy-status, with data-hubro-copied as text.
   - data-hubro-whole-day="{weekday: [opens, closes]}" on a booking form: the "whole
     opening day" box and the Fra/Til times follow each other (ticking the box sets the
     day's opening hours; other times untick it; a new date keeps a whole day whole).
   - data-hubro-places around a radio group "place" and blocks marked
     data-hubro-place="hub online ...": only the blocks for the chosen kind of place show.
   Without JavaScript the buttons stay hidden and the page works as before. */
(function () {
  "use strict";

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

  function init() {
    document.querySelectorAll("[data-hubro-places]").forEach(places);
    document.querySelectorAll("form[data-hubro-whole-day]").forEach(wholeDay);
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
