// The Training page: a self-play loop run folder (tengen serve --run DIR), read-only.
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var loaded = false, board = null, games = [], gameIndex = -1, record = null, step = 0;

  function cell(row, text, tag) {
    var c = document.createElement(tag || "td");
    c.textContent = text;
    row.appendChild(c);
  }

  function fmt(x, digits) { return x === undefined || x === null ? "–" : Number(x).toFixed(digits); }

  function load() {
    loaded = true;
    fetch("/api/run").then(function (r) { return r.json(); }).then(show)
      .catch(function (e) { $("run-message").textContent = "Cannot read the run: " + e; });
  }

  function show(run) {
    if (!run.ok) { $("run-message").textContent = run.message; $("run-message").className = "status error"; return; }
    var s = run.status, gens = s.generations || {};
    var keys = Object.keys(gens).map(Number).sort(function (a, b) { return a - b; });
    var totalGames = 0;
    keys.forEach(function (g) { totalGames += (gens[g].selfplay || {}).games || 0; });
    var hours = s.hours || {};
    var speed = hours.selfplay ? (totalGames / hours.selfplay).toFixed(0) + " games/hour" : "–";
    $("run-message").textContent = "Run " + run.path;
    $("run-message").className = "status";
    var models = run.models.map(function (m) { return m.name; });
    $("run-summary").textContent = "Generation " + s.generation + " · stage " + (s.stage || "–") +
      " · best network " + (s.best || "–") + (s.best && models.indexOf(s.best) < 0 ? " (file not in models/)" : "") +
      " · self-play " + totalGames + " games at " + speed +
      " · hours: " + Object.keys(hours).map(function (k) { return k + " " + fmt(hours[k], 2); }).join(", ");
    $("run-summary").dataset.generation = String(s.generation);
    drawRatings(gens, keys);
    if (run.ratingPlot) { $("run-rating-png").src = "/api/run/rating.png"; $("run-rating-png").classList.remove("hidden"); }
    var t = $("run-generations");
    t.replaceChildren();
    var head = document.createElement("tr");
    ["gen", "games", "rows", "moves", "s/game", "loss", "policy", "value", "gate", "promoted"].forEach(function (h) { cell(head, h, "th"); });
    t.appendChild(head);
    keys.forEach(function (g) {
      var r = gens[g], sp = r.selfplay || {}, tr = (r.train || {}).losses || {}, gate = r.gate;
      var row = document.createElement("tr");
      row.className = "generation";
      cell(row, String(g)); cell(row, sp.games === undefined ? "–" : String(sp.games));
      cell(row, sp.rows === undefined ? "–" : String(sp.rows)); cell(row, fmt(sp.moves_mean, 1));
      cell(row, fmt(sp.game_seconds_mean, 1)); cell(row, fmt(tr.loss, 3)); cell(row, fmt(tr.loss_policy, 3));
      cell(row, fmt(tr.loss_value, 3));
      cell(row, gate ? gate.wins + "–" + gate.losses + (gate.sprt ? " " + gate.sprt : "") : "–");
      cell(row, r.promoted === undefined ? "–" : (r.promoted ? "yes" : "no"));
      t.appendChild(row);
    });
    games = run.games;
    var ul = $("run-games");
    ul.replaceChildren();
    games.forEach(function (g, i) {
      var li = document.createElement("li");
      li.textContent = "gen " + g.generation + " · " + g.name;
      li.className = "game";
      li.addEventListener("click", function () { openGame(i); });
      ul.appendChild(li);
    });
    $("run-content").classList.remove("hidden");
    if (games.length) openGame(0);
  }

  function drawRatings(gens, keys) {
    var series = {};
    keys.forEach(function (g) {
      var rating = gens[g].rating || {};
      Object.keys(rating).forEach(function (name) { (series[name] = series[name] || []).push([g, rating[name]]); });
    });
    var names = Object.keys(series);
    var box = $("run-rating");
    if (!names.length) { box.textContent = "No ratings yet."; return; }
    var w = 560, h = 180, pad = 30, lo = 0, hi = 0, g0 = keys[0], g1 = Math.max(keys[keys.length - 1], g0 + 1);
    names.forEach(function (n) { series[n].forEach(function (p) {
      lo = Math.min(lo, p[1].elo_low === undefined ? p[1].elo : p[1].elo_low);
      hi = Math.max(hi, p[1].elo_high === undefined ? p[1].elo : p[1].elo_high);
    }); });
    lo -= 20; hi += 20;
    var X = function (g) { return pad + (g - g0) / (g1 - g0) * (w - 2 * pad); };
    var Y = function (e) { return h - pad / 2 - (e - lo) / (hi - lo) * (h - pad); };
    var svg = Tengen.el("svg", { viewBox: "0 0 " + w + " " + h });
    Tengen.el("line", { x1: pad, y1: Y(0), x2: w - pad, y2: Y(0), stroke: "#bbb" }, svg);
    var colors = ["#1f5fa8", "#e08a2c", "#2c9e4b", "#b00020", "#7a3a9e"];
    names.forEach(function (n, i) {
      var c = colors[i % colors.length];
      var pts = series[n].map(function (p) { return X(p[0]) + "," + Y(p[1].elo); });
      Tengen.el("polyline", { points: pts.join(" "), fill: "none", stroke: c, "stroke-width": 2, "class": "rating-line" }, svg);
      series[n].forEach(function (p) {
        if (p[1].elo_low !== undefined) Tengen.el("line", { x1: X(p[0]), y1: Y(p[1].elo_low), x2: X(p[0]), y2: Y(p[1].elo_high), stroke: c }, svg);
        Tengen.el("circle", { cx: X(p[0]), cy: Y(p[1].elo), r: 4, fill: c }, svg);
      });
      var label = Tengen.el("text", { x: pad + 4, y: 14 + 14 * i, "font-size": 12, fill: c }, svg);
      label.textContent = n + " (Elo, 95%)";
    });
    box.replaceChildren(svg);
  }

  function openGame(i) {
    gameIndex = i;
    document.querySelectorAll("#run-games li").forEach(function (li, k) { li.classList.toggle("selected", k === i); });
    var g = games[i];
    fetch("/api/run/game?generation=" + g.generation + "&name=" + encodeURIComponent(g.name))
      .then(function (r) { return r.json(); })
      .then(function (doc) {
        if (doc.error) { $("run-game-info").textContent = doc.error; return; }
        record = doc; step = lineOf(doc).length - 1; drawGame();
      });
  }

  function lineOf(doc) {
    var line = [0], k = 0;
    for (;;) {
      var next = doc.nodes.findIndex(function (n) { return n.parent === k; });
      if (next < 0) return line;
      line.push(next); k = next;
    }
  }

  function drawGame() {
    var line = lineOf(record), node = record.nodes[line[step]];
    board.draw(node.board, { last: node.move ? node.move[1] : null });
    $("run-game-info").textContent = "Move " + node.depth + " of " + record.nodes[line[line.length - 1]].depth +
      (record.info.result ? " · result " + record.info.result : "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    board = new Tengen.Board($("run-board"), null);
    $("run-prev").addEventListener("click", function () { if (record && step > 0) { step--; drawGame(); } });
    $("run-next").addEventListener("click", function () {
      if (record && step < lineOf(record).length - 1) { step++; drawGame(); }
    });
    document.addEventListener("tengen-page", function (e) { if (e.detail === "training" && !loaded) load(); });
  });
})();
