#!/usr/bin/env python3
"""apply_fit.py: puts the values of a fitted set (transim fit -o) into the
model table's rows, so that the model runs with them.

Usage: python3 assets/history/apply_fit.py [assets/history/fitted.ini]

For each `name = value ; SE s ...` of the [assumptions] section it rewrites,
in the row of sim/model/*.def named `name`: .value (the same digits as the
file, which tests/test_fit.c checks), .source ("[fit] ..." followed by the
prior source), and a uniform uncertainty range of value +- 1.645 SE clipped
to the row's [min, max], so that Monte Carlo covers the fit's 90 % interval."""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fitted(path):
    out, section = [], ""
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if s.startswith("["):
            section = s
            continue
        if section != "[assumptions]" or "=" not in s or s.startswith(";"):
            continue
        name, rest = (t.strip() for t in s.split("=", 1))
        value = rest.split(";", 1)[0].strip()
        m = re.search(r"SE ([-+0-9.eE]+|nan|-nan)", rest)
        se = float(m.group(1)) if m and "nan" not in m.group(1) else float("nan")
        out.append((name, value, se))
    return out


def num(text):
    return float(text.strip().rstrip(")"))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "assets/history/fitted.ini")
    rel = os.path.relpath(path, ROOT)
    entries = fitted(path)
    files = {f: open(f, encoding="utf-8").read()
             for f in glob.glob(os.path.join(ROOT, "sim/model/*.def"))}
    for name, value, se in entries:
        pat = re.compile(r'^(PARAM|ASSUMPTION)\(\w+, \.name = "%s",.*?(?=^[A-Z_]+\(|\Z)'
                         % re.escape(name), re.S | re.M)
        hits = [(f, m) for f, text in files.items() for m in [pat.search(text)] if m]
        if len(hits) != 1:
            sys.exit("apply_fit: row '%s' found %d times" % (name, len(hits)))
        f, m = hits[0]
        row = m.group(0)
        lo = num(re.search(r"\.min = ([^,]+)", row).group(1))
        hi = num(re.search(r"\.max = ([^,)]+)", row).group(1))
        v = float(value)
        if se == se:  # not NaN
            ulo, uhi = max(lo, v - 1.645 * se), min(hi, v + 1.645 * se)
        else:
            ulo, uhi = lo, hi
        old = re.search(r'\.source = "((?:[^"\\]|\\.)*)"', row).group(1)
        prior = re.sub(r"^\[fit\][^;]*; prior: ", "", old)
        src = "[fit] transim fit, %s (SE %.3g); prior: %s" % (rel, se, prior)
        new = re.sub(r'\.source = "(?:[^"\\]|\\.)*"', lambda _: '.source = "%s"' % src, row, 1)
        new = re.sub(r"\.value = [^,)]+", ".value = " + value, new, 1)
        new = re.sub(r"\.dist = DIST_\w+", ".dist = DIST_UNIFORM", new, 1)
        new = re.sub(r"\.unc_lo = [^,)]+", ".unc_lo = %.6g" % ulo, new, 1)
        new = re.sub(r"\.unc_hi = [^,)\n]+", ".unc_hi = %.6g" % uhi, new, 1)
        if ".unc_lo" not in new:
            sys.exit("apply_fit: row '%s' has no uncertainty range to replace" % name)
        files[f] = files[f][:m.start()] + new + files[f][m.end():]
    for f, text in files.items():
        if open(f, encoding="utf-8").read() != text:
            open(f, "w", encoding="utf-8").write(text)
            print("apply_fit: updated", os.path.relpath(f, ROOT))


if __name__ == "__main__":
    main()
