#!/usr/bin/env python3
"""Draw the scans that the example cases and the test fixtures name in their `files:` lists.

    python3 tests/tools/make_scans.py            # (re)write every scan under cases/ and tests/fixtures/
    python3 tests/tools/make_scans.py --check    # only report `files:` entries that do not exist

Every YAML file below cases/ and tests/fixtures/ is read; each `files:` entry (and each
`claim.costs[].files` entry of a case.yaml) that resolves inside its case folder gets a
document-like page: a title, the document id, a few lines of Latin text taken from the
document's own fields, and for papers the debtor signed a red seal. The format follows the
extension: .png, .jpg/.jpeg, or .pdf (Pillow writes a real one-page PDF around the image).

Output is deterministic (no timestamps, no randomness), so re-running changes nothing. Case scans
are A4-like pages under ~60 KB; fixture scans are tiny. The few fixture entries that must be
broken on purpose are listed in SPECIAL below: a missing file, a text file named .pdf.

Needs Pillow and PyYAML (pip install pillow pyyaml).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[2]
ROOTS = [REPO / "cases", REPO / "tests" / "fixtures"]
FIXTURES = REPO / "tests" / "fixtures"

# Fixture entries that are wrong on purpose: None = must not exist; bytes = write exactly these bytes.
SPECIAL: dict[str, bytes | None] = {
    "invalid/file-missing/receipts/DN-MIN-001-back.png": None,
    "invalid/file-type/receipts/scan.pdf": b"This is a text file that only pretends to be a PDF.\n"
    b"A scanner export went wrong and saved the e-mail body instead of the scan.\n",
}

# Chinese names that appear in signer / summary fields, in pinyin for the Latin-only pages.
PINYIN = {
    "赵六": "Zhao Liu",
    "刘晓东": "Liu Xiaodong",
    "王建": "Wang Jian",
    "陆建芳": "Lu Jianfang",
    "陈国华": "Chen Guohua",
    "黄志强": "Huang Zhiqiang",
    "吴敏": "Wu Min",
    "张丽": "Zhang Li",
    "周海峰": "Zhou Haifeng",
}

KIND_TITLES = {
    "contracts": "SALES CONTRACT",
    "receipts": "DELIVERY NOTE",
    "invoices": "VAT INVOICE",
    "reconciliations": "STATEMENT OF ACCOUNT",
    "payments": "BANK PAYMENT ADVICE",
    "correspondence": "LETTER",
}

RED = (196, 32, 38)
INK = (28, 28, 36)
PAPER = (250, 248, 242)
RULE = (170, 170, 170)


def latin(value) -> str | None:
    """The value as Latin text, or None when it is Chinese text we have no transliteration for."""
    if value is None:
        return None
    s = str(value)
    if s in PINYIN:
        return PINYIN[s]
    return s if s.isascii() else None


def money(value) -> str:
    return f"CNY {value}"


def page_lines(kind: str, doc: dict, fname: str) -> tuple[str, str, list[str], bool]:
    """Title, document id, body lines, and whether the page carries the debtor's seal."""
    d = doc or {}
    g = d.get
    ident = latin(g("id")) or ""
    lines: list[str] = []
    sealed = True
    title = KIND_TITLES.get(kind, "DOCUMENT")
    if kind == "contracts":
        title = {
            "purchase_order": "PURCHASE ORDER",
            "framework_agreement": "FRAMEWORK AGREEMENT",
            "quotation_confirmation": "QUOTATION CONFIRMATION",
        }.get(g("type"), "SALES CONTRACT")
        lines.append(f"signed on: {g('signed_on')}")
        pay = g("payment") or {}
        term = pay.get("term")
        if term:
            extra = f" {pay['days']} days" if pay.get("days") else ""
            lines.append(f"payment: {term}{extra}")
        for i, inst in enumerate(pay.get("installments") or [], 1):
            lines.append(f"  installment {i}: {inst.get('due')}  {money(inst.get('amount'))}")
        late = g("late_payment") or {}
        for k, v in late.items():
            lines.append(f"late payment: {k} {v}")
        forum = g("forum") or {}
        for k, v in forum.items():
            lines.append(f"disputes: {k}" + (f" - {v}" if latin(v) else ""))
        lines.append("seller: (seal)    buyer: (seal)")
        sealed = bool(g("signed_by_debtor", True))
    elif kind == "receipts":
        ident = latin(g("id")) or ""
        lines.append(f"delivered on: {g('delivered_on')}")
        if g("contract"):
            lines.append(f"contract: {latin(g('contract'))}")
        for it in g("items") or []:
            q, u, p = it.get("quantity"), latin(it.get("unit")) or "", it.get("unit_price")
            if q is not None and p is not None:
                lines.append(f"qty {q} {u} x {p}")
        lines.append(f"amount: {money(g('amount'))}")
        sealed = bool(g("signed_by_debtor", False))
        signer = latin(g("signer"))
        lines.append(f"received, signed: {signer}" if sealed and signer else
                     "received, signed: (seal)" if sealed else "consignee signature: ________")
    elif kind == "invoices":
        num = g("number")
        if isinstance(num, dict):
            ident = f"{num.get('code')} / {num.get('number')}"
        else:
            ident = str(num)
        title = "VAT SPECIAL INVOICE" if g("type") == "special" else "VAT ORDINARY INVOICE"
        lines.append(f"issued on: {g('issued_on')}")
        if g("tax_rate"):
            lines.append(f"tax rate: {g('tax_rate')}")
        lines.append(f"total incl. tax: {money(g('amount'))}")
        if g("receipts"):
            lines.append("bills: " + ", ".join(str(r) for r in g("receipts")))
        sealed = False
    elif kind == "reconciliations":
        lines.append(f"period ending: {g('period_end')}")
        lines.append(f"balance confirmed owing: {money(g('balance'))}")
        lines.append(f"confirmed on: {g('signed_on')}")
        sealed = bool(g("signed_by_debtor", False))
    elif kind == "payments":
        lines.append(f"value date: {g('date')}")
        lines.append(f"amount: {money(g('amount'))}")
        if g("method"):
            lines.append(f"method: {g('method')}")
        if latin(g("reference")):
            lines.append(f"ref: {latin(g('reference'))}")
        sealed = False
    elif kind == "correspondence":
        ctype = g("type") or "letter"
        if re.search(r"ems|courier|track|post", fname, re.I):
            title = "POSTAL TRACKING RECORD"
            lines.append(f"posted: {g('date')}")
            if latin(g("proof")):
                lines.append(latin(g("proof")))
            lines.append(f"delivered: {g('delivered_on')}" if g("delivered_on") else "delivered: (no record)")
            sealed = False
        else:
            title = {
                "demand": "DEMAND FOR PAYMENT",
                "acknowledgement": "ACKNOWLEDGEMENT OF DEBT",
                "repayment_plan": "REPAYMENT PLAN",
                "promise": "PROMISE TO PAY",
                "dispute": "NOTICE OF DISPUTE",
                "refusal": "REFUSAL",
            }.get(ctype, "LETTER")
            lines.append(f"date: {g('date')}   from: {g('from')}")
            if g("amount") is not None:
                lines.append(f"amount: {money(g('amount'))}")
            if latin(g("summary")):
                # wrap an English summary
                words, row = str(g("summary")).split(), ""
                for w in words:
                    if len(row) + len(w) > 52:
                        lines.append(row)
                        row = ""
                    row = f"{row} {w}".strip()
                if row:
                    lines.append(row)
            sealed = g("from") == "debtor"
    elif kind == "costs":
        title = "INVOICE - LEGAL SERVICES"
        ident = Path(fname).stem
        lines.append(latin(g("description")) or "attorney fees")
        lines.append(f"amount: {money(g('amount'))}")
        sealed = False
    return title, ident, [str(x) for x in lines if x], sealed


