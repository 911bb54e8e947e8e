#!/usr/bin/env python3
"""A small reference checker for the example cases and the test fixtures (not casepack itself).

    python3 tests/tools/lint_cases.py          # exit 0 when everything is as intended

It re-implements, independently of the Rust code and in a simplified way, the findings that
`casepack check` is specified to report (shared/design/case-format.md, legal-rules.md section 5),
and uses them to verify the data that the Rust tests rely on:

* every fixture under tests/fixtures/invalid/<kind>/ yields exactly the findings its
  `# expect: <code>` comments announce, at the annotated file and line, and nothing else;
* tests/fixtures/valid/* yields no finding at all;
* each example case under cases/ yields exactly the findings listed in EXAMPLES below;
* every USCC of the examples and valid fixtures is valid (GB 32100-2015), every `files:` entry of
  an example exists and is a real PDF / JPEG / PNG under 60 KB.

Positions follow the fixture convention (tests/fixtures/README.md): the offending key's line; for a
missing field, the line of the first key of the mapping that lacks it; for a syntax error, the line
where PyYAML stops; for a case-level finding, line 1 of case.yaml; for a demand, its `type:` line.
Needs PyYAML.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import uscc  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
FIXTURES = REPO / "tests" / "fixtures"
KINDS = ["contracts", "receipts", "invoices", "reconciliations", "payments", "correspondence"]
LOAD_ERRORS = {"yaml-syntax", "unknown-field", "duplicate-key", "invalid-value", "missing-field", "empty-file"}
EXPECT_RE = re.compile(r"#\s*expect:\s*([a-z][a-z-]*)\s*$")

# What each example case is meant to report (code, file relative to the case, line).
EXAMPLES = {
    "hangzhou-steel-v-ningbo-machinery": set(),
    "suzhou-textiles-v-wuxi-garments": {("sale-weak", "contracts/contracts.yaml", 2)},
    "shenzhen-electronics-v-dongguan-assembly": {
        ("amount-unproven", "receipts/DN-XN-250422.yaml", 10),
        ("balance-mismatch", "reconciliations/REC-XN-2023-05.yaml", 6),
        ("demand-unproven", "correspondence/C-XN-2026-03.yaml", 3),
        ("invoice-mismatch", "invoices/25442000000013058271.yaml", 5),
    },
    "ningbo-chem-v-shaoxing-dye": set(),
}


# ---------------------------------------------------------------- the schema of case-format.md
def money(v):
    return isinstance(v, str) and re.fullmatch(r"-?\d+(\.\d{1,2})?", v.strip()) is not None


def dec(v):
    return isinstance(v, str) and re.fullmatch(r"-?\d+(\.\d+)?", v.strip()) is not None


def iso_date(v):
    try:
        date.fromisoformat(v)
        return isinstance(v, str) and len(v) == 10
    except (TypeError, ValueError):
        return False


def enum(*names):
    return lambda v: v in names


def boolean(v):
    return v in ("true", "false")


def integer(v):
    return isinstance(v, str) and v.isdigit()


def text(v):
    return isinstance(v, str)


PARTY = {"name": text, "uscc": text, "address": text, "legal_representative": text, "phone": text,
         "bank": ({"name": text, "account": text}, {"name", "account"})}
SCHEMA = {
    "case": ({
        "id": text, "language": enum("zh", "en"), "as_of": iso_date,
        "creditor": (PARTY, set()), "debtor": (PARTY, set()),
        "agent": ({"name": text, "firm": text, "license_no": text, "phone": text, "address": text}, {"name", "firm"}),
        "claim": ({
            "interest": enum("auto", "contract", "lpr", "none"), "lpr_markup": dec,
            "costs": [({"description": text, "amount": money, "files": "files"}, {"description", "amount"})],
            "pay_within_days": integer, "court": text,
        }, set()),
    }, {"creditor", "debtor"}),
    "contracts": ({
        "id": text, "type": enum("written_contract", "purchase_order", "framework_agreement", "quotation_confirmation"),
        "title": text, "signed_on": iso_date, "signed_by_creditor": boolean, "signed_by_debtor": boolean,
        "goods": text,
        "payment": ({
            "term": enum("on_delivery", "days_after_delivery", "days_after_invoice", "fixed_date", "installments", "none"),
            "days": integer, "date": iso_date,
            "installments": [({"due": iso_date, "amount": money}, {"due", "amount"})],
        }, {"term"}),
        "late_payment": ({"daily_rate": dec, "annual_rate": dec, "fixed": money}, set()),
        "costs_recoverable": boolean, "forum": ({"court": text, "arbitration": text}, set()), "files": "files",
    }, {"id", "type"}),
    "receipts": ({
        "id": text, "contract": text, "delivered_on": iso_date, "amount": money,
        "items": [({"name": text, "quantity": dec, "unit": text, "unit_price": dec}, {"name"})],
        "signed_by_debtor": boolean, "signer": text, "files": "files",
    }, {"id", "delivered_on", "amount"}),
    "invoices": ({
        "number": "number", "type": enum("special", "ordinary"), "issued_on": iso_date, "amount": money,
        "tax_rate": dec, "receipts": [text], "received_by_debtor": iso_date, "deduction_certified": boolean,
        "files": "files",
    }, {"number", "type", "issued_on", "amount"}),
    "reconciliations": ({
        "id": text, "signed_on": iso_date, "period_end": iso_date, "balance": money, "signed_by_debtor": boolean,
        "files": "files",
    }, {"id", "signed_on", "period_end", "balance"}),
    "payments": ({
        "id": text, "date": iso_date, "amount": money,
        "method": enum("bank_transfer", "acceptance_bill", "cash", "offset", "other"),
        "reference": text, "applies_to": [text], "files": "files",
    }, {"id", "date", "amount"}),
    "correspondence": ({
        "id": text, "date": iso_date,
        "type": enum("demand", "acknowledgement", "repayment_plan", "promise", "dispute", "refusal"),
        "from": enum("creditor", "debtor"),
        "channel": enum("ems", "registered_mail", "courier", "email", "wechat", "sms", "in_person"),
        "delivered_on": iso_date, "proof": text, "amount": money, "summary": text, "files": "files",
    }, {"id", "date", "type", "from"}),
}


@dataclass(frozen=True)
class Finding:
    code: str
    file: Path
    line: int

    def show(self, base: Path) -> str:
        return f"{self.file.relative_to(base)}:{self.line}: {self.code}"


class Loader(yaml.SafeLoader):
    pass


# No implicit typing at all: every scalar stays text, as casepack reads money and dates from text.
Loader.yaml_implicit_resolvers = {}


def line(node) -> int:
    return node.start_mark.line + 1


class Doc:
    """A mapping node turned into {key: (key_node, value_node)} plus plain values."""

    def __init__(self, node, file):
        self.node, self.file = node, file
        self.keys = {k.value: (k, v) for k, v in node.value}

    def get(self, key):
        kv = self.keys.get(key)
        return None if kv is None else plain(kv[1])

    def line_of(self, key):
        kv = self.keys.get(key)
        return line(kv[0]) if kv else self.first_line()

    def first_line(self):
        return line(self.node.value[0][0]) if self.node.value else line(self.node)


def plain(node):
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [plain(n) for n in node.value]
    return {k.value: plain(v) for k, v in node.value}


def check_shape(node, schema, file, out):
    """unknown-field, duplicate-key, missing-field, invalid-value: the loader's findings."""
    fields, required = schema
    if not isinstance(node, yaml.MappingNode):
        out.append(Finding("invalid-value", file, line(node)))
        return
    seen = set()
    for k, v in node.value:
        if k.value in seen:
            out.append(Finding("duplicate-key", file, line(k)))
            continue
        seen.add(k.value)
        if k.value not in fields:
            out.append(Finding("unknown-field", file, line(k)))
            continue
        check_value(v, fields[k.value], file, out)
    for r in sorted(required - seen):
        out.append(Finding("missing-field", file, line(node.value[0][0]) if node.value else line(node)))


