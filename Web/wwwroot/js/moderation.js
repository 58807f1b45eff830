// Keyboard shortcuts for the moderation queue, on top of buttons that work without JavaScript.
(() => {
  "use strict";
  const items = Array.from(document.querySelectorAll(".queue-item"));
  const help = document.getElementById("shortcut-help");
  let current = -1;

  const select = (index) => {
    if (items.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach((item, i) => item.classList.toggle("current", i === current));
    items[current].focus();
    items[current].scrollIntoView({ block: "nearest" });
  };

  const press = (action) => {
    const item = items[current];
    const button = item && item.querySelector(`button[data-action='${action}']`);
    if (button) {
      button.click();
    }
  };

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey
      || (target instanceof HTMLElement && target.closest("input, select, textarea"))) {
      return;
    }
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "a": press("approve"); break;
      case "f": press("feature"); break;
      case "r": {
        const reason = items[current] && items[current].querySelector("select[data-reason]");
        if (reason) {
          event.preventDefault();
          reason.focus();
        }
        break;
      }
      case "x": {
        const box = items[current] && items[current].querySelector("input[name='ids']");
        if (box) {
          box.checked = !box.checked;
          count();
        }
        break;
      }
      case "?": if (help) { help.hidden = !help.hidden; } break;
      default: return;
    }
  });

  // Select all, and the count of what is selected: without JavaScript the link reloads the page with every box ticked.
  const boxes = Array.from(document.querySelectorAll(".queue input[name='ids']"));
  const counter = document.querySelector("[data-selected-count]");
  const all = document.querySelector("[data-select-all]");
  const label = all ? all.textContent : "";
  const count = () => {
    const selected = boxes.filter((box) => box.checked).length;
    if (counter) {
      counter.textContent = `${selected} selected`;
    }
    if (all) {
      all.textContent = selected === boxes.length && boxes.length > 0 ? "Clear the selection" : label;
    }
  };
  boxes.forEach((box) => box.addEventListener("change", count));
  if (all) {
    all.addEventListener("click", (event) => {
      event.preventDefault();
      const every = boxes.some((box) => !box.checked);
      boxes.forEach((box) => { box.checked = every; });
      count();
    });
  }
  count();

  if (items.length > 0) {
    select(0);
  }
})();
