// Small progressive enhancements only: every feature works without this file.
(() => {
  "use strict";

  // Inline reply: a copy of the discussion's comment box opens under the comment instead of on its own page.
  const source = document.querySelector("#comments form.comment-form");
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.reply-link");
    if (!link || !source) {
      return;
    }
    event.preventDefault();
    const id = link.dataset.commentId;
    const article = document.getElementById(`comment-${id}`);
    const existing = article.querySelector(":scope > .comment-form");
    if (existing) {
      existing.querySelector("textarea").focus();
      return;
    }
    document.querySelectorAll(".comment-body > .comment-form").forEach((form) => form.remove());
    const form = source.cloneNode(true);
    form.action = `/comments/${id}/reply`;
    form.querySelectorAll(".form-errors, .comment-preview").forEach((part) => part.remove());
    form.querySelector("button[value='post']").textContent = "Post reply";
    // A fresh key per reply box: each reply is its own comment, a double click of one is not.
    form.querySelector("input[name='Input.IdempotencyKey']").value = crypto.randomUUID();
    const prefix = `reply-${id}`;
    const textarea = form.querySelector("textarea");
    const label = form.querySelector("label");
    const hint = form.querySelector(".hint");
    textarea.value = "";
    textarea.textContent = "";
    textarea.id = `${prefix}-body`;
    label.htmlFor = textarea.id;
    hint.id = `${prefix}-hint`;
    textarea.setAttribute("aria-describedby", hint.id);
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "secondary";
    cancel.textContent = "Cancel";
    cancel.addEventListener("click", () => { form.remove(); link.focus(); });
    form.querySelector(".comment-actions").append(cancel);
    article.append(form);
    count(textarea);
    textarea.focus();
  });

  // Characters left in a comment box (the server checks the limit; this only tells the writer as they go).
  const count = (textarea) => {
    const counter = textarea.parentElement.querySelector(".char-count");
    if (!counter) {
      return;
    }
    const left = Number(textarea.dataset.maxLength) - textarea.value.trim().length;
    counter.hidden = false;
    counter.classList.toggle("over", left < 0);
    counter.textContent = left >= 0
      ? `${left.toLocaleString("en")} character${left === 1 ? "" : "s"} left`
      : `${(-left).toLocaleString("en")} character${left === -1 ? "" : "s"} over the limit`;
  };
  document.addEventListener("input", (event) => {
    if (event.target.matches("textarea[data-max-length]")) {
      count(event.target);
    }
  });
  document.querySelectorAll("textarea[data-max-length]").forEach(count);

  // "Show more comments": load the next page of threads in place.
  document.addEventListener("click", async (event) => {
    const link = event.target.closest("a.load-more[data-fragment]");
    if (!link) {
      return;
    }
    event.preventDefault();
    link.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(link.dataset.fragment, { credentials: "same-origin" });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const fragment = new DOMParser().parseFromString(await response.text(), "text/html");
      const list = document.querySelector("[data-comment-list]");
      fragment.querySelectorAll("ol.top-level > li").forEach((item) => list.append(document.adoptNode(item)));
      const next = fragment.querySelector("a.load-more");
      if (next) {
        link.href = next.getAttribute("href");
        link.dataset.fragment = next.dataset.fragment;
        link.removeAttribute("aria-busy");
      } else {
        link.remove();
      }
    } catch {
      // Fall back to the plain link.
      window.location.href = link.href;
    }
  });

  // A deadline given in the site's time zone also says when that is where the reader is.
  for (const time of document.querySelectorAll("time[data-local]")) {
    const at = new Date(time.getAttribute("datetime"));
    if (Number.isNaN(at.getTime())) {
      continue;
    }
    const yours = document.createElement("span");
    yours.className = "hint";
    yours.textContent = ` (your time: ${at.toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" })})`;
    time.after(yours);
  }
})();
