// Embeds the Hromada.Bot web chat on another site with one tag:
//   <script src="https://bot.example-hromada.gov.ua/webchat/embed.js" defer></script>
// It adds a button in the corner that opens the chat in a panel (an iframe served by the bot's host).
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var label = script.getAttribute("data-label") || "Подати пропозицію";
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:48px;padding:0 20px;border:0;border-radius:24px;background:#0057b7;color:#fff;font:600 16px system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer";
  var frame = null;
  button.addEventListener("click", function () {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = origin + "/";
      frame.title = "Чат для подання пропозицій";
      frame.style.cssText = "position:fixed;right:16px;bottom:76px;z-index:2147483000;width:min(400px,calc(100vw - 32px));height:min(640px,calc(100vh - 96px));border:1px solid #ccd;border-radius:12px;background:#fff;box-shadow:0 4px 16px rgba(0,0,0,.3)";
      document.body.appendChild(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    button.setAttribute("aria-expanded", String(!frame.hidden));
    if (!frame.hidden) { frame.focus(); }
  });
  document.body.appendChild(button);
})();