def check_value(v, rule, file, out):
    if isinstance(rule, tuple):
        check_shape(v, rule, file, out)
    elif isinstance(rule, list):
        if not isinstance(v, yaml.SequenceNode):
            out.append(Finding("invalid-value", file, line(v)))
            return
        for item in v.value:
            check_value(item, rule[0], file, out)
    elif rule == "files":
        if not isinstance(v, yaml.SequenceNode) or not all(isinstance(n, yaml.ScalarNode) for n in v.value):
            out.append(Finding("invalid-value", file, line(v)))
    elif rule == "number":
        if isinstance(v, yaml.MappingNode):
            check_shape(v, ({"code": text, "number": text}, {"code", "number"}), file, out)
        elif not (isinstance(v, yaml.ScalarNode) and v.value.isdigit()):
            out.append(Finding("invalid-value", file, line(v)))
    elif not isinstance(v, yaml.ScalarNode) or not rule(v.value):
        out.append(Finding("invalid-value", file, line(v)))


def magic_ok(path: Path) -> bool:
    head = path.read_bytes()[:8]
    ext = path.suffix.lower()
    return (ext == ".pdf" and head.startswith(b"%PDF-")) or \
        (ext in (".jpg", ".jpeg") and head.startswith(b"\xff\xd8\xff")) or \
        (ext == ".png" and head.startswith(b"\x89PNG\r\n\x1a\n"))


