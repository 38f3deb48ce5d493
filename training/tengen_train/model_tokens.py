"""The token stream of a KataGo model file, numpy only: header and layer lines as
space-separated tokens, float arrays as `@BIN@` + little-endian float32 (binary files) or as
decimal text (text files). The one writer behind the trainer's exporter (`katago_format`) and
the fixture generator of random tiny models (`scripts/nn_tiny_models.py`)."""

import io

import numpy as np


class TokenWriter:
    """Accumulates one model file's bytes."""

    def __init__(self, binary=True):
        self.binary = binary
        self.buf = io.BytesIO()

    def tok(self, *items):
        """One line of tokens (bools as 0/1, floats by repr)."""
        self.buf.write((" ".join(token(i) for i in items) + "\n").encode("ascii"))

    def floats(self, arr):
        """One float array, flattened in C order; refuses NaN and infinities."""
        a = np.ascontiguousarray(np.asarray(arr, dtype="<f4").ravel())
        if not np.all(np.isfinite(a)):
            raise ValueError("refusing to write non-finite weights")
        if self.binary:
            self.buf.write(b"@BIN@" + a.tobytes() + b"\n")
        else:
            self.buf.write((" ".join(repr(float(v)) for v in a) + "\n").encode("ascii"))

    def getvalue(self):
        return self.buf.getvalue()


def token(x):
    if isinstance(x, (bool, np.bool_)):
        return str(int(x))
    if isinstance(x, float):
        return repr(x)
    return str(x)
