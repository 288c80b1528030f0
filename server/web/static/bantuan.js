// The help desk page (/bantuan): a chime and a spoken-for-screen-readers line when a call
// appears that was not on the list before, the count in the tab title, and "Selesai" without
// a page reload (a reload would silence the page until the next click on "Aktifkan suara").
// The list itself is refreshed by app.js (data-refresh-url), which replaces the "calls" slot.
(function () {
  "use strict";

  var control = document.getElementById("sound-control");
  if (!control) return;
  var button = document.getElementById("sound-button");
  var state = document.getElementById("sound-state");
  var news = document.getElementById("help-news");
  var baseTitle = document.title;
  var MARK = { "X-Requested-With": "antrian" };

  function calls() {
    var found = {};
    document.querySelectorAll("[data-call-id]").forEach(function (item) {
      found[item.dataset.callId] = item;
    });
    return found;
  }

  var known = calls();

  function showCount() {
    var slot = document.querySelector('[data-slot="calls"]');
    var count = slot ? Number(slot.dataset.count) : 0;
    document.title = (count ? "(" + count + ") " : "") + baseTitle;
  }

  function update() {
    var now = calls();
    var fresh = Object.keys(now).filter(function (id) {
      return !(id in known);
    });
    known = now;
    showCount();
    if (!fresh.length) return;
    var where = fresh.map(function (id) {
      var strong = now[id].querySelector(".help-where strong");
      return strong ? strong.textContent : id;
    });
    news.textContent = control.dataset.textNews + ": " + where.join(", ");
    window.AntrianChime.play("desk");
  }

  new MutationObserver(update).observe(document.querySelector("main"), {
    childList: true,
    subtree: true,
  });
  showCount();

  button.addEventListener("click", function () {
    if (!window.AntrianChime.enable()) return;
    state.textContent = control.dataset.textOn;
    state.className = "sound-state on";
    button.hidden = true;
    state.setAttribute("tabindex", "-1");
    state.focus();
    window.AntrianChime.play("desk"); // the staff hear how loud it is
  });

  function reloadList() {
    return fetch("/bantuan/panel", { headers: MARK, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser()
          .parseFromString(html, "text/html")
          .querySelector('[data-slot="calls"]');
        var old = document.querySelector('[data-slot="calls"]');
        if (fresh && old) old.replaceWith(document.importNode(fresh, true));
        var heading = document.getElementById("calls-heading");
        if (heading) {
          heading.setAttribute("tabindex", "-1");
          heading.focus(); // the button that had focus is gone
        }
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form.help-done");
    if (!form) return;
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      headers: { "X-Requested-With": "antrian", "X-CSRF-Token": document.body.dataset.csrf },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!answer.ok) throw new Error(answer.message || "refused");
        });
      })
      .then(reloadList)
      .catch(function (error) {
        delete form.dataset.sent; // app.js marked it sent: let it be tried again
        news.textContent = error.message;
      });
  });
})();
