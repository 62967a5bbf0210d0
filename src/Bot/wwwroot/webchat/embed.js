// Embeds the Hromada.Bot web chat on another site with one tag:
//   <script src="https://bot.example-hromada.gov.ua/webchat/embed.js" defer></script>
// It adds a button in the corner that opens the chat in a panel (an iframe served by the bot's host). The panel has a
// «Закрити» button; Escape closes it too (also while typing in the chat, which asks this page by postMessage), and
// focus goes back to the button. On a phone-sized screen (up to 480 px wide) the panel takes the whole screen, with
// its close button always in view, instead of covering part of the page. Styles are set through the DOM, not a
// <style> element, so a site whose Content-Security-Policy forbids inline styles can still embed it.
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var label = script.getAttribute("data-label") || "Подати пропозицію";
  var phone = window.matchMedia("(max-width: 480px)");
  var font = "600 16px system-ui,sans-serif";

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "hromada-chat-panel");
  button.style.cssText = "position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:48px;padding:0 20px;border:0;border-radius:24px;background:#0057b7;color:#fff;box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer";
  button.style.font = font;

  var panel = null;
  var frame = null;

  function layout() {
    if (!panel) { return; }
    var s = panel.style;
    s.position = "fixed"; s.zIndex = "2147483001"; s.display = panel.hidden ? "none" : "flex"; s.flexDirection = "column";
    s.background = "#fff"; s.overflow = "hidden";
    if (phone.matches) {
      s.top = "0"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.width = "100%"; s.height = "100%";
      s.border = "0"; s.borderRadius = "0"; s.boxShadow = "none";
    } else {
      s.top = "auto"; s.left = "auto"; s.right = "16px"; s.bottom = "76px";
      s.width = "min(400px, calc(100vw - 32px))"; s.height = "min(640px, calc(100vh - 96px))";
      s.border = "1px solid #ccd"; s.borderRadius = "12px"; s.boxShadow = "0 4px 16px rgba(0,0,0,.3)";
    }
    // On a phone the panel covers the launcher; the close button is the way back.
    button.style.display = phone.matches && !panel.hidden ? "none" : "";
  }

  function open() {
    if (!panel) {
      panel = document.createElement("div");
      panel.id = "hromada-chat-panel";
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-label", "Чат для подання пропозицій");
      var bar = document.createElement("div");
      bar.style.cssText = "display:flex;justify-content:flex-end;padding:4px;background:#0057b7";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Закрити ✕";
      close.setAttribute("aria-label", "Закрити чат");
      close.style.cssText = "min-height:44px;min-width:44px;padding:0 14px;border:0;border-radius:8px;background:#fff;color:#0b2e59;cursor:pointer";
      close.style.font = font;
      close.addEventListener("click", hide);
      bar.appendChild(close);
      frame = document.createElement("iframe");
      frame.src = origin + "/";
      frame.title = "Чат для подання пропозицій";
      frame.style.cssText = "flex:1;width:100%;border:0";
      panel.appendChild(bar);
      panel.appendChild(frame);
      document.body.appendChild(panel);
    }
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    layout();
    frame.focus();
  }

  function hide() {
    if (!panel || panel.hidden) { return; }
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    layout();
    button.focus();
  }

  button.addEventListener("click", function () {
    if (panel && !panel.hidden) { hide(); } else { open(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); }
  });
  // Escape pressed inside the chat: the frame is another origin, so it asks by message.
  window.addEventListener("message", function (e) {
    if (e.origin === origin && frame && e.source === frame.contentWindow && e.data && e.data.hromadaWebchat === "close") { hide(); }
  });
  if (phone.addEventListener) { phone.addEventListener("change", layout); }
  document.body.appendChild(button);
})();