def check_files(doc: Doc, key, root: Path, out, base_dir: Path):
    """file-outside, file-missing, file-type for one `files:` list."""
    kv = doc.keys.get(key)
    if not kv or not isinstance(kv[1], yaml.SequenceNode):
        return
    for n in kv[1].value:
        entry = n.value
        target = base_dir / entry
        if Path(entry).is_absolute() or root.resolve() not in target.resolve().parents:
            out.append(Finding("file-outside", doc.file, line(n)))
        elif not target.is_file():
            out.append(Finding("file-missing", doc.file, line(n)))
        elif not magic_ok(target):
            out.append(Finding("file-type", doc.file, line(n)))


def load_docs(file: Path, kind: str, out) -> list[Doc]:
    text = file.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        out.append(Finding("yaml-syntax", file, mark.line + 1))
        return []
    if root is None:
        out.append(Finding("empty-file", file, 1))
        return []
    nodes = root.value if isinstance(root, yaml.SequenceNode) and kind != "case" else [root]
    docs = []
    for n in nodes:
        before = len(out)
        check_shape(n, SCHEMA[kind], file, out)
        if isinstance(n, yaml.MappingNode) and not any(f.code in ("invalid-value", "missing-field", "duplicate-key")
                                                        for f in out[before:]):
            docs.append(Doc(n, file))
    return docs