def font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def draw_page(title: str, ident: str, lines: list[str], sealed: bool, seal_text: str, tiny: bool) -> Image.Image:
    if tiny:
        w, h, s = 120, 170, 0.2
    else:
        w, h, s = 496, 702, 1.0  # A4 at 60 dpi
    img = Image.new("RGB", (w, h), PAPER)
    d = ImageDraw.Draw(img)
    m = int(36 * s) or 6
    d.rectangle([m // 2, m // 2, w - m // 2, h - m // 2], outline=RULE, width=1)
    ft, fb, fs = font(max(7, int(22 * s))), font(max(6, int(14 * s))), font(max(5, int(11 * s)))
    tw = d.textlength(title, font=ft)
    d.text(((w - tw) / 2, m), title, fill=INK, font=ft)
    y = m + int(34 * s) + 4
    d.text((m, y), f"No. {ident}", fill=INK, font=fb)
    y += int(24 * s) + 3
    d.line([m, y, w - m, y], fill=RULE, width=1)
    y += int(12 * s) + 2
    body = lines if not tiny else lines[:3]
    for line in body:
        d.text((m, y), line, fill=INK, font=fb)
        y += int(22 * s) + 3
    if not tiny:
        # a form's empty rows, as on a printed delivery note or statement
        y += 10
        for _ in range(4):
            d.line([m, y, w - m, y], fill=(215, 215, 215), width=1)
            y += 22
    if sealed:
        r = int(52 * s) or 12
        cx, cy = w - m - r - int(10 * s), h - m - r - int(30 * s)
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=RED, width=max(2, int(4 * s)))
        star = []
        import math

        for i in range(10):
            rr = r * (0.38 if i % 2 == 0 else 0.16)
            a = -math.pi / 2 + i * math.pi / 5
            star.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        d.polygon(star, fill=RED)
        if not tiny:
            lw = d.textlength(seal_text, font=fs)
            d.text((cx - lw / 2, cy + r * 0.45), seal_text, fill=RED, font=fs)
    if not tiny:
        d.text((m, h - m - 6), "scan - example document generated by tests/tools/make_scans.py", fill=RULE, font=fs)
    return img


def save(img: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ext = path.suffix.lower()
    if ext == ".png":
        img.quantize(colors=16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
    elif ext in (".jpg", ".jpeg"):
        img.save(path, quality=60, optimize=True)
    elif ext == ".pdf":
        # creationDate / modDate set to None: Pillow then writes no timestamp, so the bytes are stable.
        img.save(path, "PDF", resolution=60.0 if img.width > 200 else 20.0, quality=60,
                 creationDate=None, modDate=None, title=path.stem)
    else:
        raise SystemExit(f"unsupported scan type: {path}")


class TextLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so a bad date (a fixture's point) does not stop us."""


TextLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


FILES_RE = re.compile(r"files:\s*\[([^\]]*)\]")


def entries_by_regex(text: str) -> list[str]:
    out = []
    for m in FILES_RE.finditer(text):
        out += [e.strip().strip("'\"") for e in m.group(1).split(",") if e.strip()]
    return out


def case_root(p: Path) -> Path | None:
    for parent in [p.parent, *p.parent.parents]:
        if (parent / "case.yaml").exists():
            # the outermost case folder wins (a nested case.yaml is a fixture's error, not a case)
            outer = parent
            for up in parent.parents:
                if (up / "case.yaml").exists():
                    outer = up
            return outer
        if parent in ROOTS or parent == REPO:
            return None
    return None


def wanted() -> list[tuple[Path, str, str, dict]]:
    """Every (scan path, kind, entry, document) named by a YAML file."""
    out = []
    for root in ROOTS:
        for yml in sorted(list(root.rglob("*.yaml")) + list(root.rglob("*.yml"))):
            kind = "case" if yml.name == "case.yaml" else yml.parent.name
            text = yml.read_text(encoding="utf-8")
            try:
                data = yaml.load(text, Loader=TextLoader)
            except (yaml.YAMLError, ValueError):
                data = None
            pairs: list[tuple[str, str, dict]] = []
            if kind == "case" and isinstance(data, dict):
                for cost in (data.get("claim") or {}).get("costs") or []:
                    for f in cost.get("files") or []:
                        pairs.append(("costs", f, cost))
            elif isinstance(data, dict):
                pairs += [(kind, f, data) for f in data.get("files") or []]
            elif isinstance(data, list):
                for doc in data:
                    if isinstance(doc, dict):
                        pairs += [(kind, f, doc) for f in doc.get("files") or []]
            else:
                pairs += [(kind, f, {}) for f in entries_by_regex(text)]
            for k, f, doc in pairs:
                out.append((yml, k, str(f), doc))
    return out


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    problems = 0
    written = 0
    for yml, kind, entry, doc in wanted():
        target = (yml.parent / entry)
        rel_fixture = None
        if FIXTURES in yml.parents:
            rel_fixture = (yml.parent / entry).resolve().relative_to(FIXTURES.resolve()).as_posix() \
                if FIXTURES.resolve() in (yml.parent / entry).resolve().parents else None
        root = case_root(yml)
        inside = root is not None and not Path(entry).is_absolute() and \
            root.resolve() in target.resolve().parents
        if not inside:
            print(f"outside (left alone): {yml.relative_to(REPO)}: {entry}")
            continue
        if rel_fixture in SPECIAL:
            content = SPECIAL[rel_fixture]
            if content is None:
                if target.exists():
                    print(f"SHOULD BE MISSING: {target.relative_to(REPO)}")
                    problems += 1
                    if not check_only:
                        target.unlink()
            elif not check_only:
                target.write_bytes(content)
            continue
        if check_only:
            if not target.is_file():
                print(f"missing: {yml.relative_to(REPO)}: {entry}")
                problems += 1
            continue
        tiny = FIXTURES in yml.parents
        title, ident, lines, sealed = page_lines(kind, doc, entry)
        seal = "SEAL"
        save(draw_page(title, ident, lines, sealed, seal, tiny), target)
        written += 1
    if not check_only:
        print(f"wrote {written} scans")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
