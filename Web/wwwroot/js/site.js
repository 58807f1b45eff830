// Small progressive enhancements only: every feature works without this file.
(() => {
  "use strict";
  // Move focus to a status message after a redirect so screen readers announce it.
  const status = document.querySelector(".status-message");
  if (status) {
    status.setAttribute("tabindex", "-1");
  }
})();