def assess(case_dir: Path) -> list[Finding]:
    out: list[Finding] = []
    for nested in sorted(case_dir.rglob("case.yaml")):
        if nested.parent != case_dir:
            out.append(Finding("nested-case", nested, 1))
    nested_dirs = [p.parent for p in case_dir.rglob("case.yaml") if p.parent != case_dir]
    metas = load_docs(case_dir / "case.yaml", "case", out)
    docs: dict[str, list[Doc]] = {}
    for kind in KINDS:
        docs[kind] = []
        folder = case_dir / kind
        if folder.is_dir():
            for f in sorted(list(folder.rglob("*.yaml")) + list(folder.rglob("*.yml"))):
                if any(d in f.parents for d in nested_dirs):
                    continue
                docs[kind] += load_docs(f, kind, out)
    if not metas:
        return out
    meta = metas[0]
    if any(f.code in LOAD_ERRORS for f in out):
        # as casepack does: a file that failed to parse leaves the case incomplete, and nothing
        # is concluded from the documents that remain (no cascade of findings)
        return out

    # files: entries
    claim = meta.keys.get("claim")
    if claim and isinstance(claim[1], yaml.MappingNode):
        costs = Doc(claim[1], meta.file).keys.get("costs")
        for c in costs[1].value if costs else []:
            check_files(Doc(c, meta.file), "files", case_dir, out, meta.file.parent)
    for kind in KINDS:
        for d in docs[kind]:
            check_files(d, "files", case_dir, out, d.file.parent)

    # duplicate ids (per kind; invoices by number), the second one is reported
    for kind in KINDS:
        seen = set()
        for d in docs[kind]:
            key = d.get("number") if kind == "invoices" else d.get("id")
            key = str(key)
            if key in seen:
                out.append(Finding("duplicate-id", d.file, d.line_of("number" if kind == "invoices" else "id")))
            seen.add(key)

    contracts = {d.get("id"): d for d in docs["contracts"]}
    receipts = {d.get("id"): d for d in docs["receipts"]}
    debts = set(receipts)
    for c in docs["contracts"]:
        pay = c.get("payment") or {}
        for i, _ in enumerate(pay.get("installments") or [], 1):
            debts.add(f"{c.get('id')}#{i}")

    # references
    for r in docs["receipts"]:
        if r.get("contract") is not None and r.get("contract") not in contracts:
            out.append(Finding("unresolved-ref", r.file, r.line_of("contract")))
    for inv in docs["invoices"]:
        for rid in inv.get("receipts") or []:
            if rid not in receipts:
                out.append(Finding("unresolved-ref", inv.file, inv.line_of("receipts")))
    for p in docs["payments"]:
        for debt in p.get("applies_to") or []:
            if debt not in debts:
                out.append(Finding("unresolved-ref", p.file, p.line_of("applies_to")))

    # dates after as_of, amounts not positive
    as_of = meta.get("as_of")
    date_keys = {"contracts": ["signed_on"], "receipts": ["delivered_on"], "invoices": ["issued_on", "received_by_debtor"],
                 "reconciliations": ["signed_on", "period_end"], "payments": ["date"],
                 "correspondence": ["date", "delivered_on"]}
    money_keys = {"receipts": ["amount"], "invoices": ["amount"], "payments": ["amount"]}
    for kind in KINDS:
        for d in docs[kind]:
            for k in date_keys.get(kind, []):
                if as_of and d.get(k) and d.get(k) > as_of:
                    out.append(Finding("date-after-as-of", d.file, d.line_of(k)))
            for k in money_keys.get(kind, []):
                if d.get(k) is not None and Decimal(d.get(k)) <= 0:
                    out.append(Finding("amount-not-positive", d.file, d.line_of(k)))

    # parties
    for side in ("creditor", "debtor"):
        kv = meta.keys.get(side)
        party = Doc(kv[1], meta.file)
        code = party.get("uscc")
        if code is not None and not uscc.valid(code):
            out.append(Finding("uscc-invalid", meta.file, party.line_of("uscc")))
        if side == "debtor" and (party.get("name") is None or party.get("address") is None):
            out.append(Finding("party-missing", meta.file, party.first_line()))

    # evidence (legal-rules.md section 5)
    signed_recs = [r for r in docs["reconciliations"] if r.get("signed_by_debtor") == "true"]
    written = [c for c in docs["contracts"] if c.get("type") == "written_contract"
               and c.get("signed_by_creditor") == "true" and c.get("signed_by_debtor") == "true"]
    signed_receipts = [r for r in docs["receipts"] if r.get("signed_by_debtor") == "true"]
    if not written:
        # weaker proof (a warning): a purchase order or other contract paper, or, with no paper at
        # all, a de facto sale shown by what the debtor signed; nothing signed at all is an error
        if docs["contracts"]:
            out.append(Finding("sale-weak", docs["contracts"][0].file, docs["contracts"][0].first_line()))
        elif signed_receipts or signed_recs:
            out.append(Finding("sale-weak", meta.file, 1))
        else:
            out.append(Finding("sale-unproven", meta.file, 1))
    for r in docs["receipts"]:
        if r.get("signed_by_debtor") != "true" and not any(
                r.get("delivered_on") <= rec.get("period_end") for rec in signed_recs):
            out.append(Finding("amount-unproven", r.file, r.line_of("signed_by_debtor")))
    for rec in signed_recs:
        pe = rec.get("period_end")
        ledger = sum((Decimal(r.get("amount")) for r in docs["receipts"] if r.get("delivered_on") <= pe), Decimal(0)) \
            - sum((Decimal(p.get("amount")) for p in docs["payments"] if p.get("date") <= pe), Decimal(0))
        if ledger != Decimal(rec.get("balance")):
            out.append(Finding("balance-mismatch", rec.file, rec.line_of("balance")))
    for inv in docs["invoices"]:
        listed = [receipts[r] for r in inv.get("receipts") or [] if r in receipts]
        if listed and sum(Decimal(r.get("amount")) for r in listed) != Decimal(inv.get("amount")):
            out.append(Finding("invoice-mismatch", inv.file, inv.line_of("amount")))
    for c in docs["correspondence"]:
        if c.get("type") == "demand" and (c.get("delivered_on") is None or c.get("proof") is None):
            out.append(Finding("demand-unproven", c.file, c.first_line()))
    for c in docs["contracts"]:
        forum = c.keys.get("forum")
        if forum and isinstance(forum[1], yaml.MappingNode):
            f = Doc(forum[1], c.file)
            if f.get("arbitration") is not None:
                out.append(Finding("arbitration-clause", c.file, c.first_line()))
    return out


