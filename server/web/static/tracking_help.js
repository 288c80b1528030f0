// The tracking page's reminders and call for help. app.js refreshes the ticket's panel (the
// "live" slot); this script watches it and, when three or fewer are ahead and when the number
// is called, changes the tab title, and after "Nyalakan pengingat" (browsers allow sound and
// vibration only after a tap) also chimes and vibrates where the phone can.
(function () {
  "use strict";

  var box = document.getElementById("track-help");
  if (!box) return;
  var data = box.dataset;
  var NEAR = 3; // "three are ahead": time to come back to the counters' side of the hall
  var baseTitle = document.title;
  var alertsOn = false;
  var news = document.getElementById("alert-news");

  function fill(template, values) {
    return Object.keys(values).reduce(function (text, name) {
      return text.split("{" + name + "}").join(values[name]);
    }, template);
  }

  function read() {
    var live = document.querySelector('[data-slot="live"]');
    var ahead = document.getElementById("track-ahead");
    var counter = document.getElementById("track-counter");
    var status = "none";
    ["waiting", "called", "serving", "done", "no_show", "cancelled", "expired"].forEach(
      function (name) {
        if (live && live.classList.contains(name)) status = name;
      }
    );
    return {
      status: status,
      ahead: ahead ? Number(ahead.textContent) : null,
      counter: counter ? counter.textContent.trim() : "",
    };
  }

  var last = read();

  function remind(kind, values) {
    var title = kind === "called" ? data.titleCalled : data.titleNear;
    var text = kind === "called" ? data.textCalled : data.textNear;
    document.title = fill(title, values);
    if (news) news.textContent = fill(text, values);
    document.body.dataset.lastAlert = kind;
    if (!alertsOn) return;
    window.AntrianChime.play(kind);
    if (navigator.vibrate) {
      navigator.vibrate(kind === "called" ? [400, 200, 400, 200, 400] : [300]);
    }
  }

  function update() {
    var now = read();
    var values = { number: data.number, n: now.ahead, counter: now.counter };
    if (now.status === "called" && last.status !== "called") {
      remind("called", values);
    } else if (
      now.status === "waiting" &&
      now.ahead !== null &&
      now.ahead <= NEAR &&
      !(last.status === "waiting" && last.ahead !== null && last.ahead <= NEAR)
    ) {
      remind("near", values);
    } else if (now.status !== "called" && now.status !== "waiting") {
      document.title = baseTitle; // served, finished: nothing to remind any more
    }
    last = now;
  }

  new MutationObserver(update).observe(document.querySelector("main"), {
    childList: true,
    subtree: true,
  });

  var alertsButton = document.getElementById("alerts-button");
  if (alertsButton) {
    alertsButton.addEventListener("click", function () {
      alertsOn = true;
      window.AntrianChime.enable();
      window.AntrianChime.play("near"); // the citizen hears what it will sound like
      if (navigator.vibrate) navigator.vibrate(200);
      var state = document.getElementById("alerts-state");
      state.textContent = data.textReady;
      state.className = "sent";
      alertsButton.hidden = true;
      document.body.dataset.alerts = "on";
    });
  }

  var helpButton = document.getElementById("help-button");
  var helpState = document.getElementById("help-state");
  helpButton.addEventListener("click", function () {
    helpButton.disabled = true;
    fetch("/api/v1/help", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tracking_code: data.code }),
      credentials: "omit",
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) throw new Error((answer.error && answer.error.message) || "");
          return answer;
        });
      })
      .then(function (call) {
        var at = call.created_at.slice(11, 16).replace(":", ".");
        helpState.textContent = fill(data.textAsked, { at: at });
        helpState.className = "sent";
        helpButton.hidden = true;
      })
      .catch(function (error) {
        helpState.textContent = error.message || data.textFailed;
        helpButton.disabled = false;
      });
  });
})();
