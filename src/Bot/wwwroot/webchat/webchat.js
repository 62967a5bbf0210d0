// Hromada.Bot web chat. Plain JavaScript, no build step, no external resources.
(function () {
  "use strict";
  // The session lives in this tab only (sessionStorage) and is forgotten after half an hour without use, so the next
  // person at a shared computer (a ЦНАП) does not see it. The conversation itself is kept by the server.
  var TOKEN_KEY = "hromada.webchat.token";
  var CURSOR_KEY = "hromada.webchat.cursor";
  var SEEN_KEY = "hromada.webchat.seen";
  var LOG_KEY = "hromada.webchat.log";
  var IDLE_MS = 30 * 60 * 1000;
  var POLL_MS = 20 * 1000;
  var log = document.getElementById("hb-log");
  var choices = document.getElementById("hb-choices");
  var form = document.getElementById("hb-form");
  var input = document.getElementById("hb-input");
  var send = document.getElementById("hb-send");
  var busy = false;
  var shown = {};
  var transcript = [];
  var firstNew = null;

  function store(key, value) {
    try { if (value === null) { sessionStorage.removeItem(key); } else { sessionStorage.setItem(key, value); } } catch (e) { /* storage off: the session ends with the page */ }
  }
  function load(key) { try { return sessionStorage.getItem(key); } catch (e) { return null; } }
  function token() { return load(TOKEN_KEY); }
  function cursor() { return parseInt(load(CURSOR_KEY) || "0", 10) || 0; }
  function touch() { store(SEEN_KEY, String(Date.now())); }
  function idle() { var seen = parseInt(load(SEEN_KEY) || "0", 10); return !seen || Date.now() - seen > IDLE_MS; }
  function forget() { store(TOKEN_KEY, null); store(CURSOR_KEY, null); store(SEEN_KEY, null); store(LOG_KEY, null); shown = {}; transcript = []; }
  function remember(who, text) { transcript.push({ who: who, text: text }); store(LOG_KEY, JSON.stringify(transcript.slice(-200))); }

  function linkify(el, text) {
    var parts = text.split(/(https?:\/\/[^\s)]+)/g);
    parts.forEach(function (part, i) {
      if (i % 2 === 1) {
        var a = document.createElement("a");
        a.href = part; a.textContent = part; a.target = "_blank"; a.rel = "noopener";
        el.appendChild(a);
      } else if (part) {
        // A reference number (P-2026-00001) stays on one line.
        part.split(/(P-\d{4}-\d{5})/g).forEach(function (bit, j) {
          if (j % 2 === 1) {
            var ref = document.createElement("span");
            ref.className = "hb-ref"; ref.textContent = bit;
            el.appendChild(ref);
          } else if (bit) {
            el.appendChild(document.createTextNode(bit));
          }
        });
      }
    });
  }

  function add(who, text, replay) {
    if (!replay) { remember(who, text); }
    var div = document.createElement("div");
    div.className = "hb-msg " + (who === "me" ? "hb-me" : "hb-bot");
    var label = document.createElement("span");
    label.className = "hb-visually-hidden";
    label.textContent = who === "me" ? "Ви: " : "Бот: ";
    div.appendChild(label);
    linkify(div, text);
    log.appendChild(div);
    if (who === "me") { firstNew = null; } else if (!firstNew) { firstNew = div; }
    keepInView();
  }

  // The newest message at the bottom, unless that scrolls the beginning of the bot's answer (the greeting with the
  // consultation's title and deadline, a long summary) out of view: then the answer's first line stays at the top.
  function keepInView() {
    var bottom = log.scrollHeight - log.clientHeight;
    log.scrollTop = firstNew ? Math.min(bottom, firstNew.offsetTop - 8) : bottom;
  }

  function showChoices(list) {
    choices.innerHTML = "";
    list.forEach(function (c) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = c.label;
      b.addEventListener("click", function () { choose(c); });
      choices.appendChild(b);
    });
    // The buttons take room from the log: keep the answer in view.
    keepInView();
  }

  // Messages from the outbox carry an id and a part: each is shown once, however often the server sends it again.
  function render(messages, current) {
    var last = null;
    (messages || []).forEach(function (m) {
      if (m.id) { var key = m.id + ":" + (m.part || 0); if (shown[key]) { return; } shown[key] = true; }
      // The question already on screen with new ticks: only its buttons change, no new bubble (the short line the
      // other chats show instead is not needed here).
      if (m.updates && lastShown()) { last = m; return; }
      add("bot", m.text); last = m;
    });
    if (current) {
      var previous = last || lastShown();
      if (!previous || previous.text !== current.text) { add("bot", current.text); }
      last = current;
    }
    if (!last) { return; }
    var list = last.choices || [];
    showChoices(list);
    if (list.length > 0) { choices.firstChild.focus(); } else { input.focus(); }
  }

  function lastShown() {
    var bot = transcript.filter(function (m) { return m.who === "bot"; });
    return bot.length ? bot[bot.length - 1] : null;
  }

  function advance(reply) {
    if (reply && typeof reply.lastId === "number" && reply.lastId > cursor()) { store(CURSOR_KEY, String(reply.lastId)); }
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function request(method, url, body) {
    var headers = { "X-Chat-Client": "widget" };
    if (token()) { headers["X-Chat-Session"] = token(); }
    if (body) { headers["Content-Type"] = "application/json"; }
    return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, cache: "no-store" }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { var err = new Error(json.title || ("HTTP " + r.status)); err.status = r.status; throw err; }
        return json;
      });
    });
  }

  function setBusy(value) { busy = value; send.disabled = value; }

  function showError(text) {
    var d = document.createElement("div"); d.className = "hb-error"; d.setAttribute("role", "alert"); d.textContent = text; log.appendChild(d);
  }

  function post(body, echo) {
    if (busy) { return; }
    if (idle()) { forget(); }
    var ready = token() ? Promise.resolve() : start();
    setBusy(true);
    ready.then(function () {
      if (echo) { add("me", echo); }
      showChoices([]);
      touch();
      body.clientMessageId = uuid();
      var attempt = function (n) {
        body.after = cursor();
        return request("POST", "/api/webchat/messages", body)
          .catch(function (e) { if (n > 0 && !(e.status >= 400 && e.status < 500)) { return new Promise(function (ok) { setTimeout(ok, 1000); }).then(function () { return attempt(n - 1); }); } throw e; });
      };
      return attempt(2).then(function (reply) {
        render(reply.messages); advance(reply);
        if (reply.pending) { setTimeout(poll, 1500); }
      });
    }).catch(function (e) { showError("Не вдалося надіслати: " + e.message + ". Спробуйте ще раз."); })
      .then(function () { setBusy(false); });
  }

  function poll() {
    if (!token() || document.hidden) { return Promise.resolve(); }
    return request("GET", "/api/webchat/updates?after=" + cursor()).then(function (reply) { render(reply.messages); advance(reply); })
      .catch(function () { /* offline for a moment: the next poll tries again */ });
  }

  function choose(c) { post({ choice: c.value }, c.label); }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { input.focus(); return; }
    input.value = "";
    post({ text: text }, text);
  });

  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit")); }
  });

  // Shown by embed.js in a panel on another site: Escape closes that panel (the site cannot hear keys pressed in here).
  if (window.parent !== window) {
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { window.parent.postMessage({ hromadaWebchat: "close" }, "*"); }
    });
  }

  function start() {
    forget();
    log.innerHTML = ""; firstNew = null;
    return request("POST", "/api/webchat/sessions", {}).then(function (s) {
      store(TOKEN_KEY, s.token);
      touch();
      render(s.messages);
    });
  }

  document.getElementById("hb-restart").addEventListener("click", function () {
    start().catch(function (e) { showError("Чат зараз недоступний (" + e.message + "). Спробуйте пізніше."); });
  });

  // A reload in the same tab: what the bot sent and the page did not show yet, then the current question again.
  function resume() {
    touch();
    try { transcript = JSON.parse(load(LOG_KEY) || "[]"); } catch (e) { transcript = []; }
    transcript.forEach(function (m) { add(m.who, m.text, true); });
    return request("GET", "/api/webchat/session?after=" + cursor()).then(function (r) {
      render(r.messages, r.current); advance(r);
    }).catch(function (e) {
      if (e.status === 400) { return start(); }
      throw e;
    });
  }

  setInterval(poll, POLL_MS);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { poll(); } });

  (token() && !idle() ? resume() : start()).catch(function (e) {
    showError("Чат зараз недоступний (" + e.message + "). Спробуйте пізніше.");
  });
})();
