/* A searchable multi-select, by progressive enhancement of <select multiple
   data-hubro-multiselect> (hubro.core.widgets.SearchableSelectMultiple).

   The select stays in the form, hidden, and keeps the choices; in front of it come the
   chosen items (each a "remove" button) and an ARIA 1.2 combobox: a text field that
   filters a multi-selectable listbox. Keys: type to filter, Down/Up to move, Enter to
   choose or drop the active item, Home/End, Escape to close. The words come from the
   select's data attributes (translated by Django). No inline script (CSP). */
(function () {
  "use strict";

  var counter = 0;

  function text(select, name) {
    return select.getAttribute("data-" + name) || "";
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_m, key) {
      return values[key] === undefined ? "" : String(values[key]);
    });
  }

  function enhance(select) {
    counter += 1;
    var base = (select.id || "hubro-ms") + "-ms" + counter;
    var label = document.querySelector('label[for="' + select.id + '"]');
    var help = document.getElementById(select.id + "-help");

    var wrapper = document.createElement("div");
    wrapper.className = "hubro-ms";

    var chosenLabel = document.createElement("p");
    chosenLabel.className = "ds-paragraph";
    chosenLabel.setAttribute("data-size", "sm");
    chosenLabel.id = base + "-chosen-label";
    chosenLabel.textContent = text(select, "chosen") + ":";
    var chosen = document.createElement("ul");
    chosen.className = "hubro-ms__chosen";
    chosen.setAttribute("aria-labelledby", chosenLabel.id);

    var input = document.createElement("input");
    input.type = "text";
    input.className = "ds-input";
    input.id = base + "-input";
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", base + "-list");
    var described = [base + "-hint"];
    if (select.getAttribute("aria-describedby")) {
      described.push(select.getAttribute("aria-describedby"));
    }
    input.setAttribute("aria-describedby", described.join(" "));
    if (select.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", "true");

    var hint = document.createElement("p");
    hint.className = "ds-sr-only";
    hint.id = base + "-hint";
    hint.textContent = text(select, "hint");

    var list = document.createElement("ul");
    list.className = "hubro-ms__list";
    list.id = base + "-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-multiselectable", "true");
    list.hidden = true;

    var status = document.createElement("p");
    status.className = "ds-sr-only";
    status.setAttribute("aria-live", "polite");

    if (label) {
      label.htmlFor = input.id;
      if (!label.id) label.id = base + "-label";
      list.setAttribute("aria-labelledby", label.id);
    }
    if (help) help.textContent = text(select, "hint");

    wrapper.appendChild(chosenLabel);
    wrapper.appendChild(chosen);
    wrapper.appendChild(input);
    wrapper.appendChild(hint);
    wrapper.appendChild(list);
    wrapper.appendChild(status);
    select.parentNode.insertBefore(wrapper, select);
    select.hidden = true;
    select.tabIndex = -1;

    var options = Array.prototype.slice.call(select.options);
    var visible = [];
    var active = -1;

    function say(message) {
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = message;
      }, 50);
    }

    function renderChosen() {
      chosen.textContent = "";
      var any = false;
      options.forEach(function (option) {
        if (!option.selected) return;
        any = true;
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "ds-button";
        button.setAttribute("data-variant", "secondary");
        button.setAttribute("data-size", "sm");
        button.setAttribute("aria-label", text(select, "remove") + " " + option.text);
        button.textContent = option.text + " ×";
        button.addEventListener("click", function () {
          toggle(option);
          input.focus();
        });
        item.appendChild(button);
        chosen.appendChild(item);
      });
      if (!any) {
        var none = document.createElement("li");
        none.className = "hubro-muted";
        none.textContent = text(select, "none-chosen");
        chosen.appendChild(none);
      }
    }

    function setActive(index) {
      var items = list.querySelectorAll("[role=option]");
      items.forEach(function (item) {
        item.classList.remove("is-active");
      });
      active = index;
      if (index < 0 || index >= items.length) {
        active = -1;
        input.removeAttribute("aria-activedescendant");
        return;
      }
      items[index].classList.add("is-active");
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    }

    function renderList() {
      var query = input.value.trim().toLocaleLowerCase();
      list.textContent = "";
      visible = options.filter(function (option) {
        return !query || option.text.toLocaleLowerCase().indexOf(query) !== -1;
      });
      visible.forEach(function (option, index) {
        var item = document.createElement("li");
        item.id = base + "-option-" + index;
        item.className = "hubro-ms__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", option.selected ? "true" : "false");
        item.textContent = option.text;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the field
        });
        item.addEventListener("click", function () {
          toggle(option);
          setActive(index);
        });
        list.appendChild(item);
      });
      if (!visible.length) {
        var empty = document.createElement("li");
        empty.className = "hubro-ms__empty";
        empty.setAttribute("role", "presentation");
        empty.textContent = text(select, "no-match");
        list.appendChild(empty);
      }
      if (active >= visible.length) active = visible.length - 1;
      setActive(active);
    }

    function open() {
      if (!list.hidden) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      renderList();
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function toggle(option) {
      option.selected = !option.selected;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      renderChosen();
      if (!list.hidden) renderList();
      say(fill(text(select, option.selected ? "added" : "removed"), { name: option.text }));
    }

    input.addEventListener("input", function () {
      active = -1;
      if (list.hidden) open();
      else renderList();
      say(fill(text(select, "count"), { count: visible.length }));
    });
    input.addEventListener("keydown", function (event) {
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (list.hidden) open();
          setActive(Math.min(active + 1, visible.length - 1));
          break;
        case "ArrowUp":
          event.preventDefault();
          if (list.hidden) open();
          setActive(Math.max(active - 1, 0));
          break;
        case "Home":
          if (!list.hidden && visible.length) {
            event.preventDefault();
            setActive(0);
          }
          break;
        case "End":
          if (!list.hidden && visible.length) {
            event.preventDefault();
            setActive(visible.length - 1);
          }
          break;
        case "Enter":
          if (!list.hidden && active >= 0 && visible[active]) {
            event.preventDefault(); // choose, do not send the form
            toggle(visible[active]);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            event.preventDefault();
            close();
          }
          break;
        default:
          break;
      }
    });
    input.addEventListener("focus", open);
    input.addEventListener("click", open);
    wrapper.addEventListener("focusout", function (event) {
      if (!wrapper.contains(event.relatedTarget)) close();
    });

    renderChosen();
  }

  function init() {
    document.querySelectorAll("select[multiple][data-hubro-multiselect]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
