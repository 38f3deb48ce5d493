// Tengen's board: an SVG drawing of rows of text ('.', 'X', 'O', top row first) with
// optional marks, and the small helpers the pages share. No libraries.
"use strict";
var Tengen = window.Tengen || {};
window.Tengen = Tengen;

Tengen.COLUMNS = "ABCDEFGHJKLMNOPQRSTUVWXYZ";
Tengen.SVG = "http://www.w3.org/2000/svg";

// "D4" <-> {x, y} with y counted from the top row.
Tengen.vertex = function (x, y, size) { return Tengen.COLUMNS[x] + String(size - y); };
Tengen.point = function (v, size) {
  if (!v || v.toLowerCase() === "pass") return null;
  var x = Tengen.COLUMNS.indexOf(v[0].toUpperCase());
  var row = parseInt(v.slice(1), 10);
  if (x < 0 || !(row >= 1)) return null;
  return { x: x, y: size - row };
};

// The page's token, when it was opened with ?token=..., for the WebSocket URLs (the cookie
// the server sets covers them too).
Tengen.socketURL = function (path) {
  var proto = location.protocol === "https:" ? "wss:" : "ws:";
  var token = new URLSearchParams(location.search).get("token");
  return proto + "//" + location.host + path + (token ? "?token=" + encodeURIComponent(token) : "");
};

Tengen.el = function (name, attrs, parent) {
  var e = document.createElementNS(Tengen.SVG, name);
  for (var k in attrs) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
};

Tengen.percent = function (x) { return (100 * x).toFixed(1) + "%"; };
Tengen.signed = function (x) { return (x >= 0 ? "+" : "") + x.toFixed(1); };

// A board drawn into `container`; `onClick(vertex)` is called for clicks on points.
Tengen.Board = function (container, onClick) {
  this.container = container;
  this.onClick = onClick;
  this.size = 9;
  this.rows = null;
};

