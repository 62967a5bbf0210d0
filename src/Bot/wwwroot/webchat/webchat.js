// Hromada.Bot web chat. Plain JavaScript, no build step, no external resources.
(function () {
  "use strict";
  var TOKEN_KEY = "hromada.webchat.token";
  var LOG_KEY = "hromada.webchat.log";
  var log = document.getElementById("hb-log");
  var choices = document.getElementById("hb-choices");
  var form = document.getElementById("hb-form");
  var input = document.getElementById("hb-input");
  var send = document.getElementById("hb-send");
  var busy = false;
  var transcript = [];

  function save() {
    try { localStorage.setItem(LOG_KEY, JSON.stringify(transcript.slice(-200))); } catch (e) { /* private mode: no history */ }
  }

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

  function add(who, text, remember) {
    var div = document.createElement("div");
    div.className = "hb-msg " + (who === "me" ? "hb-me" : "hb-bot");
    var label = document.createElement("span");
    label.className = "hb-visually-hidden";
    label.textContent = who === "me" ? "Ви: " : "Бот: ";
    div.appendChild(label);
    linkify(div, text);
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    if (remember !== false) { transcript.push({ who: who, text: text }); save(); }
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
    // The buttons take room from the log: keep its newest message in view.
    log.scrollTop = log.scrollHeight;
  }

  function render(messages) {
    var last = [];
    messages.forEach(function (m) { add("bot", m.text); last = m.choices || []; });
    showChoices(last);
    if (last.length > 0) {
      choices.firstChild.focus();
    } else {
      input.focus();
    }
  }

  function token() { return localStorage.getItem(TOKEN_KEY); }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function request(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { var err = new Error(json.title || ("HTTP " + r.status)); err.status = r.status; throw err; }
        return json;
      });
    });
  }

  function setBusy(value) { busy = value; send.disabled = value; }

  function post(body, echo) {
    if (busy) { return; }
    setBusy(true);
    if (echo) { add("me", echo); }
    showChoices([]);
    body.clientMessageId = uuid();
    var attempt = function (n) {
      return request("POST", "/api/webchat/sessions/" + encodeURIComponent(token()) + "/messages", body)
        .catch(function (e) { if (n > 0 && !(e.status >= 400 && e.status < 500)) { return new Promise(function (ok) { setTimeout(ok, 1000); }).then(function () { return attempt(n - 1); }); } throw e; });
    };
    attempt(2).then(function (reply) { render(reply.messages || []); })
      .catch(function (e) {
        // The session is gone (the resident asked to be forgotten): start a new one.
        if (e.status === 404) { localStorage.removeItem(TOKEN_KEY); return start().catch(function () { }); }
        var d = document.createElement("div"); d.className = "hb-error"; d.setAttribute("role", "alert"); d.textContent = "Не вдалося надіслати: " + e.message + ". Спробуйте ще раз."; log.appendChild(d); })
      .then(function () { setBusy(false); });
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

  function start() {
    transcript = [];
    save();
    log.innerHTML = "";
    return request("POST", "/api/webchat/sessions", {}).then(function (s) {
      localStorage.setItem(TOKEN_KEY, s.token);
      render(s.messages || []);
    });
  }

  document.getElementById("hb-restart").addEventListener("click", function () {
    localStorage.removeItem(TOKEN_KEY);
    start();
  });

  function resume() {
    try { transcript = JSON.parse(localStorage.getItem(LOG_KEY) || "[]"); } catch (e) { transcript = []; }
    transcript.forEach(function (m) { add(m.who, m.text, false); });
    var lastBot = transcript.filter(function (m) { return m.who === "bot"; }).pop();
    return request("GET", "/api/webchat/sessions/" + encodeURIComponent(token())).catch(function (e) {
      if (e.status === 404) { localStorage.removeItem(TOKEN_KEY); return start().then(function () { return null; }); }
      throw e;
    }).then(function (r) {
      if (!r) { return; }
      var messages = r.messages || [];
      // The current question is asked again on resume; when the history already ends with it, only its buttons return.
      if (lastBot && messages.length > 0 && messages[messages.length - 1].text === lastBot.text) {
        var current = messages.pop();
        render(messages);
        showChoices(current.choices || []);
        return;
      }
      render(messages);
    });
  }

  (token() ? resume() : start()).catch(function (e) {
    var d = document.createElement("div"); d.className = "hb-error"; d.setAttribute("role", "alert");
    d.textContent = "Чат зараз недоступний (" + e.message + "). Спробуйте пізніше.";
    log.appendChild(d);
  });
})();
