"""KataGo post-processing formulas (docs/KATAGO.md §2.6-2.7) on hand-computable inputs; the KataGo
cross-check tests them against the real binary when it is installed."""

import math

import numpy as np
import pytest

from tengen_train.postprocess import postprocess


def _sp(x):
    return math.log1p(math.exp(x))


def test_values_scores_and_perspective():
    policy = np.zeros((2, 5))
    policy[0] = [1.0, 0.0, 0.0, 0.0, 2.0]
    policy[1] = [3.0, 0.0, 0.0, 0.0, 2.0]
    value = np.array([1.0, 0.0, 5.0])
    misc = np.array([0.1, -0.5, 0.2, 0.3, -1.0, 0.4])
    own = np.array([[0.5, -0.5], [0.0, 1.0]])
    legal = np.array([True, True, False, True])
    w = postprocess(policy, value, misc, own, pla_is_white=True, legal=legal)
    # no-result impossible under positional ko + area scoring: its logit is dropped
    assert w["noResult"] == 0.0
    assert w["whiteWin"] == pytest.approx(math.exp(1) / (math.exp(1) + 1))
    assert w["whiteLead"] == pytest.approx(0.2 * 20)
    assert w["whiteScoreSelfplay"] == pytest.approx(0.1 * 20)
    stdev = _sp(-0.5) * 20
    assert w["whiteScoreSelfplaySq"] == pytest.approx(2.0 ** 2 + stdev ** 2)
    assert w["varTimeLeft"] == pytest.approx(_sp(0.3) * 40)
    assert w["shorttermWinlossError"] == pytest.approx(_sp(-0.5) * math.sqrt(0.25))
    assert w["shorttermScoreError"] == pytest.approx(_sp(0.2) * math.sqrt(150))
    # policy: logits mixed with optimism 0.2, illegal point NaN, softmax over the rest + pass
    mixed = np.array([1.4, 0.0, 0.0, 2.0])
    e = np.exp(mixed - mixed.max())
    probs = e / e.sum()
    assert np.isnan(w["policy"][2])
    assert w["policy"][[0, 1, 3]] == pytest.approx(probs[:3])
    assert w["policyPass"] == pytest.approx(probs[3])
    assert w["whiteOwnership"] == pytest.approx(np.tanh(own).ravel())
    b = postprocess(policy, value, misc, own, pla_is_white=False, legal=legal)
    assert b["whiteWin"] == pytest.approx(w["whiteLoss"])
    assert b["whiteLead"] == pytest.approx(-w["whiteLead"])
    assert b["whiteScoreSelfplaySq"] == pytest.approx(w["whiteScoreSelfplaySq"])
    assert b["whiteOwnership"] == pytest.approx(-w["whiteOwnership"])


def test_no_result_scales_scores_when_possible():
    v = postprocess(np.zeros((2, 2)), np.array([0.0, 0.0, 0.0]), np.array([0.5, 0, 0.5, 0, 0, 0]),
                    np.zeros((1, 1)), pla_is_white=True, legal=np.array([True]),
                    no_result_possible=True)
    assert v["noResult"] == pytest.approx(1 / 3)
    assert v["whiteLead"] == pytest.approx(10 * (2 / 3))
