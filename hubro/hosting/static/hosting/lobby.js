// The lobby screen refreshes its content every minute. When the address has been
// renewed or turned off (any answer but 200), it stops showing the hub at once.
(() => {
  const screen = () => document.getElementById("screen");
  const gone = document.body.dataset.gone || "";
  const every = 60 * 1000;
  async function refresh() {
    let response;
    try {
      response = await fetch(window.location.pathname + "?del=innhold", {
        cache: "no-store",
        credentials: "omit",
        headers: { "X-Requested-With": "fetch" },
      });
    } catch (error) {
      return; // offline for a moment: keep what is shown and try again
    }
    const current = screen();
    if (!current) return;
    if (!response.ok) {
      const message = document.createElement("main");
      message.id = "screen";
      message.className = "lobby";
      const text = document.createElement("p");
      text.textContent = gone;
      message.append(text);
      current.replaceWith(message);
      return;
    }
    const html = await response.text();
    const next = new DOMParser().parseFromString(html, "text/html").getElementById("screen");
    if (next) current.replaceWith(next);
  }
  window.setInterval(refresh, every);
})();
