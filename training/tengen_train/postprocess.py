"""KataGo's post-processing of raw network outputs (docs/KATAGO.md §2.6-2.7), in numpy float64.

Used to compare the PyTorch forward pass with KataGo's `kata-raw-nn`, and by tools that want
human-readable numbers. Inputs are the raw outputs of one position (no batch dimension).
"""

import numpy as np

from .katago_format import DEFAULT_MULTIPLIERS


def softplus(x):
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 40, x, np.log1p(np.exp(np.minimum(x, 40))))


def postprocess(policy, value, misc, ownership, *, pla_is_white, legal, optimism=0.2,
                no_result_possible=False, multipliers=None):
    """Return KataGo-style outputs from White's perspective.

    policy (2, H*W+1) logits, value (3,), misc (6,), ownership (H, W) raw;
    legal: bool (H*W,) for board points (pass is always legal).
    """
    m = dict(DEFAULT_MULTIPLIERS)
    m.update(multipliers or {})
    policy = np.asarray(policy, dtype=np.float64)
    logits = policy[0] + (policy[1] - policy[0]) * optimism
    legal_all = np.concatenate([np.asarray(legal, dtype=bool), [True]])
    z = np.where(legal_all, logits, -np.inf)
    z = z - z.max()
    e = np.exp(z)
    probs = e / e.sum()

    v = np.asarray(value, dtype=np.float64).copy()
    if not no_result_possible:
        v[2] = -np.inf
    v = np.exp(v - v.max())
    win, loss, nr = v / v.sum()
    s = np.asarray(misc, dtype=np.float64)
    score_mean = s[0] * m["scoreMeanMultiplier"]
    stdev = softplus(s[1]) * m["scoreStdevMultiplier"]
    score_sq = score_mean ** 2 + stdev ** 2
    lead = s[2] * m["leadMultiplier"]
    vtime = softplus(s[3]) * m["varianceTimeMultiplier"]
    score_mean, score_sq, lead = score_mean * (1 - nr), score_sq * (1 - nr), lead * (1 - nr)
    st_wl = softplus(0.5 * s[4]) * np.sqrt(m["shorttermValueErrorMultiplier"])
    st_score = softplus(0.5 * s[5]) * np.sqrt(m["shorttermScoreErrorMultiplier"])
    own = np.tanh(np.asarray(ownership, dtype=np.float64))
    if not pla_is_white:
        win, loss = loss, win
        score_mean, lead, own = -score_mean, -lead, -own
    board = np.where(legal_all[:-1], probs[:-1], np.nan)
    return {
        "whiteWin": float(win), "whiteLoss": float(loss), "noResult": float(nr),
        "whiteLead": float(lead), "whiteScoreSelfplay": float(score_mean),
        "whiteScoreSelfplaySq": float(score_sq), "varTimeLeft": float(vtime),
        "shorttermWinlossError": float(st_wl), "shorttermScoreError": float(st_score),
        "policy": board, "policyPass": float(probs[-1]), "whiteOwnership": own.ravel(),
    }
