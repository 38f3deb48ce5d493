"""`tengen serve` in a real browser (docs/WEB.md): headless Chromium driven by Selenium plays a
9x9 game to the end by clicking, loads an SGF and waits for the analysis marks and the
whole-game graph, and opens the dashboard of the tiny run fixture. Screenshots go to
`out/web/` (or $TENGEN_WEB_ARTIFACTS).

Needs Debian's `chromium` and `chromium-driver` and PyPI's `selenium` (CI installs them,
`scripts/setup.sh`); skips with the reason when any is missing."""
import os
import shutil
import time

import pytest

from repo_scripts import tengen_binary
from web_server import ARTIFACTS, FIXTURE_RUN, Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.skipif(tengen_binary() is None, reason="tengen is not built (swift build)"),
    pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                       reason="chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"),
]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SGF = ("(;GM[1]FF[4]SZ[9]KM[7]RU[chinese]PB[Alice]PW[Bob]"
       ";B[ee];W[cc];B[gc];W[cg];B[gg];W[ec];B[ce]C[a comment](;W[dd];B[de];W[fd];B[fe];W[gd])"
       "(;W[bd]))")


@pytest.fixture(scope="module")
def browser():
    os.makedirs(ARTIFACTS, exist_ok=True)
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1300,1000"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def server():
    with Server("--run", FIXTURE_RUN) as s:
        yield s


def shot(driver, name):
    driver.save_screenshot(os.path.join(ARTIFACTS, name))


def wait(driver, condition, timeout=60):
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))


def play_state(driver):
    return driver.execute_script("return Tengen.play.state();")


def test_play_a_9x9_game_to_the_end_by_clicking(browser, server):
    browser.get(server.url)
    wait(browser, lambda d: play_state(d) is not None)
    browser.find_element(By.ID, "play-amount").clear()
    browser.find_element(By.ID, "play-amount").send_keys("12")
    browser.find_element(By.ID, "play-komi").clear()
    browser.find_element(By.ID, "play-komi").send_keys("7.5")
    browser.find_element(By.ID, "play-new").click()
    wait(browser, lambda d: (s := play_state(d)) and s["moveNumber"] == 0 and s["komi"] == 7.5)
    # An illegal click (an occupied point) shows an error and changes nothing.
    clicks = 0
    refused = set()  # points refused at the current move (suicide, ko)
    for turn in range(300):
        state = play_state(browser)
        if state["over"]:
            break
        n = state["moveNumber"]
        if clicks < 36:
            # Click the first empty point in a fixed order that is not the ko point.
            rows = state["board"]
            order = [(x, y) for y in range(9) for x in range(9) if (x * 4 + y * 7) % 9 in (0, 2, 4, 6, 8)]
            order += [(x, y) for y in range(9) for x in range(9)]
            target = None
            for x, y in order:
                v = "ABCDEFGHJ"[x] + str(9 - y)
                if rows[y][x] == "." and v != state["ko"] and (n, v) not in refused:
                    target = v
                    break
            if target is None:
                browser.find_element(By.ID, "play-pass").click()
            else:
                browser.find_element(By.CSS_SELECTOR, f'#play-board rect.point[data-vertex="{target}"]').click()
                clicks += 1
        else:
            browser.find_element(By.ID, "play-pass").click()
        wait(browser, lambda d: (s := play_state(d))["over"] or (not s["thinking"] and s["moveNumber"] != n)
             or d.find_element(By.ID, "play-error").text != "")
        if browser.find_element(By.ID, "play-error").text:
            err = browser.find_element(By.ID, "play-error").text
            assert "Illegal move" in err, err
            refused.add((n, target))
        if turn == 2:
            # An occupied point: the page shows the server's message.
            occupied = play_state(browser)["lastMove"]
            browser.find_element(By.CSS_SELECTOR, f'#play-board rect.point[data-vertex="{occupied}"]').click()
            wait(browser, lambda d: "occupied" in d.find_element(By.ID, "play-error").text)
    state = play_state(browser)
    assert state["over"], state
    result = browser.find_element(By.ID, "play-result").text
    assert result.startswith("Result: ") and ("B+" in result or "W+" in result or "Draw" in result)
    assert browser.find_elements(By.CSS_SELECTOR, "#play-board .territory"), "no territory drawn at the end"
    shot(browser, "play-end.png")
    browser.find_element(By.ID, "play-sgf").click()
    wait(browser, lambda d: "RE[" in (d.find_element(By.ID, "play-sgf").get_attribute("data-last-sgf") or ""))


