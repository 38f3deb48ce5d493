"""`tengen serve` over HTTP and WebSocket without a browser (docs/WEB.md): the security rules
(non-loopback bind needs a token, 401 without it, 404 for path traversal, 413 for an upload
over the limit), the session cap, and bad input answered with an error while the server goes
on. Skips when the binary is not built."""
import json
import os
import socket
import urllib.error
import urllib.request

import pytest

from repo_scripts import ROOT, tengen_binary
from web_server import FIXTURE_RUN, Server, run_refused

websocket = pytest.importorskip("websocket", reason="websocket-client (installed with selenium) is missing")

pytestmark = pytest.mark.skipif(tengen_binary() is None, reason="tengen is not built (swift build)")

TOKEN = "s3cret-token-for-tests"
SGF = "(;GM[1]FF[4]SZ[9]KM[7]RU[chinese];B[ee];W[cc](;B[gc];W[gg])(;B[cg]))"


def get(url, headers=None, data=None, method=None):
    """(status, body bytes, headers) of one request; HTTP errors are results too."""
    req = urllib.request.Request(url, headers=headers or {}, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def raw_get(url, path):
    """Status of a GET of `path` sent byte for byte (no client-side `..` normalisation)."""
    host, port = url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1])


@pytest.fixture(scope="module")
def server():
    with Server("--max-sessions", "2", "--max-upload", "4096", "--run", FIXTURE_RUN) as s:
        yield s


def test_non_loopback_bind_without_a_token_refuses_to_start():
    code, err = run_refused("--host", "0.0.0.0", "--port", "0")
    assert code != 0
    assert "needs --token" in err


def test_short_token_is_refused():
    code, err = run_refused("--host", "0.0.0.0", "--port", "0", "--token", "abc")
    assert code != 0 and "at least 8 characters" in err


def test_pages_and_assets_are_served(server):
    status, body, headers = get(server.url)
    assert status == 200 and b"<title>Tengen</title>" in body
    assert headers["Content-Type"].startswith("text/html")
    for name in ("board.js", "play.js", "analyse.js", "dashboard.js", "app.css"):
        status, body, _ = get(server.url + "assets/" + name)
        assert status == 200 and len(body) > 100, name


@pytest.mark.parametrize("path", [
    "/assets/../../../../etc/passwd", "/assets/..%2F..%2F..%2Fetc%2Fpasswd",
    "/assets/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd", "/assets/board.js/../../Package.swift",
    "/assets/.%2e/Package.swift", "/api/run/game?generation=1&name=../../status.json",
    "/api/run/game?generation=1&name=..%2F..%2Fstatus.json",
])
def test_path_traversal_gets_404(server, path):
    assert raw_get(server.url, path) == 404


def test_upload_over_the_limit_gets_413(server):
    status, body, _ = get(server.url + "api/sgf", data=b"(" + b";" * 5000 + b")", method="POST")
    assert status == 413
    assert "too large" in json.loads(body)["error"]


def test_sgf_with_variations_and_a_broken_one(server):
    status, body, _ = get(server.url + "api/sgf", data=SGF.encode(), method="POST")
    assert status == 200
    game = json.loads(body)
    assert game["size"] == 9 and game["komi"] == 7
    moves = [n.get("move") for n in game["nodes"]]
    assert moves == [None, ["B", "E5"], ["W", "C7"], ["B", "G7"], ["W", "G3"], ["B", "C3"]]
    assert [n["parent"] for n in game["nodes"]] == [None, 0, 1, 2, 3, 2]
    assert game["nodes"][5]["board"][6][2] == "X"  # C3 on the variation
    assert game["nodes"][4]["board"][6][2] == "."  # not on the main line
    status, body, _ = get(server.url + "api/sgf", data=b"(;GM[1]SZ[9];B[ee];W[ee])", method="POST")
    assert status == 400 and "illegal move" in json.loads(body)["error"]
    status, body, _ = get(server.url + "api/sgf", data=b"(;GM[1]SZ[9];B[ee", method="POST")
    assert status == 400 and "Cannot read this SGF" in json.loads(body)["error"]


