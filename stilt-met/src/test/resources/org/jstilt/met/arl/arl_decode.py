"""Independent decoder of ARL packed meteorology, for checking the Java reader (stdlib only, Python 3).

Written from the format description in TRANSPORT.md section 1 (not from the Java sources): every
period starts with INDX record(s); the index text lists, per level, the variables and one checksum each;
a data record is a 50-byte label (6I2, 2X, A4, I4, 2E14.7) and nx*ny bytes of differences, summed first
up the first column, then along every row; values off the first column below PREC are stored as 0.

The running sums are kept as whole numbers of packing steps (exact integers), so each value is
VAR1 + n * 2**(NEXP-7) evaluated once in binary64; the mean is the plain left-to-right float sum over
the field in storage order divided by nx*ny.

Usage: python3 arl_decode.py FILE...   Prints one tab-separated line per data record:
file  time  level  var  checksum_ok  min  max  mean   (floats in repr, i.e. shortest round-trip form)
and exits 1 if any stored checksum does not match.
"""

import itertools
import os
import sys

LABEL = 50
SIXTEEN_BIT = ("RAMS", "DWRF", "NWRF", "DGEO")


def label_fields(raw):
    text = raw.decode("ascii")
    yy, mm, dd, hh, fc, lev = (int(text[k:k + 2]) for k in range(0, 12, 2))
    grid = text[12:14]
    return {
        "time": (2000 + yy if yy < 40 else 1900 + yy, mm, dd, hh),
        "level": lev,
        "grid": grid,
        "var": text[14:18],
        "nexp": int(text[18:22]),
        "prec": float(text[22:36]),
        "var1": float(text[36:50]),
    }


def thousands(c):
    return (ord(c) - 64) * 1000 if ord(c) >= 64 else 0


def parse_index(text):
    model = text[0:4]
    minutes = int(text[7:9])
    nx, ny, nz = int(text[93:96]), int(text[96:99]), int(text[99:102])
    lenh = int(text[104:108])
    if lenh < 0:
        lenh = -lenh + 10000
    levels = []
    pos = 108
    for _ in range(nz):
        nvar = int(text[pos + 6:pos + 8])
        pos += 8
        vars_ = []
        for _ in range(nvar):
            vars_.append((text[pos:pos + 4], int(text[pos + 4:pos + 7])))
            pos += 8
        levels.append(vars_)
    return model, minutes, nx, ny, lenh, levels


def decode(data, nx, ny, nexp, prec, var1, two_bytes):
    if two_bytes:
        step = 2.0 ** (nexp - 15)
        d = [data[2 * k] + 256 * data[2 * k + 1] - 32767 for k in range(nx * ny)]
    else:
        step = 2.0 ** (nexp - 7)
        d = [b - 127 for b in data]
    out = []
    column = 0
    for j in range(ny):
        row = d[j * nx:(j + 1) * nx]
        column += row[0]
        out.append(var1 + column * step)
        for n in list(itertools.accumulate(row[1:], initial=column))[1:]:
            v = var1 + n * step
            out.append(0.0 if abs(v) < prec else v)
    return out


def checksum(data):
    s = 0
    for b in data:
        s += b
        if s >= 256:
            s -= 255
    return s


def main(paths):
    bad = 0
    for path in paths:
        with open(path, "rb") as f:
            blob = f.read()
        first = label_fields(blob[:LABEL])
        head = blob[LABEL:LABEL + 108].decode("ascii")
        model = head[0:4]
        nx = int(head[93:96]) + thousands(first["grid"][0])
        ny = int(head[96:99]) + thousands(first["grid"][1])
        two_bytes = model in SIXTEEN_BIT or model.startswith("ECX")
        npts = nx * ny * (2 if two_bytes else 1)
        lrec = LABEL + npts
        if len(blob) % lrec:
            raise SystemExit("%s: size %d is not a multiple of the record length %d" % (path, len(blob), lrec))
        rec = 0
        nrec = len(blob) // lrec
        while rec < nrec:
            lab = label_fields(blob[rec * lrec:rec * lrec + LABEL])
            if lab["var"] != "INDX":
                raise SystemExit("%s: record %d is %s, expected INDX" % (path, rec, lab["var"]))
            text = blob[rec * lrec + LABEL:rec * lrec + lrec].decode("ascii")
            model, minutes, _, _, lenh, levels = parse_index(text)
            nndx = lenh // (nx * ny) + 1
            if nndx > 1:  # the index text continues in the data part of the following records
                parts = [blob[(rec + k) * lrec + LABEL:(rec + k + 1) * lrec].decode("ascii") for k in range(nndx)]
                model, minutes, _, _, lenh, levels = parse_index("".join(parts))
            y, mo, d, h = lab["time"]
            when = "%04d-%02d-%02dT%02d:%02d:00Z" % (y, mo, d, h, minutes)
            rec += nndx
            for lev, vars_ in enumerate(levels):
                for name, stored in vars_:
                    start = rec * lrec
                    dl = label_fields(blob[start:start + LABEL])
                    if dl["var"] != name or dl["level"] != lev:
                        raise SystemExit("%s record %d: label %s level %d, index says %s level %d"
                                         % (path, rec, dl["var"], dl["level"], name, lev))
                    data = blob[start + LABEL:start + lrec]
                    ok = checksum(data) == stored if not two_bytes else True
                    bad += 0 if ok else 1
                    v = decode(data, nx, ny, dl["nexp"], dl["prec"], dl["var1"], two_bytes)
                    total = 0.0
                    for x in v:
                        total += x
                    print("\t".join([os.path.basename(path), when, str(lev), name, "1" if ok else "0",
                                     repr(min(v)), repr(max(v)), repr(total / len(v))]))
                    rec += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
