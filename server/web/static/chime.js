// A short chime made with Web Audio (no sound file to ship or cache). Browsers allow sound only
// after a user gesture on the page, so a page calls AntrianChime.enable() from a click, then
// play() whenever something happens. Each chime really played is counted on
// <body data-chimes>, which the tests read (headless browsers have no loudspeaker).
(function () {
  "use strict";

  var context = null;
  var TUNES = {
    // [frequency Hz, start s, length s]: a soft two-tone "ding-dong", then once more
    desk: [
      [784, 0, 0.5],
      [659, 0.45, 0.7],
      [784, 1.3, 0.5],
      [659, 1.75, 0.7],
    ],
    near: [[659, 0, 0.6]],
    called: [
      [659, 0, 0.4],
      [784, 0.35, 0.4],
      [988, 0.7, 0.9],
    ],
  };

  function enable() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return false;
    if (!context) context = new Context();
    if (context.state === "suspended") context.resume();
    return true;
  }

  function play(name) {
    if (!context) return false;
    var start = context.currentTime + 0.05;
    (TUNES[name] || TUNES.desk).forEach(function (note) {
      var osc = context.createOscillator();
      var gain = context.createGain();
      var at = start + note[1];
      osc.type = "sine";
      osc.frequency.value = note[0];
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.5, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + note[2]);
      osc.connect(gain);
      gain.connect(context.destination);
      osc.start(at);
      osc.stop(at + note[2] + 0.05);
    });
    var body = document.body;
    body.dataset.chimes = String(Number(body.dataset.chimes || 0) + 1);
    body.dataset.lastChime = name || "desk";
    return true;
  }

  window.AntrianChime = {
    enable: enable,
    play: play,
    enabled: function () {
      return context !== null;
    },
  };
})();