def test_dashboard_reads_the_fixture_run(server):
    status, body, _ = get(server.url + "api/run")
    run = json.loads(body)
    assert status == 200 and run["ok"]
    assert run["status"]["generation"] == 2
    assert sorted(run["status"]["generations"]) == ["0", "1", "2"]
    assert [(g["generation"], g["name"]) for g in run["games"]][:2] == [
        (2, "game_0000003.sgf"), (2, "game_0000002.sgf")]
    status, body, headers = get(server.url + "api/run/rating.png")
    assert status == 200 and body[:4] == b"\x89PNG"
    status, body, _ = get(server.url + "api/run/game?generation=1&name=game_0000000.sgf")
    assert status == 200 and len(json.loads(body)["nodes"]) > 10


def test_dashboard_explains_a_folder_that_is_not_a_run(tmp_path):
    (tmp_path / "status.json").write_text('{"hello": 1}')
    with Server("--run", str(tmp_path)) as s:
        run = json.loads(get(s.url + "api/run")[1])
        assert not run["ok"] and "not a self-play loop status" in run["message"]
    with Server("--run", str(tmp_path / "missing")) as s:
        run = json.loads(get(s.url + "api/run")[1])
        assert not run["ok"] and "does not exist" in run["message"]


def test_token_is_checked_on_every_request_and_upgrade():
    with Server("--token", TOKEN) as s:
        assert get(s.url)[0] == 401
        assert get(s.url + "?token=wrong-token-123")[0] == 401
        assert get(s.url + "api/info", headers={"Authorization": "Bearer nope-nope-nope"})[0] == 401
        assert get(s.url + "assets/board.js")[0] == 401
        assert get(s.url + "api/sgf", data=SGF.encode(), method="POST")[0] == 401
        status, _, headers = get(s.url + "?token=" + TOKEN)
        assert status == 200 and "tengen_token=" + TOKEN in headers["Set-Cookie"]
        assert get(s.url + "api/info", headers={"Authorization": "Bearer " + TOKEN})[0] == 200
        assert get(s.url + "api/info", headers={"Cookie": "tengen_token=" + TOKEN})[0] == 200
        for bad in ("", "?token=wrong-token-123"):
            with pytest.raises(websocket.WebSocketBadStatusException) as e:
                websocket.create_connection(s.ws("/ws/play") + bad, timeout=30)
            # The middleware refuses the upgrade; Hummingbird's upgrade channel then answers a
            # refused upgrade with 400 instead of passing the 401 on. No socket opens either way.
            assert e.value.status_code in (400, 401)
        ws = websocket.create_connection(s.ws("/ws/play") + "?token=" + TOKEN, timeout=60)
        ws.send(json.dumps({"type": "state"}))
        assert json.loads(ws.recv())["type"] == "state"
        ws.close()


def recv_type(ws, kind):
    while True:
        m = json.loads(ws.recv())
        if m.get("type") in (kind, "error"):
            return m


def test_play_session_answers_bad_input_with_errors_and_goes_on(server):
    ws = websocket.create_connection(server.ws("/ws/play"), timeout=120)
    ws.send(json.dumps({"type": "new", "size": 9, "visits": 20}))
    assert recv_type(ws, "state")["toMove"] == "black"
    for bad, text in [("{not json", "malformed message"), ("[1,2]", "JSON object"),
                      ('{"type":"fly"}', "unknown message type"),
                      ('{"type":"play","vertex":"Z99"}', "not a point"),
                      ('{"type":"new","size":7}', "board size"),
                      ('{"type":"new","visits":-3}', "visits")]:
        ws.send(bad)
        m = recv_type(ws, "state")
        assert m["type"] == "error" and text in m["message"], (bad, m)
    ws.send_binary(b"\x00\x01")
    assert "text messages" in recv_type(ws, "state")["message"]
    ws.send(json.dumps({"type": "play", "vertex": "E5"}))
    while True:
        m = recv_type(ws, "state")
        if not m["thinking"]:
            break
    assert m["moveNumber"] == 2 and m["board"][4][4] == "X"
    ws.send(json.dumps({"type": "play", "vertex": "E5"}))
    assert "occupied" in recv_type(ws, "state")["message"]
    ws.send(json.dumps({"type": "undo"}))
    assert recv_type(ws, "state")["moveNumber"] == 0
    ws.send(json.dumps({"type": "resign"}))
    m = recv_type(ws, "state")
    assert m["over"] and m["result"] == "W+R"
    ws.send(json.dumps({"type": "sgf"}))
    assert "RE[W+R]" in recv_type(ws, "sgf")["text"]
    ws.close()