Tengen.Board.prototype.draw = function (rows, marks) {
  marks = marks || {};
  var n = rows.length, cell = 100, pad = 70, full = pad * 2 + cell * (n - 1);
  this.rows = rows;
  this.size = n;
  var self = this;
  var svg = Tengen.el("svg", { viewBox: "0 0 " + full + " " + full, "data-size": n });
  Tengen.el("rect", { x: 0, y: 0, width: full, height: full, fill: "#dcb35c" }, svg);
  var px = function (i) { return pad + i * cell; };
  for (var i = 0; i < n; i++) {
    Tengen.el("line", { x1: px(0), y1: px(i), x2: px(n - 1), y2: px(i), stroke: "#333", "stroke-width": 3 }, svg);
    Tengen.el("line", { x1: px(i), y1: px(0), x2: px(i), y2: px(n - 1), stroke: "#333", "stroke-width": 3 }, svg);
    var t = Tengen.el("text", { x: px(i), y: 38, "font-size": 32, "text-anchor": "middle", fill: "#333" }, svg);
    t.textContent = Tengen.COLUMNS[i];
    var r = Tengen.el("text", { x: 30, y: px(i) + 11, "font-size": 32, "text-anchor": "middle", fill: "#333" }, svg);
    r.textContent = String(n - i);
  }
  var stars = n === 19 ? [3, 9, 15] : n === 13 ? [3, 6, 9] : n === 9 ? [2, 4, 6] : [];
  stars.forEach(function (a) { stars.forEach(function (b) {
    if (n === 9 && (a === 4) !== (b === 4)) return;
    Tengen.el("circle", { cx: px(a), cy: px(b), r: 10, fill: "#333" }, svg);
  }); });
  // Ownership heat map under the stones: black's share dark, white's light.
  if (marks.ownership) {
    for (var y = 0; y < n; y++) for (var x = 0; x < n; x++) {
      var o = marks.ownership[y * n + x];
      if (Math.abs(o) < 0.1) continue;
      Tengen.el("rect", { x: px(x) - 45, y: px(y) - 45, width: 90, height: 90, "class": "own",
        fill: o > 0 ? "#000" : "#fff", "fill-opacity": Math.min(0.6, Math.abs(o) * 0.6) }, svg);
    }
  }
  var territory = marks.territory || {};
  ["black", "white"].forEach(function (c) {
    (territory[c] || []).forEach(function (v) {
      var p = Tengen.point(v, n); if (!p) return;
      Tengen.el("rect", { x: px(p.x) - 16, y: px(p.y) - 16, width: 32, height: 32, "class": "territory",
        fill: c === "black" ? "#000" : "#fff", stroke: "#333" }, svg);
    });
  });
  var pv = {};
  (marks.pv || []).forEach(function (v, k) { var p = Tengen.point(v, n); if (p) pv[p.y * n + p.x] = k; });
  for (var yy = 0; yy < n; yy++) for (var xx = 0; xx < n; xx++) {
    var s = rows[yy][xx];
    var k = yy * n + xx;
    var color = s === "X" ? "black" : s === "O" ? "white" : (k in pv ? (pv[k] % 2 === 0 ? marks.pvFirst : (marks.pvFirst === "black" ? "white" : "black")) : null);
    if (color) {
      var st = Tengen.el("circle", { cx: px(xx), cy: px(yy), r: 47, fill: color === "black" ? "#111" : "#f8f8f8",
        stroke: "#111", "stroke-width": 2, "class": "stone " + color, "data-vertex": Tengen.vertex(xx, yy, n) }, svg);
      if (s === "." ) st.setAttribute("fill-opacity", 0.75);
    }
    if (s === "." && k in pv) {
      var lt = Tengen.el("text", { x: px(xx), y: px(yy) + 14, "font-size": 40, "text-anchor": "middle",
        fill: color === "black" ? "#fff" : "#000" }, svg);
      lt.textContent = String(pv[k] + 1);
    }
  }
  (marks.dead || []).forEach(function (v) {
    var p = Tengen.point(v, n); if (!p) return;
    var c = rows[p.y][p.x] === "X" ? "#fff" : "#111";
    Tengen.el("path", { d: "M" + (px(p.x) - 22) + " " + (px(p.y) - 22) + "l44 44m0 -44l-44 44",
      stroke: c, "stroke-width": 8, "class": "dead" }, svg);
  });
  if (marks.last) {
    var lp = Tengen.point(marks.last, n);
    if (lp) Tengen.el("circle", { cx: px(lp.x), cy: px(lp.y), r: 20, fill: "none",
      stroke: rows[lp.y][lp.x] === "X" ? "#fff" : "#111", "stroke-width": 6, "class": "last" }, svg);
  }
  if (marks.ko) {
    var kp = Tengen.point(marks.ko, n);
    if (kp) Tengen.el("rect", { x: px(kp.x) - 25, y: px(kp.y) - 25, width: 50, height: 50, fill: "none",
      stroke: "#b00020", "stroke-width": 6, "class": "ko" }, svg);
  }
  // Candidate moves of an analysis: a disc with win rate, visits and score lead.
  if (!marks.pv) (marks.candidates || []).forEach(function (m, i) {
    var p = Tengen.point(m.move, n); if (!p || rows[p.y][p.x] !== ".") return;
    var g = Tengen.el("g", { "class": "candidate", "data-vertex": m.move }, svg);
    Tengen.el("circle", { cx: px(p.x), cy: px(p.y), r: 46, fill: i === 0 ? "#4fa3e0" : "#8fd18f",
      "fill-opacity": 0.85, stroke: "#333", "stroke-width": 2 }, g);
    var a = Tengen.el("text", { x: px(p.x), y: px(p.y) - 8, "font-size": 30, "text-anchor": "middle" }, g);
    a.textContent = (100 * m.winrate).toFixed(0);
    var b = Tengen.el("text", { x: px(p.x), y: px(p.y) + 20, "font-size": 22, "text-anchor": "middle" }, g);
    b.textContent = Tengen.signed(m.scoreLead);
    var c = Tengen.el("text", { x: px(p.x), y: px(p.y) + 42, "font-size": 18, "text-anchor": "middle" }, g);
    c.textContent = String(m.visits);
    if (marks.onHover) {
      g.addEventListener("mouseenter", function () { marks.onHover(m); });
      g.addEventListener("mouseleave", function () { marks.onHover(null); });
    }
  });
  // Click targets over every point.
  for (var y2 = 0; y2 < n; y2++) for (var x2 = 0; x2 < n; x2++) {
    (function (x, y) {
      var hit = Tengen.el("rect", { x: px(x) - 50, y: px(y) - 50, width: 100, height: 100, fill: "transparent",
        "class": "point", "data-vertex": Tengen.vertex(x, y, n) }, svg);
      if (self.onClick) hit.addEventListener("click", function () { self.onClick(Tengen.vertex(x, y, n)); });
      if (marks.onHover && !marks.pv) {
        var m = (marks.candidates || []).find(function (c) { return c.move === Tengen.vertex(x, y, n); });
        if (m) {
          hit.addEventListener("mouseenter", function () { marks.onHover(m); });
          hit.addEventListener("mouseleave", function () { marks.onHover(null); });
        }
      }
    })(x2, y2);
  }
  this.container.replaceChildren(svg);
};

// Tabs.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".tab").forEach(function (tab) {
    tab.addEventListener("click", function () {
      document.querySelectorAll(".tab").forEach(function (t) { t.classList.toggle("active", t === tab); });
      document.querySelectorAll(".page").forEach(function (p) {
        p.classList.toggle("active", p.id === "page-" + tab.dataset.page);
      });
      document.dispatchEvent(new CustomEvent("tengen-page", { detail: tab.dataset.page }));
    });
  });
  fetch("/api/info").then(function (r) { return r.json(); }).then(function (info) {
    document.getElementById("engine-info").textContent = "engine: " + info.engine +
      " · sessions " + info.sessions + "/" + info.maxSessions;
  }).catch(function () {});
});
