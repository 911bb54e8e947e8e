#!/usr/bin/env python3
"""Unified social credit codes (统一社会信用代码, GB 32100-2015) for the example cases and fixtures.

  uscc.py check CODE...          verify the check character (and the GB 11714 organisation-code check)
  uscc.py make PREFIX...         complete 17-character (or 16-character) prefixes with their check characters

A code is 18 characters: registration authority (1), entity type (1), administrative division (6),
organisation code (9, the last of which is its own GB 11714 check digit), check character (1).
Charset: 0-9 A-H J-N P-R T-U W-Y (no I, O, S, V, Z).
"""
import sys

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # value = index, 31 characters
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]  # GB 11714-1997 organisation code


def check_char(first17: str) -> str:
    """GB 32100-2015: C18 = 31 - (sum(Ci * Wi) mod 31), with 31 read as 0."""
    if len(first17) != 17 or any(c not in CHARSET for c in first17):
        raise ValueError(f"not 17 USCC characters: {first17!r}")
    s = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return CHARSET[(31 - s % 31) % 31]


def org_check(first8: str) -> str:
    """GB 11714: C9 = 11 - (sum(Ci * Wi) mod 11); 10 -> X, 11 -> 0. Letters count A=10 … Z=35."""
    def val(c):
        return int(c) if c.isdigit() else ord(c) - 55
    s = sum(val(c) * w for c, w in zip(first8, ORG_WEIGHTS))
    r = 11 - s % 11
    return {10: "X", 11: "0"}.get(r, str(r))


def make(prefix: str) -> str:
    """16 characters (authority, type, division, 8 organisation-code characters) -> 18; 17 -> 18."""
    if len(prefix) == 16:
        prefix += org_check(prefix[8:16])
    return prefix + check_char(prefix)


def valid(code: str) -> bool:
    return len(code) == 18 and all(c in CHARSET for c in code) and check_char(code[:17]) == code[17]


def org_valid(code: str) -> bool:
    return org_check(code[8:16]) == code[16]


def main(argv):
    if len(argv) < 2 or argv[0] not in ("check", "make"):
        print(__doc__)
        return 2
    bad = 0
    for arg in argv[1:]:
        if argv[0] == "make":
            print(make(arg))
        else:
            ok = valid(arg)
            bad += not ok
            want = check_char(arg[:17]) if len(arg) >= 17 and all(c in CHARSET for c in arg[:17]) else "?"
            print(f"{arg}  {'ok' if ok else 'BAD (check character should be ' + want + ')'}"
                  f"  org-code {'ok' if ok and org_valid(arg) else '-'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
