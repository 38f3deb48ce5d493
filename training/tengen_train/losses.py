"""Loss per head. Weights are documented in docs/TRAINING.md; keep the two in sync.

Every per-row loss is multiplied by sample_weight and by that head's column of target_weights,
then averaged over the rows of the batch (divided by the row count, not the weight sum, so
that DDP gradient averaging equals single-process training on the whole batch). Exceptions:
policy_next is weighted by whether the row has a next-move target (all-zero target: 0), and
st_value / st_score use short_term_weight (with the short-term targets) where it is > 0.

Batches without the format-version-2 keys (policy_next, short_term, short_term_weight: e.g.
hand-built ones) are treated as having no such targets.
"""

import torch
import torch.nn.functional as F

from .katago_format import DEFAULT_MULTIPLIERS

LOSS_WEIGHTS = {
    "policy": 1.0,        # cross-entropy, main policy channel vs policy_target
    "policy_opt": 0.25,   # channel 1 (short-term optimistic) vs the same target, for now
    "policy_next": 0.15,  # auxiliary next-move (opponent's reply) policy vs policy_target_next
    "value": 1.5,         # cross-entropy win/loss/no-result vs value_target
    "score": 0.5,         # Huber (delta 0.5) on score / scoreMeanMultiplier
    "stdev": 0.02,        # Gaussian NLL of the score target given mean (detached) and stdev
    "lead": 0.5,          # Huber on lead / leadMultiplier
    "vtime": 0.25,        # Huber on variance-time / varianceTimeMultiplier
    "st_value": 0.25,     # short-term value error: predicts (target_wl - predicted_wl)^2, target =
                          # short_term_targets where short_term_weight > 0, else value_target
    "st_score": 0.1,      # short-term score error: predicts (score - predicted score)^2 / 150,
                          # score = short-term score where short_term_weight > 0, else final
    "ownership": 1.0,     # binary cross-entropy per on-board point, mean over the board
}
W_COL = {"policy": 0, "value": 1, "score": 2, "lead": 3, "vtime": 4, "ownership": 5}


def _huber(x, delta=0.5):
    return F.smooth_l1_loss(x, torch.zeros_like(x), reduction="none", beta=delta)


