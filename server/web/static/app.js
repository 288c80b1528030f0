// Antrian MPP web pages: the counter page's actions and live panel, self-refreshing parts of
// the dashboard and the tracking page, and confirmations. No inline script anywhere (CSP).
(function () {
  "use strict";

  var body = document.body;
  var MARK = { "X-Requested-With": "antrian" };

  // Forms marked data-confirm ask first (delete, new token).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    // A second click on a slow form never sends it twice.
    if (form.method && form.method.toLowerCase() === "post") {
      if (form.dataset.sent) {
        event.preventDefault();
        return;
      }
      form.dataset.sent = "1";
    }
  });

  // Replace each [data-slot] of the page with the one of the same name in `html`, only when
  // it changed (so focus and scroll stay put while nothing happens).
  function swapSlots(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    doc.querySelectorAll("[data-slot]").forEach(function (fresh) {
      var old = document.querySelector('[data-slot="' + fresh.dataset.slot + '"]');
      if (old && old.outerHTML !== fresh.outerHTML) {
        old.replaceWith(document.importNode(fresh, true));
      }
    });
  }

  function fetchFragment(url) {
    return fetch(url, { headers: MARK, cache: "no-store", credentials: "same-origin" }).then(
      function (response) {
        if (response.status === 401) {
          return response.json().then(function (data) {
            window.location.href = data.login || "/masuk";
            throw new Error("login");
          });
        }
        if (!response.ok) throw new Error("status " + response.status);
        return response.text();
      }
    );
  }

  // For the page scripts that poll a part of their own page (bantuan.js): one way to fetch a
  // fragment (the login redirect, the error) and to put its slots in place.
  window.AntrianPages = { fetchFragment: fetchFragment, swapSlots: swapSlots };

  // ---- pages that refresh a part of themselves (dashboard, tracking) ----
  function initRefresh() {
    var url = body.dataset.refreshUrl;
    var every = Number(body.dataset.refreshSeconds || 10) * 1000;
    function tick() {
      fetchFragment(url)
        .then(swapSlots)
        .catch(function () {})
        .then(function () {
          window.setTimeout(tick, every);
        });
    }
    window.setTimeout(tick, every);
  }

  // ---- the counter page ----
  // An action says "in progress" soon (pending-ms), gives up waiting after give-up-ms (the
  // buttons work again; the request itself stays on its way, and its late answer is shown),
  // and never runs twice: each click carries an Idempotency-Key, and the same action tried again
  // after no answer carries the same key, so the server answers the first answer again.
  // The panel is polled; when it has not answered for away-after-ms a banner says since when.
  function initCounter() {
    var data = body.dataset;
    var base = data.counterUrl;
    var message = document.getElementById("message");
    var banner = document.getElementById("connection");
    var bannerText = document.getElementById("connection-text");
    var icon = banner.querySelector(".banner-icon");
    var backup = document.getElementById("connection-backup"); // the other server hosts, if any
    var ms = function (name) {
      return Number(data[name]);
    };
    var PENDING = ms("pendingMs");
    var GIVE_UP = ms("giveUpMs");
    var POLL = ms("pollMs");
    var POLL_TIMEOUT = ms("pollTimeoutMs");
    var AWAY_AFTER = ms("awayAfterMs");
    var BACK_SHOWN = ms("backShownMs");

    var current = null; // the attempt the buttons wait for (null: they work)
    var latest = null; // the newest attempt: only its answer is shown
    var unanswered = null; // the last attempt that got no answer: its key is used again
    var lastHeard = performance.now();
    var lastClock = data.clock; // the server's time of day at its last answer ("09.14")
    var away = false;
    var backTimer = null;

    function fill(template, name, value) {
      return template.split("{" + name + "}").join(value);
    }

    function say(text, level) {
      message.textContent = text || "";
      message.className = "message " + (level || "");
    }

    function newKey() {
      // crypto.randomUUID needs a secure context; counter PCs open the server over plain http.
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      return Array.prototype.map
        .call(bytes, function (b) {
          return (b < 16 ? "0" : "") + b.toString(16);
        })
        .join("");
    }

    function nowSlot() {
      return document.querySelector('[data-slot="now"]');
    }

    function updateButtons() {
      var now = nowSlot();
      var status = now ? now.dataset.status : "none";
      var paused = now && now.dataset.counterStatus === "paused";
      document.querySelectorAll("[data-action]").forEach(function (button) {
        var off = current !== null;
        if (button.dataset.needsTicket && status === "none") off = true;
        if (button.dataset.offWhen && button.dataset.offWhen === status) off = true;
        button.disabled = off;
      });
      var pause = document.querySelector(".act-pause");
      if (pause) {
        pause.dataset.action = paused ? "resume" : "pause";
        pause.classList.toggle("is-paused", !!paused);
      }
    }

    // ---- the server away / back banner ----
    function heard(clock) {
      lastHeard = performance.now();
      if (clock) lastClock = clock;
      if (!away) return;
      away = false;
      body.classList.remove("server-away");
      banner.classList.add("back");
      icon.textContent = "\u2713"; // a check mark
      if (backup) backup.hidden = true;
      bannerText.textContent = fill(data.textBack, "time", lastClock);
      window.clearTimeout(backTimer);
      backTimer = window.setTimeout(function () {
        if (!away) banner.hidden = true;
      }, BACK_SHOWN);
      if (unanswered && unanswered.gaveUp && current === null) {
        say(fill(data.textRecovered, "action", unanswered.label), "warn");
      }
    }

    function notHeard() {
      if (away || performance.now() - lastHeard < AWAY_AFTER) return;
      away = true;
      body.classList.add("server-away");
      window.clearTimeout(backTimer);
      banner.classList.remove("back");
      icon.textContent = "!";
      bannerText.textContent = fill(data.textAway, "time", lastClock);
      if (backup) backup.hidden = false;
      banner.hidden = false;
    }

    function refresh() {
      var controller = new AbortController();
      var timer = window.setTimeout(function () {
        controller.abort();
      }, POLL_TIMEOUT);
      return fetch(base + "/panel", {
        headers: MARK,
        cache: "no-store",
        credentials: "same-origin",
        signal: controller.signal,
      })
        .then(function (response) {
          if (response.status === 401) {
            return response.json().then(function (answer) {
              window.location.href = answer.login || "/masuk";
              throw new Error("login");
            });
          }
          if (!response.ok) throw new Error("status " + response.status);
          var clock = response.headers.get("X-Antrian-Clock");
          return response.text().then(function (html) {
            swapSlots(html);
            heard(clock);
          });
        })
        .catch(function (error) {
          if (error.message !== "login") notHeard();
        })
        .then(function () {
          window.clearTimeout(timer);
          updateButtons();
        });
    }

    // ---- actions ----
    function act(name, fields, button) {
      if (current !== null) return;
      var sent = new URLSearchParams(fields || {}).toString();
      var label = name;
      if (button) {
        var part = button.querySelector(".act-label");
        label = button.getAttribute("aria-label") || (part || button).innerText.trim();
      }
      var again = unanswered && unanswered.name === name && unanswered.sent === sent;
      var attempt = {
        name: name,
        sent: sent,
        label: label,
        key: again ? unanswered.key : newKey(), // the same action after no answer: same key
        gaveUp: false,
      };
      unanswered = null;
      current = attempt;
      latest = attempt;
      if (button) button.classList.add("is-pending");
      updateButtons();

      function release() {
        if (button) button.classList.remove("is-pending");
        window.clearTimeout(pendingTimer);
        window.clearTimeout(giveUpTimer);
        if (current === attempt) current = null;
        updateButtons();
      }
      var pendingTimer = window.setTimeout(function () {
        if (current === attempt) say(fill(data.textPending, "action", label), "pending");
      }, PENDING);
      var giveUpTimer = window.setTimeout(function () {
        if (current !== attempt) return;
        attempt.gaveUp = true;
        unanswered = attempt;
        say(fill(data.textGaveUp, "action", label), "bad gave-up");
        release();
        refresh();
      }, GIVE_UP);

      return fetch(base + "/aksi/" + name, {
        method: "POST",
        headers: {
          "X-CSRF-Token": data.csrf,
          "X-Requested-With": "antrian",
          "Idempotency-Key": attempt.key,
        },
        body: new URLSearchParams(fields || {}),
        credentials: "same-origin",
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (answer) {
              if (response.status === 401 && answer.login) {
                window.location.href = answer.login;
                return;
              }
              if (unanswered === attempt) unanswered = null;
              // A late answer is still shown as this action's outcome, unless a newer action
              // was started since (the panel shows the truth either way).
              if (latest !== attempt) return;
              if (answer.ok) say(answer.message, answer.level === "warn" ? "warn" : "ok");
              else say(answer.message || data.textFailed, "bad");
            });
        })
        .catch(function () {
          // No answer at all: it may or may not have happened. Keep the key for a retry.
          unanswered = attempt;
          if (current === attempt) say(data.textOffline, "bad");
        })
        .then(function () {
          release();
          return refresh();
        });
    }

    function openDialog(id) {
      var dialog = document.getElementById(id);
      dialog.querySelector("form").reset();
      dialog.showModal();
    }

    function run(button) {
      if (current !== null || button.disabled) return;
      var action = button.dataset.action;
      if (button.dataset.ticketId) {
        act(action, { ticket_id: button.dataset.ticketId }, button);
      } else if (action === "transfer") {
        openDialog("transfer-dialog");
      } else if (action === "call-number") {
        openDialog("call-number-dialog");
      } else {
        act(action, null, button);
      }
    }

    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-action]");
      if (button) run(button);
      var close = event.target.closest("[data-close]");
      if (close) close.closest("dialog").close();
    });

    document.querySelectorAll("form[data-dialog-action]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var fields = Object.fromEntries(new FormData(form).entries());
        form.closest("dialog").close();
        var name = form.dataset.dialogAction;
        act(name, fields, document.querySelector('.actions [data-action="' + name + '"]'));
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (document.querySelector("dialog[open]")) return;
      var tag = (event.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "select" || tag === "textarea") return;
      var key = (event.key || "").toUpperCase();
      var button = document.querySelector('[data-key="' + key + '"]');
      if (button) {
        event.preventDefault();
        run(button);
      }
    });

    updateButtons();
    // The panel is asked POLL after the last answer (or failure), also while an action waits,
    // so a hung server shows its banner.
    (function poll() {
      window.setTimeout(function () {
        refresh().then(poll);
      }, POLL);
    })();
  }

  if (body.dataset.page === "loket") initCounter();
  if (body.dataset.refreshUrl) initRefresh();
})();
