"""Cross-language check: rows written by the engine (`tengen rows`, Swift) read by the trainer.

The fixtures under Tests/Fixtures/rows/ are made from tiny.sgf there by
    tengen rows --out DIR --pos-len 7 Tests/Fixtures/rows/tiny.sgf
    tengen rows --out DIR --pos-len 7 --teacher Tests/Fixtures/nn/tiny-v14-nested.bin.gz \
        Tests/Fixtures/rows/tiny.sgf
(the written file renamed to tiny.npz / tiny-teacher.npz). The tests skip when they are absent.
"""

import os

import numpy as np
import pytest

from tengen_train import data as D
from tengen_train.simple_positions import features

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "rows")
PLAIN = os.path.join(FIXTURES, "tiny.npz")
TEACHER = os.path.join(FIXTURES, "tiny-teacher.npz")


def need(path):
    if not os.path.exists(path):
        pytest.skip(f"{path} not present (written by `tengen rows`)")
    return D.read_rows(path)


def test_swift_rows_have_the_documented_fields():
    rows, pos_len, meta = need(PLAIN)
    assert pos_len == 7
    assert meta["writer"] == "tengen rows" and meta["teacher"] is None
    n = 11
    for name, (dt, shape) in D.expected_fields(n, 7).items():
        assert rows[name].dtype == np.dtype(dt) and rows[name].shape == shape, name
    assert rows["pla"].tolist() == [1, 2, 1, 2, 1, 2, 1, 1, 2, 1, 2]
    assert rows["move_number"].tolist() == [0, 1, 2, 3, 4, 0, 1, 0, 1, 2, 3]
    assert len(set(rows["game_id"].tolist())) == 3
    assert rows["board_size"].tolist() == [[5, 5]] * n
    assert np.allclose(rows["komi"], [0.5] * 5 + [6.5] * 2 + [7.5] * 4)
    assert np.all(rows["sample_weight"] == 1)


def test_swift_row_targets():
    rows, _, _ = need(PLAIN)
    a = 49
    # one-hot policy: C3 (2,2) -> 16, B3 (1,2) -> 15, C2 (2,1) -> 9, passes -> 49
    assert rows["policy_target"][:5].argmax(1).tolist() == [16, 15, 9, a, a]
    assert np.all(rows["policy_target"].sum(1) == 1)
    # game 1: W+3.5, pla-relative
    assert rows["value_target"][0].tolist() == [0, 1, 0]
    assert rows["value_target"][1].tolist() == [1, 0, 0]
    assert rows["score_targets"][0].tolist() == [-3.5, -3.5, 1.25]
    assert rows["score_targets"][1].tolist() == [3.5, 3.5, 1.0]
    # game 2: B+R (no margin): value known, score/lead weight 0; White moves first
    assert rows["value_target"][5].tolist() == [0, 1, 0]
    assert rows["target_weights"][5].tolist() == [1, 1, 0, 0, 1, 0]
    # game 3: draw
    assert rows["value_target"][7].tolist() == [0.5, 0.5, 0]
    assert rows["score_targets"][7, 0] == 0
    assert np.all(rows["ownership_target"] == 0) and np.all(rows["target_weights"][:, 5] == 0)


def test_swift_planes_match_the_python_featurizer():
    rows, pos_len, _ = need(PLAIN)
    planes = D.unpack_planes(rows["binary_input_planes"], pos_len)
    # the board sits in the top-left corner: nothing at all outside it
    assert not planes[:, :, 5:, :].any() and not planes[:, :, :, 5:].any()
    assert np.all(planes[:, 0, :5, :5] == 1)
    # game 3 (Tromp-Taylor, komi 7.5): simple positions the test featurizer covers
    moves = [(1, 1), (3, 3), (1, 3), (3, 1)]
    for i in range(4):
        sp, gl, pla = features(5, moves[:i], 7.5)
        r = 7 + i
        assert rows["pla"][r] == pla
        assert np.array_equal(planes[r, :, :5, :5], sp.astype(np.uint8)), i
        assert np.allclose(rows["global_inputs"][r], gl, atol=1e-6), i


def test_swift_teacher_rows():
    rows, _, meta = need(TEACHER)
    assert meta["teacher"] == "tiny-v14-nested"
    # policy, value, lead, vtime, ownership from the teacher; score only where RE has a margin
    assert np.all(rows["target_weights"][:, [0, 1, 3, 4, 5]] == 1)
    assert rows["target_weights"][:, 2].tolist() == [1] * 5 + [0] * 2 + [1] * 4
    assert np.allclose(rows["policy_target"].sum(1), 1, atol=1e-4)
    assert np.allclose(rows["value_target"].sum(1), 1, atol=1e-4)
    # off-board points carry neither policy nor ownership
    pol = rows["policy_target"][:, :49].reshape(-1, 7, 7)
    own = rows["ownership_target"].reshape(-1, 7, 7)
    assert not pol[:, 5:, :].any() and not pol[:, :, 5:].any()
    assert not own[:, 5:, :].any() and not own[:, :, 5:].any()
    # occupied points get no policy: before move 2 of game 1, C3 holds a stone
    assert pol[1, 2, 2] == 0
    # record-derived score stays in column 0; the teacher's lead is column 1
    assert rows["score_targets"][0, 0] == -3.5