def test_load_an_sgf_and_see_analysis(browser, server):
    browser.get(server.url)
    browser.find_element(By.ID, "tab-analyse").click()
    # A broken record: the page shows the parser's message.
    browser.find_element(By.ID, "sgf-text").send_keys("(;GM[1]SZ[9];B[ee];W[ee])")
    browser.find_element(By.ID, "sgf-load").click()
    wait(browser, lambda d: "illegal move" in d.find_element(By.ID, "analyse-error").text)
    box = browser.find_element(By.ID, "sgf-text")
    box.clear()
    box.send_keys(SGF)
    browser.find_element(By.ID, "sgf-load").click()
    wait(browser, lambda d: d.find_element(By.ID, "analyse-position").get_attribute("data-node") == "0")
    for _ in range(7):
        browser.find_element(By.ID, "nav-next").click()
    wait(browser, lambda d: "a comment" in d.find_element(By.ID, "analyse-comment").text)
    variations = browser.find_elements(By.CSS_SELECTOR, "#variations button.variation")
    assert [v.text for v in variations] == ["main: W D6", "variation 1: W B6"]
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#analyse-board g.candidate")) >= 3)
    assert browser.find_elements(By.CSS_SELECTOR, "#analyse-board rect.own"), "no ownership drawn"
    wait(browser, lambda d: int(d.find_element(By.ID, "analyse-root").get_attribute("data-visits") or 0) >= 100)
    # Hover over the best move: its principal variation appears as numbered stones.
    best = browser.find_element(By.CSS_SELECTOR, "#analyse-board g.candidate").get_attribute("data-vertex")
    hit = browser.find_element(By.CSS_SELECTOR, f'#analyse-board rect.point[data-vertex="{best}"]')
    webdriver.ActionChains(browser).move_to_element(hit).perform()
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#analyse-board text")) > 18 + 1)
    webdriver.ActionChains(browser).move_to_element(browser.find_element(By.ID, "analyse-game")).perform()
    # Whole game: the progress bar fills, the graph appears with the mistakes list.
    visits = browser.find_element(By.ID, "game-visits")
    visits.clear()
    visits.send_keys("8")
    browser.find_element(By.ID, "analyse-game").click()
    wait(browser, lambda d: d.find_element(By.ID, "game-progress").get_attribute("data-done") == "13", timeout=120)
    assert browser.find_elements(By.CSS_SELECTOR, "#analyse-graph polyline.winrate-line")
    assert browser.find_elements(By.CSS_SELECTOR, "#mistakes li")
    shot(browser, "analyse.png")
    # A malformed message on the socket gets an error in the page; the session goes on.
    browser.execute_script("Tengen.analyse.sendRaw('{oops');")
    wait(browser, lambda d: "could not parse" in d.find_element(By.ID, "analyse-error").text)
    browser.find_element(By.ID, "nav-prev").click()
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#analyse-board g.candidate")) >= 3)


def test_training_dashboard_of_the_fixture_run(browser, server):
    browser.get(server.url)
    browser.find_element(By.ID, "tab-training").click()
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#run-generations tr.generation")) == 3)
    summary = browser.find_element(By.ID, "run-summary").text
    assert "Generation 2" in summary and "gen0002.bin.gz" in summary and "games/hour" in summary
    assert len(browser.find_elements(By.CSS_SELECTOR, "#run-rating polyline.rating-line")) == 2
    assert len(browser.find_elements(By.CSS_SELECTOR, "#run-games li.game")) == 4
    wait(browser, lambda d: "result" in d.find_element(By.ID, "run-game-info").text)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#run-board circle.stone")) > 10
    wait(browser, lambda d: d.execute_script(
        "var i = document.getElementById('run-rating-png'); return i.complete && i.naturalWidth > 0;"))
    browser.find_elements(By.CSS_SELECTOR, "#run-games li.game")[2].click()
    wait(browser, lambda d: "gen 1" in d.find_element(By.CSS_SELECTOR, "#run-games li.selected").text)
    shot(browser, "dashboard.png")
