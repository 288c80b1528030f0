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
  function initCounter() {
    var base = body.dataset.counterUrl;
    var message = document.getElementById("message");
    var connection = document.getElementById("connection");
    var busy = false;

    function say(text, level) {
      message.textContent = text || "";
      message.className = "message " + (level || "");
    }

    function nowSlot() {
      return document.querySelector('[data-slot="now"]');
    }

    function updateButtons() {
      var now = nowSlot();
      var status = now ? now.dataset.status : "none";
      var paused = now && now.dataset.counterStatus === "paused";
      document.querySelectorAll("[data-action]").forEach(function (button) {
        var off = busy;
        if (button.dataset.needsTicket && status === "none") off = true;
        if (button.dataset.offWhen && button.dataset.offWhen === status) off = true;
        button.disabled = off;
      });
      var pause = document.querySelector(".act-pause");
      if (pause) {
        pause.dataset.action = paused ? "resume" : "pause";
        pause.querySelector(".act-label").textContent = paused
          ? body.dataset.labelResume
          : body.dataset.labelPause;
      }
    }

    function refresh() {
      return fetchFragment(base + "/panel")
        .then(function (html) {
          swapSlots(html);
          connection.hidden = true;
        })
        .catch(function (error) {
          if (error.message !== "login") connection.hidden = false;
        })
        .then(updateButtons);
    }

    function act(name, fields) {
      if (busy) return Promise.resolve();
      busy = true;
      updateButtons();
      var headers = { "X-CSRF-Token": body.dataset.csrf, "X-Requested-With": "antrian" };
      return fetch(base + "/aksi/" + name, {
        method: "POST",
        headers: headers,
        body: new URLSearchParams(fields || {}),
        credentials: "same-origin",
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (data) {
              if (response.status === 401 && data.login) {
                window.location.href = data.login;
                return;
              }
              if (data.ok) say(data.message, data.level === "warn" ? "warn" : "ok");
              else say(data.message || body.dataset.textFailed, "bad");
            });
        })
        .catch(function () {
          say(body.dataset.textOffline, "bad");
        })
        .then(refresh)
        .then(function () {
          busy = false;
          updateButtons();
        });
    }

    function openDialog(id) {
      var dialog = document.getElementById(id);
      dialog.querySelector("form").reset();
      dialog.showModal();
    }

    function run(button) {
      if (busy || button.disabled) return;
      var action = button.dataset.action;
      if (button.dataset.ticketId) {
        act(action, { ticket_id: button.dataset.ticketId });
      } else if (action === "transfer") {
        openDialog("transfer-dialog");
      } else if (action === "call-number") {
        openDialog("call-number-dialog");
      } else {
        act(action);
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
        act(form.dataset.dialogAction, fields);
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
    (function poll() {
      window.setTimeout(function () {
        (busy ? Promise.resolve() : refresh()).then(poll);
      }, 2000);
    })();
  }

  if (body.dataset.page === "loket") initCounter();
  if (body.dataset.refreshUrl) initRefresh();
})();
