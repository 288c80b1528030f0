// The Survei Kepuasan Masyarakat on the tracking page and the counter's tablet: one question
// per screen, a tap answers and moves on; the four faces send the quick rating. No inline
// script (CSP). On the tracking page the survey appears once the live panel says "done"; on
// the tablet it appears for the ticket the counter just finished, then thanks, then waits.
(function () {
  "use strict";

  var printButton = document.getElementById("skm-print");
  if (printButton) printButton.addEventListener("click", function () { window.print(); });

  var root = document.getElementById("skm");
  if (!root) return;
  var body = document.body;
  var JSON_HEADERS = { "Content-Type": "application/json", "X-Requested-With": "antrian" };
  var screens = root.querySelectorAll(".skm-screen");
  var questions = root.querySelectorAll('[data-screen^="q"]').length;
  var message = root.querySelector(".skm-message");
  var form = root.querySelector('[data-screen="profile"]');
  var answers = {};
  var history = [];
  var current = "start";
  var onFinished = function () {};
  var touched = function () {};

  function show(name, remember) {
    if (remember !== false && current !== name) history.push(current);
    current = name;
    screens.forEach(function (screen) {
      screen.hidden = screen.dataset.screen !== name;
    });
    var shown = root.querySelector('[data-screen="' + name + '"]');
    var heading = shown && shown.querySelector("[tabindex='-1']");
    if (heading) heading.focus({ preventScroll: false });
  }

  function reset() {
    answers = {};
    history = [];
    form.reset();
    message.textContent = "";
    root.querySelectorAll(".skm-option").forEach(function (b) {
      b.setAttribute("aria-pressed", "false");
    });
    show("start", false);
  }

  function send(url, data) {
    return fetch(url, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify(data),
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (answer) {
        return { status: response.status, body: answer };
      });
    });
  }

  function errorCode(result) {
    return result.body && result.body.error ? result.body.error.code : "";
  }

  root.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target || !root.contains(target)) return;
    touched();
    if (target.dataset.go) {
      show(target.dataset.go);
    } else if (target.hasAttribute("data-back")) {
      show(history.pop() || "start", false);
    } else if (target.dataset.unsur) {
      answers[target.dataset.unsur] = Number(target.dataset.value);
      target.parentNode.querySelectorAll(".skm-option").forEach(function (b) {
        b.setAttribute("aria-pressed", b === target ? "true" : "false");
      });
      var step = Number(current.slice(1));
      show(step < questions ? "q" + (step + 1) : "profile");
    } else if (target.dataset.face) {
      target.disabled = true;
      send(root.dataset.ratingUrl, { face: Number(target.dataset.face) })
        .then(function (result) {
          if (result.status === 201 || errorCode(result) === "already_rated") {
            show("rated");
            onFinished("rated");
          }
        })
        .catch(function () {})
        .then(function () {
          target.disabled = false;
        });
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    touched();
    var respondent = {};
    ["gender", "age_group", "education", "occupation"].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) respondent[name] = value;
    });
    var suggestion = form.elements.suggestion.value.trim();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    message.textContent = root.dataset.textSending;
    send(root.dataset.surveyUrl, {
      answers: answers,
      respondent: respondent,
      suggestion: suggestion || null,
    })
      .then(function (result) {
        if (result.status === 201) {
          show("thanks");
          onFinished("thanks");
        } else if (errorCode(result) === "already_answered") {
          show("already");
          onFinished("already");
        } else {
          message.textContent = result.body.error ? result.body.error.message : root.dataset.textFailed;
        }
      })
      .catch(function () {
        message.textContent = root.dataset.textFailed;
      })
      .then(function () {
        button.disabled = false;
      });
  });

  // ---- the tracking page: appear when the ticket is finished ----
  function initTracking() {
    if (root.dataset.state !== "not_served") return;
    var appear = function () {
      if (document.querySelector(".track.done")) {
        root.dataset.state = "open";
        root.hidden = false;
        show("start", false);
        observer.disconnect();
      }
    };
    var observer = new MutationObserver(appear);
    observer.observe(document.getElementById("isi"), { childList: true, subtree: true });
    appear();
  }

  // ---- the counter's tablet ----
  function initTablet() {
    var data = body.dataset;
    var waiting = document.getElementById("skm-waiting");
    var skip = document.getElementById("skm-skip");
    var key = encodeURIComponent(data.tabletKey);
    var every = Number(data.pollSeconds) * 1000;
    var thanks = Number(data.thanksSeconds) * 1000;
    var IDLE = 120 * 1000; // a citizen who walked away: back to waiting
    var done = {}; // codes answered, rated or skipped on this tablet
    var showing = null;
    var idleTimer = null;

    function wait() {
      showing = null;
      window.clearTimeout(idleTimer);
      root.hidden = true;
      skip.hidden = true;
      waiting.hidden = false;
    }

    touched = function () {
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(finish, IDLE);
    };

    function finish() {
      if (showing) done[showing] = true;
      wait();
    }

    onFinished = function (how) {
      if (showing) done[showing] = true;
      skip.hidden = true;
      window.clearTimeout(idleTimer);
      if (how !== "rated") idleTimer = window.setTimeout(wait, thanks);
      else idleTimer = window.setTimeout(wait, IDLE / 4);
    };

    function offer(ticket) {
      showing = ticket.code;
      var query = "?k=" + key + "&kode=" + encodeURIComponent(ticket.code);
      root.dataset.surveyUrl = data.tabletUrl + "/jawab" + query;
      root.dataset.ratingUrl = data.tabletUrl + "/nilai" + query;
      ticket.questions.forEach(function (q) {
        var heading = root.querySelector('[data-question="' + q.unsur + '"]');
        if (heading) heading.textContent = q.question;
      });
      root.querySelector('[data-slot-skm="for"]').textContent = ticket.label;
      waiting.hidden = true;
      root.hidden = false;
      skip.hidden = false;
      reset();
      touched();
    }

    skip.addEventListener("click", finish);

    function poll() {
      fetch(data.tabletUrl + "/tiket?k=" + key, { cache: "no-store", headers: JSON_HEADERS })
        .then(function (response) {
          return response.json();
        })
        .then(function (answer) {
          var ticket = answer.ticket;
          if (!showing && ticket && !done[ticket.code]) offer(ticket);
        })
        .catch(function () {})
        .then(function () {
          window.setTimeout(poll, every);
        });
    }
    wait();
    poll();
  }

  if (body.dataset.page === "skm-tablet") initTablet();
  else initTracking();
})();
