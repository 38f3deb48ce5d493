// The Play page: one WebSocket (/ws/play) to a game session on the server.
"use strict";
(function () {
  var socket = null, state = null, board = null;
  var $ = function (id) { return document.getElementById(id); };

  function showError(text) { $("play-error").textContent = text || ""; }

  function send(message) {
    if (!socket || socket.readyState !== WebSocket.OPEN) { showError("Not connected to the server."); return; }
    showError("");
    socket.send(JSON.stringify(message));
  }

  function render() {
    if (!state) return;
    var marks = { last: state.lastMove, ko: state.ko };
    if (state.over) { marks.dead = state.dead || []; marks.territory = state.territory || {}; }
    board.draw(state.board, marks);
    var status;
    if (state.over) status = "Game over.";
    else if (state.thinking) status = "Tengen is thinking…";
    else status = state.toMove === state.human ? "Your move (" + state.human + ")." : "Tengen to move.";
    if (state.note && !state.over) status += " " + state.note;
    $("play-status").textContent = status;
    $("play-status").dataset.toMove = state.toMove;
    $("play-status").dataset.thinking = String(state.thinking);
    $("play-status").dataset.moveNumber = String(state.moveNumber);
    $("play-captures").textContent = "Move " + state.moveNumber + " · captures: black " +
      state.captures.black + ", white " + state.captures.white + " · komi " + state.komi +
      (state.lastMove ? " · last: " + state.lastPlayer + " " + state.lastMove : "");
    $("play-result").textContent = state.over ? "Result: " + state.result + (state.note ? " — " + state.note : "") : "";
  }

  function newGame() {
    var limit = $("play-limit").value, amount = Number($("play-amount").value);
    var message = {
      type: "new", size: Number($("play-size").value), rules: $("play-rules").value,
      komi: Number($("play-komi").value), handicap: Number($("play-handicap").value),
      color: $("play-color").value
    };
    message[limit] = amount;
    send(message);
  }

  function connect() {
    socket = new WebSocket(Tengen.socketURL("/ws/play"));
    socket.onopen = function () { $("play-status").textContent = "Connected."; newGame(); };
    socket.onmessage = function (event) {
      var m;
      try { m = JSON.parse(event.data); } catch (e) { showError("Bad message from the server."); return; }
      if (m.type === "state") { state = m; render(); }
      else if (m.type === "error") showError(m.message);
      else if (m.type === "sgf") download(m.text);
    };
    socket.onclose = function () {
      $("play-status").textContent = "Disconnected from the server (reload the page to reconnect).";
    };
  }

  function download(text) {
    var blob = new Blob([text], { type: "application/x-go-sgf" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "tengen-game.sgf";
    document.body.appendChild(a);
    a.click();
    a.remove();
    $("play-sgf").dataset.lastSgf = text;
  }

  document.addEventListener("DOMContentLoaded", function () {
    board = new Tengen.Board($("play-board"), function (vertex) { send({ type: "play", vertex: vertex }); });
    board.draw(Array(9).fill("........."), {});
    $("new-game").addEventListener("submit", function (e) { e.preventDefault(); newGame(); });
    $("play-limit").addEventListener("change", function () {
      $("play-amount").value = $("play-limit").value === "visits" ? 100 : 2;
    });
    $("play-pass").addEventListener("click", function () { send({ type: "pass" }); });
    $("play-undo").addEventListener("click", function () { send({ type: "undo" }); });
    $("play-resign").addEventListener("click", function () { send({ type: "resign" }); });
    $("play-sgf").addEventListener("click", function () { send({ type: "sgf" }); });
    connect();
  });
  Tengen.play = { send: send, state: function () { return state; } };
})();
