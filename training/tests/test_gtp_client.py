"""tengen_train.gtp_client's helpers without an engine: vertices, SGF moves, batch replies."""
from tengen_train.gtp_client import replies, sgf_moves, sgf_size, sgf_vertex, vertex


def test_vertices_skip_the_letter_i_and_count_rows_from_the_bottom():
    assert vertex(0, 0, 9) == "A9" and vertex(8, 8, 9) == "J1" and vertex(7, 3, 19) == "H16"
    assert sgf_vertex("cd", 9) == vertex(2, 3, 9) == "C6"
    assert sgf_vertex("", 9) == sgf_vertex("tt", 19) == "pass"
    assert sgf_vertex("tt", 21) == "U2"   # beyond 19x19, tt is a point


def test_sgf_moves_and_size(tmp_path):
    game = tmp_path / "g.sgf"
    game.write_text("(;GM[1]SZ[13]KM[7.5]\n;B[dd]C[a comment];W[];B[jj]\n)")
    assert sgf_moves(game) == [("B", "dd"), ("W", ""), ("B", "jj")]
    assert sgf_size(game) == 13
    game.write_text("(;GM[1];B[pd])")
    assert sgf_size(game) == 19


def test_replies_split_a_batch_sessions_output():
    assert replies("= \n\n= 24\n\n? unknown command\n\n= \n\n") == ["=", "= 24", "? unknown command", "="]
    assert replies("") == []