def annotations(case_dir: Path) -> set[Finding]:
    found = set()
    for f in sorted(case_dir.rglob("*.y*ml")):
        for i, text in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            m = EXPECT_RE.search(text)
            if m:
                found.add(Finding(m.group(1), f, i))
    return found


def example_scans(case_dir: Path) -> list[str]:
    """Every non-YAML file of an example must be a real, small scan that some `files:` names."""
    problems = []
    named = set()
    for f in case_dir.rglob("*.y*ml"):
        for m in re.finditer(r"files:\s*\[([^\]]*)\]", f.read_text(encoding="utf-8")):
            named |= {(f.parent / e.strip().strip("'\"")).resolve() for e in m.group(1).split(",") if e.strip()}
    for p in sorted(case_dir.rglob("*")):
        if p.is_file() and p.suffix not in (".yaml", ".yml"):
            if p.resolve() not in named:
                problems.append(f"{p.relative_to(REPO)}: no files: entry names it")
            if p.stat().st_size > 60_000:
                problems.append(f"{p.relative_to(REPO)}: {p.stat().st_size} bytes (over 60 KB)")
    return problems


def main() -> int:
    bad = 0

    def report(title, got: set, want: set, base: Path):
        nonlocal bad
        missing, extra = want - got, got - want
        status = "ok" if not missing and not extra else "MISMATCH"
        bad += status != "ok"
        print(f"{status:8} {title}")
        for f in sorted(missing, key=lambda f: (str(f.file), f.line)):
            print(f"           expected, not found: {f.show(base)}")
        for f in sorted(extra, key=lambda f: (str(f.file), f.line)):
            print(f"           found, not expected: {f.show(base)}")

    for case_dir in sorted(p.parent for p in CASES.glob("*/case.yaml")):
        want = {Finding(c, case_dir / f, l) for c, f, l in EXAMPLES.get(case_dir.name, set())}
        got = set(assess(case_dir))
        report(f"cases/{case_dir.name}", got, want, case_dir)
        for p in example_scans(case_dir):
            bad += 1
            print(f"           {p}")
    for group in ("valid", "invalid"):
        for case_dir in sorted(p for p in (FIXTURES / group).iterdir() if (p / "case.yaml").is_file()):
            want = annotations(case_dir)
            if group == "invalid" and not want:
                print(f"MISMATCH {case_dir.relative_to(FIXTURES)}: no `# expect:` annotation")
                bad += 1
            report(f"fixtures/{group}/{case_dir.name}", set(assess(case_dir)), want, case_dir)
    print("all as intended" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