def compute_losses(out, batch, weights=None):
    """out: model outputs; batch: tensors from RowDataset.get(). Returns (total, dict of
    per-head mean losses as tensors, dict of metrics)."""
    lw = dict(LOSS_WEIGHTS)
    lw.update(weights or {})
    mult = DEFAULT_MULTIPLIERS
    sw = batch["sample_weight"]
    tw = batch["weights"]
    n = sw.shape[0]
    mask = batch["spatial"][:, 0].flatten(1)
    area = mask.sum(1).clamp(min=1)
    pol_t = batch["policy"]
    # off-board points never carry target mass; mask their logits so softmax ignores them
    pol_mask = torch.cat([mask, torch.ones_like(mask[:, :1])], dim=1)
    logits = out["policy"].float().masked_fill(pol_mask.unsqueeze(1) == 0, -1e4)
    logp = F.log_softmax(logits, dim=2)
    l_pol = -(pol_t * logp[:, 0]).sum(1)
    l_pol_opt = -(pol_t * logp[:, 1]).sum(1)
    pn_t = batch.get("policy_next")
    if pn_t is None:
        pn_t = torch.zeros_like(pol_t)
    has_pn = (pn_t.sum(1) > 0).float()
    logp_next = F.log_softmax(out["policy_next"].float().masked_fill(pol_mask.unsqueeze(1) == 0, -1e4),
                              dim=2)[:, 0]
    l_pol_next = -(pn_t * logp_next).sum(1)

    v = out["value"].float()
    l_val = -(batch["value"] * F.log_softmax(v, dim=1)).sum(1)

    misc = out["misc"].float()
    score_t, lead_t, vtime_t = batch["score"][:, 0], batch["score"][:, 1], batch["score"][:, 2]
    sm = mult["scoreMeanMultiplier"]
    l_score = _huber(misc[:, 0] - score_t / sm)
    mean_pts = (misc[:, 0] * sm).detach()
    sigma = F.softplus(misc[:, 1]) * mult["scoreStdevMultiplier"] + 0.5
    l_stdev = torch.log(sigma) + 0.5 * ((score_t - mean_pts) / sigma) ** 2
    l_lead = _huber(misc[:, 2] - lead_t / mult["leadMultiplier"])
    vt = mult["varianceTimeMultiplier"]
    l_vtime = _huber(F.softplus(misc[:, 3]) - vtime_t / vt)
    probs = torch.softmax(v, dim=1).detach()
    wl_pred = probs[:, 0] - probs[:, 1]
    # short-term error targets: KataGo's (short-term TD target - prediction)^2 where the row has
    # a short-term target, else (final result - prediction)^2 as before
    st_w = batch.get("short_term_weight")
    if st_w is None:
        st_w = torch.zeros_like(sw)
    has_st = st_w > 0
    st_t = batch.get("short_term")
    if st_t is None:
        st_t = torch.zeros((n, 4), dtype=sw.dtype, device=sw.device)
    wl_t = torch.where(has_st, st_t[:, 0] - st_t[:, 1], batch["value"][:, 0] - batch["value"][:, 1])
    st_score_t = torch.where(has_st, st_t[:, 3], score_t)
    st_v_pred = F.softplus(0.5 * misc[:, 4]) ** 2 * mult["shorttermValueErrorMultiplier"]
    l_st_value = _huber(st_v_pred - (wl_t - wl_pred) ** 2)
    ss = mult["shorttermScoreErrorMultiplier"]
    st_s_pred = F.softplus(0.5 * misc[:, 5]) ** 2  # in units of shorttermScoreErrorMultiplier
    l_st_score = _huber(st_s_pred - (st_score_t - mean_pts) ** 2 / ss)
    w_st_value = torch.where(has_st, st_w, tw[:, W_COL["value"]])
    w_st_score = torch.where(has_st, st_w, tw[:, W_COL["score"]])

    own_logit = 2.0 * out["ownership"].float().flatten(1)   # tanh(x) = 2*sigmoid(2x) - 1
    own_t = (batch["ownership"] + 1.0) * 0.5
    l_own_pt = F.binary_cross_entropy_with_logits(own_logit, own_t, reduction="none")
    l_own = (l_own_pt * mask).sum(1) / area

    per_row = {
        "policy": (l_pol, tw[:, W_COL["policy"]]),
        "policy_opt": (l_pol_opt, tw[:, W_COL["policy"]]),
        "policy_next": (l_pol_next, has_pn),
        "value": (l_val, tw[:, W_COL["value"]]),
        "score": (l_score, tw[:, W_COL["score"]]),
        "stdev": (l_stdev, tw[:, W_COL["score"]]),
        "lead": (l_lead, tw[:, W_COL["lead"]]),
        "vtime": (l_vtime, tw[:, W_COL["vtime"]]),
        "st_value": (l_st_value, w_st_value),
        "st_score": (l_st_score, w_st_score),
        "ownership": (l_own, tw[:, W_COL["ownership"]]),
    }
    heads = {}
    total = torch.zeros((), device=v.device)
    for k, (l, w) in per_row.items():
        m = (l * w * sw).sum() / n
        heads[k] = m
        total = total + lw[k] * m
    with torch.no_grad():
        has_pol = pol_t.sum(1) > 0
        correct = (logp[:, 0].argmax(1) == pol_t.argmax(1)) & has_pol
        correct_next = (logp_next.argmax(1) == pn_t.argmax(1)) & (has_pn > 0)
        metrics = {"policy_top1": correct.float().sum() / has_pol.float().sum().clamp(min=1),
                   # rows with a next-move target only; 0 when the batch has none
                   "policy_next_top1": correct_next.float().sum() / has_pn.sum().clamp(min=1)}
    return total, heads, metrics
