// The Analyse page: an SGF record from /api/sgf stepped through on the board, analysed over
// one WebSocket (/ws/analysis) that speaks KataGo's JSON analysis protocol.
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var socket = null, board = null, game = null, children = [], current = 0;
  var seq = 0, liveId = null, live = null, hover = null;
  var gameId = null, gameLine = [], gameValues = [], gameDone = 0;

  function showError(text) { $("analyse-error").textContent = text || ""; }

  function connect() {
    socket = new WebSocket(Tengen.socketURL("/ws/analysis"));
    socket.onopen = function () { if (game) analyseLive(); };
    socket.onmessage = function (event) {
      var m;
      try { m = JSON.parse(event.data); } catch (e) { showError("Bad message from the server."); return; }
      if (m.error) { showError("Analysis: " + m.error + (m.field ? " (" + m.field + ")" : "")); return; }
      if (m.warning) return;
      if (m.id === liveId && m.moveInfos) { live = m; render(); }
      else if (m.id === gameId && m.rootInfo && !m.isDuringSearch) gameResult(m);
    };
    socket.onclose = function () { showError("Disconnected from the server (reload the page to reconnect)."); };
  }

  function send(obj) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(obj));
  }

  function pathTo(i) {
    var path = [];
    for (var k = i; k !== null && k !== undefined; k = game.nodes[k].parent) path.unshift(k);
    return path;
  }

  function movesTo(i) {
    return pathTo(i).filter(function (k) { return game.nodes[k].move; })
      .map(function (k) { return game.nodes[k].move; });
  }

  function baseQuery(id, moves) {
    return { id: id, moves: moves, initialStones: game.initialStones, initialPlayer: game.initialPlayer,
      rules: game.rules, komi: game.komi, boardXSize: game.size, boardYSize: game.size };
  }

  function analyseLive() {
    if (liveId) send({ id: "stop-" + liveId, action: "terminate", terminateId: liveId });
    live = null;
    liveId = null;
    if (!game || !$("live-toggle").checked) { render(); return; }
    liveId = "live-" + (++seq);
    var q = baseQuery(liveId, movesTo(current));
    q.maxVisits = Math.max(1, Number($("live-visits").value) || 300);
    q.reportDuringSearchEvery = 0.3;
    q.includeOwnership = true;
    send(q);
  }

  function render() {
    if (!game) return;
    var node = game.nodes[current];
    var marks = { last: node.move ? node.move[1] : null };
    if (live && $("live-toggle").checked) {
      marks.candidates = live.moveInfos.slice(0, 10);
      if ($("ownership-toggle").checked && live.ownership) marks.ownership = live.ownership;
      marks.onHover = function (m) { hover = m; render(); };
      if (hover) { marks.pv = hover.pv; marks.pvFirst = node.toMove === "B" ? "black" : "white"; }
      var r = live.rootInfo;
      $("analyse-root").textContent = "Black win rate " + Tengen.percent(r.winrate) + " · Black lead " +
        Tengen.signed(r.scoreLead) + " · " + r.visits + " visits";
      $("analyse-root").dataset.visits = String(r.visits);
      var rows = ["<tr><th>move</th><th>win</th><th>lead</th><th>visits</th><th>PV</th></tr>"];
      live.moveInfos.slice(0, 8).forEach(function (m) {
        rows.push("<tr><td>" + m.move + "</td><td>" + Tengen.percent(m.winrate) + "</td><td>" +
          Tengen.signed(m.scoreLead) + "</td><td>" + m.visits + "</td><td>" +
          (m.pv || []).slice(0, 6).join(" ") + "</td></tr>");
      });
      $("analyse-moves").innerHTML = rows.join("");
    } else {
      $("analyse-root").textContent = "";
      $("analyse-moves").innerHTML = "";
    }
    board.draw(node.board, marks);
    var depth = node.depth;
    $("analyse-position").textContent = "Move " + depth + (node.move ? " (" + node.move.join(" ") + ")" : "") +
      " · " + (node.toMove === "B" ? "Black" : "White") + " to play";
    $("analyse-position").dataset.node = String(current);
    $("analyse-comment").textContent = node.comment || "";
    var kids = children[current];
    var v = $("variations");
    v.replaceChildren();
    if (kids.length > 1) kids.forEach(function (k, i) {
      var b = document.createElement("button");
      b.textContent = (i === 0 ? "main: " : "variation " + i + ": ") + game.nodes[k].move.join(" ");
      b.className = "variation";
      b.addEventListener("click", function () { go(k); });
      v.appendChild(b);
    });
    drawGraph();
  }

  function go(i) {
    if (!game || i === null || i === undefined || i < 0 || i >= game.nodes.length) return;
    current = i;
    hover = null;
    render();
    analyseLive();
  }

  function load(text) {
    showError("");
    fetch("/api/sgf", { method: "POST", body: text, headers: { "Content-Type": "application/x-go-sgf" } })
      .then(function (r) {
        return r.json().catch(function () { return { error: "The server answered " + r.status + "." }; });
      })
      .then(function (g) {
        if (g.error) { showError(g.error); return; }
        open(g);
      })
      .catch(function (e) { showError("Upload failed: " + e); });
  }

  function open(g) {
    game = g;
    children = g.nodes.map(function () { return []; });
    g.nodes.forEach(function (n, i) { if (n.parent !== null) children[n.parent].push(i); });
    gameId = null; gameLine = []; gameValues = []; gameDone = 0;
    $("game-progress").value = 0;
    $("mistakes").replaceChildren();
    go(0);
  }

  // The line through the current node to the end of its first variations.
  function currentLine() {
    var line = pathTo(current), k = current;
    while (children[k].length) { k = children[k][0]; line.push(k); }
    return line;
  }

  function analyseGame() {
    if (!game) { showError("Load a game first."); return; }
    if (gameId) send({ id: "stop-" + gameId, action: "terminate", terminateId: gameId });
    gameId = "game-" + (++seq);
    gameLine = currentLine();
    var moves = movesTo(gameLine[gameLine.length - 1]);
    gameValues = new Array(moves.length + 1).fill(null);
    gameDone = 0;
    $("game-progress").max = moves.length + 1;
    $("game-progress").value = 0;
    var q = baseQuery(gameId, moves);
    q.analyzeTurns = gameValues.map(function (_, t) { return t; });
    q.maxVisits = Math.max(1, Number($("game-visits").value) || 24);
    send(q);
  }

  function gameResult(m) {
    if (gameValues[m.turnNumber] === null) gameDone++;
    gameValues[m.turnNumber] = { winrate: m.rootInfo.winrate, lead: m.rootInfo.scoreLead };
    $("game-progress").value = gameDone;
    $("game-progress").dataset.done = String(gameDone);
    if (gameDone === gameValues.length) listMistakes();
    drawGraph();
  }

  // The node of the analysed line after `t` moves.
  function nodeAtTurn(t) {
    var best = gameLine[0];
    gameLine.forEach(function (k) { if (game.nodes[k].depth === t) best = k; });
    return best;
  }

  function mistakes() {
    var list = [];
    for (var t = 0; t + 1 < gameValues.length; t++) {
      var a = gameValues[t], b = gameValues[t + 1];
      if (!a || !b) continue;
      var node = game.nodes[nodeAtTurn(t + 1)];
      if (!node.move) continue;
      var black = node.move[0] === "B";
      var loss = black ? a.winrate - b.winrate : b.winrate - a.winrate;
      list.push({ turn: t + 1, move: node.move, loss: loss });
    }
    return list.filter(function (x) { return x.loss > 0.05; })
      .sort(function (x, y) { return y.loss - x.loss; }).slice(0, 5);
  }

  function listMistakes() {
    var ol = $("mistakes");
    ol.replaceChildren();
    mistakes().forEach(function (x) {
      var li = document.createElement("li");
      li.className = "mistake";
      li.textContent = "Move " + x.turn + " " + x.move.join(" ") + ": −" + Tengen.percent(x.loss) + " win rate";
      li.addEventListener("click", function () { go(nodeAtTurn(x.turn)); });
      ol.appendChild(li);
    });
    if (!ol.children.length) {
      var li = document.createElement("li");
      li.textContent = "No move lost more than 5% win rate.";
      ol.appendChild(li);
    }
  }

  function drawGraph() {
    var box = $("analyse-graph");
    if (!gameValues.length) { box.replaceChildren(); return; }
    var w = 560, h = 180, n = Math.max(1, gameValues.length - 1);
    var svg = Tengen.el("svg", { viewBox: "0 0 " + w + " " + h, preserveAspectRatio: "none" });
    Tengen.el("line", { x1: 0, y1: h / 2, x2: w, y2: h / 2, stroke: "#bbb" }, svg);
    var maxLead = 10;
    gameValues.forEach(function (v) { if (v) maxLead = Math.max(maxLead, Math.abs(v.lead)); });
    var wr = [], sc = [];
    gameValues.forEach(function (v, t) {
      if (!v) return;
      var x = (t / n) * w;
      wr.push(x + "," + (h - v.winrate * h));
      sc.push(x + "," + (h / 2 - (v.lead / maxLead) * (h / 2 - 4)));
    });
    Tengen.el("polyline", { points: sc.join(" "), fill: "none", stroke: "#e08a2c", "stroke-width": 1.5, "class": "score-line" }, svg);
    Tengen.el("polyline", { points: wr.join(" "), fill: "none", stroke: "#1f5fa8", "stroke-width": 2, "class": "winrate-line" }, svg);
    if (gameDone === gameValues.length) mistakes().forEach(function (x) {
      var v = gameValues[x.turn];
      Tengen.el("circle", { cx: (x.turn / n) * w, cy: h - v.winrate * h, r: 5, fill: "#b00020", "class": "mistake-mark" }, svg);
    });
    if (game) {
      var d = game.nodes[current].depth;
      Tengen.el("line", { x1: (d / n) * w, y1: 0, x2: (d / n) * w, y2: h, stroke: "#888", "stroke-dasharray": "4 3" }, svg);
    }
    svg.addEventListener("click", function (e) {
      var r = svg.getBoundingClientRect();
      go(nodeAtTurn(Math.round(((e.clientX - r.left) / r.width) * n)));
    });
    box.replaceChildren(svg);
  }

  document.addEventListener("DOMContentLoaded", function () {
    board = new Tengen.Board($("analyse-board"), null);
    board.draw(Array(19).fill("..................."), {});
    $("sgf-file").addEventListener("change", function () {
      var f = $("sgf-file").files[0];
      if (!f) return;
      f.text().then(load);
    });
    $("sgf-load").addEventListener("click", function () { load($("sgf-text").value); });
    $("nav-first").addEventListener("click", function () { go(0); });
    $("nav-prev").addEventListener("click", function () { if (game) go(game.nodes[current].parent); });
    $("nav-next").addEventListener("click", function () { if (game) go(children[current][0]); });
    $("nav-last").addEventListener("click", function () {
      if (!game) return;
      var k = current; while (children[k].length) k = children[k][0]; go(k);
    });
    $("live-toggle").addEventListener("change", analyseLive);
    $("ownership-toggle").addEventListener("change", render);
    $("analyse-game").addEventListener("click", analyseGame);
    document.addEventListener("keydown", function (e) {
      if (!$("page-analyse").classList.contains("active") || !game || e.target.tagName === "TEXTAREA" || e.target.tagName === "INPUT") return;
      if (e.key === "ArrowLeft") go(game.nodes[current].parent);
      if (e.key === "ArrowRight") go(children[current][0]);
    });
    connect();
  });
  Tengen.analyse = { open: open, load: load, go: go, sendRaw: function (text) { socket.send(text); } };
})();
