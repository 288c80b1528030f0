// The help desk page (/bantuan): the list kept current by a long poll (the server answers as
// soon as the open calls change: no timer to be slowed down in a background tab), a chime and
// a status line when a call appears that was not on the list before, the count in the tab
// title, and "Selesai" without a page reload (a reload would silence the page until the next
// click on "Aktifkan suara").
(function () {
  "use strict";

  var control = document.getElementById("sound-control");
  if (!control) return;
  var button = document.getElementById("sound-button");
  var state = document.getElementById("sound-state");
  var news = document.getElementById("help-news");
  var baseTitle = document.title;
  var pages = window.AntrianPages; // app.js: fetchFragment, swapSlots
  var WAIT = Number(document.body.dataset.waitSeconds || 20);
  var RETRY_MS = 3000;

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

  // The list as the server has it now, or (wait > 0) once it differs from ours.
  function fetchList(wait) {
    var url = "/bantuan/panel?wait=" + wait + "&known=" + Object.keys(calls()).join(",");
    return pages.fetchFragment(url).then(pages.swapSlots);
  }

  (function poll() {
    fetchList(WAIT).then(poll, function (error) {
      if (error.message !== "login") window.setTimeout(poll, RETRY_MS);
    });
  })();

  function reloadList() {
    return fetchList(0).then(function () {
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