def test_analysis_session_speaks_the_json_protocol(server):
    ws = websocket.create_connection(server.ws("/ws/analysis"), timeout=120)
    ws.send("{bad")
    assert "could not parse input line" in json.loads(ws.recv())["error"]
    ws.send(json.dumps({"id": "q", "moves": [["B", "E5"]], "rules": "chinese", "komi": 7,
                        "boardXSize": 9, "boardYSize": 9, "maxVisits": 20, "includeOwnership": True}))
    m = json.loads(ws.recv())
    assert m["id"] == "q" and m["moveInfos"] and len(m["ownership"]) == 81
    ws.send(json.dumps({"id": "x", "moves": [["B", "E5"], ["W", "E5"]], "rules": "chinese",
                        "boardXSize": 9, "boardYSize": 9}))
    assert "Illegal move 1" in json.loads(ws.recv())["error"]
    ws.close()


def test_session_cap_and_closed_sessions_free_their_place(server):
    a = websocket.create_connection(server.ws("/ws/play"), timeout=60)
    b = websocket.create_connection(server.ws("/ws/analysis"), timeout=60)
    # A long analysis that only the closing socket ends.
    b.send(json.dumps({"id": "long", "moves": [], "rules": "chinese", "boardXSize": 9,
                       "boardYSize": 9, "maxVisits": 100000000, "reportDuringSearchEvery": 0.2}))
    assert json.loads(b.recv())["id"] == "long"
    c = websocket.create_connection(server.ws("/ws/play"), timeout=60)
    m = json.loads(c.recv())
    assert m["type"] == "error" and "busy" in m["message"]
    c.close()
    a.close()
    b.close()
    for _ in range(100):  # the places come back once the sessions have stopped
        info = json.loads(get(server.url + "api/info")[1])
        if info["sessions"] == 0:
            break
        import time
        time.sleep(0.2)
    assert info["sessions"] == 0
    d = websocket.create_connection(server.ws("/ws/play"), timeout=60)
    d.send(json.dumps({"type": "state"}))
    assert recv_type(d, "state")["type"] == "state"
    d.close()


def test_sessions_share_the_network_cache_and_a_new_game_keeps_it():
    """With a network, /api/info shows the shared evaluation cache; a game's `new` (which clears
    the engine's caches, as GTP's clear_cache does) and an analysis `clear_cache` leave the cache
    the other sessions use alone."""
    model = os.path.join(ROOT, "networks", "tengen-9x9.bin.gz")
    if not os.path.exists(model):
        pytest.skip("the bundled 9x9 network is missing")
    with Server("--model", model, "--max-threads", "4") as s:
        def entries():
            return json.loads(get(s.url + "api/info")[1])["nnCache"]["entries"]

        assert entries() == 0
        ws = websocket.create_connection(s.ws("/ws/play"), timeout=120)
        ws.send(json.dumps({"type": "new", "size": 9, "visits": 8}))
        recv_type(ws, "state")
        ws.send(json.dumps({"type": "play", "vertex": "E5"}))
        while recv_type(ws, "state")["thinking"]:
            pass
        filled = entries()
        assert filled > 0
        ws.send(json.dumps({"type": "new", "size": 9, "visits": 8}))
        recv_type(ws, "state")
        a = websocket.create_connection(s.ws("/ws/analysis"), timeout=120)
        a.send(json.dumps({"id": "c", "action": "clear_cache"}))
        assert json.loads(a.recv())["action"] == "clear_cache"
        assert entries() >= filled
        a.close()
        ws.close()
