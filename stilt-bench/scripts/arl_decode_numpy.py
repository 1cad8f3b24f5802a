#!/usr/bin/env python3
"""Reference timing for docs/BENCHMARKS.md: a straightforward vectorised numpy ARL decoder.

Decodes every 8-bit record of an ARL file (cumulative sums, precision rule, rotating checksum) the way
any Python tool built on numpy would, and prints MB/s of packed data. Usage: arl_decode_numpy.py FILE [REPEATS]
"""
import sys
import time

import numpy as np


def decode_file(buf):
    head = buf[50:158].decode("ascii")
    nx, ny, nz = int(head[93:96]), int(head[96:99]), int(head[99:102])
    lenh = int(head[104:108])
    ldat = nx * ny
    lrec = 50 + ldat
    nndx = lenh // ldat + 1
    text = buf[50:50 + lenh].decode("ascii")
    k = 108
    nvars = 0
    for _ in range(nz):
        n = int(text[k + 6:k + 8])
        nvars += n
        k += 8 + 8 * n
    per = nndx + nvars
    nper = len(buf) // (per * lrec)
    total = 0.0
    arr = np.frombuffer(buf, dtype=np.uint8)
    for p in range(nper):
        for r in range(nndx, per):
            off = (p * per + r) * lrec
            label = buf[off:off + 50].decode("ascii")
            nexp = int(label[18:22])
            prec = float(label[22:36])
            var1 = float(label[36:50])
            d = (arr[off + 50:off + lrec].reshape(ny, nx).astype(np.float64) - 127.0) * 2.0 ** (nexp - 7)
            d[:, 0] = var1 + np.cumsum(d[:, 0])
            v = np.cumsum(d, axis=1)
            col = v[:, 0].copy()
            v[np.abs(v) < prec] = 0.0
            v[:, 0] = col
            s = int(arr[off + 50:off + lrec].sum(dtype=np.int64))
            checksum = (s - 1) % 255 + 1 if s else 0  # equals the rotating sum with carries folded back in
            total += v[0, 0] + checksum
    return nper * nvars, nper * nvars * ldat, total


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    buf = open(path, "rb").read()
    decode_file(buf)  # warm up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        nrec, nbytes, _ = decode_file(buf)
        best = min(best, time.perf_counter() - t0)
    print(f"{path}: {nrec} records, {nbytes / 1e6:.2f} MB packed, best {best * 1e3:.1f} ms, {nbytes / 1e6 / best:.1f} MB/s")


if __name__ == "__main__":
    main()
