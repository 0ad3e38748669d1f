#!/usr/bin/env python3
"""Proposes mutant candidates for mutation/mutants.tsv (a one-off helper: mutants.tsv is the curated set,
edited by hand after this ran; re-running it does not touch mutants.tsv).

A rule's scope is every member of src/KubeCore that names RuleIds.<X> (outside the catalogue), plus the
files listed in EXTRA for rules that are computations or invariants. In its scope it proposes relational
boundary flips (< to <=, > to >=, ...), off-by-one on the compared limit, negated and removed conditions
(an `if` or ternary condition -> false), == / != swaps, && / || swaps and swapped error codes. Only lines
that occur once in their file are used, so each row is placed exactly.
Usage: python3 mutation/candidates.py [--per-rule N] > candidates.tsv
"""
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src", "KubeCore")
HOME = {"GRP": "Groups", "MEM": "Groups", "OFF": "Groups", "POV": "Households", "PRA": "WealthRanking",
        "FAC": "Facilitation", "SAV": "Savings", "LOAN": "Loans", "COL": "Loans", "PORT": "Loans",
        "AID": "Aid", "FIVE": "Compliance", "STG": "Compliance", "PRIV": "Common"}
EXTRA = {
    "POV-01": ["Households/BpsPovertyAssessor.cs"], "POV-02": ["Households/Kepmensos262Assessor.cs"],
    "COL-01": ["Loans/Collectibility/Collectibility.cs"], "COL-02": ["Loans/Collectibility/Collectibility.cs"],
    "PORT-01": ["Loans/Portfolio/PortfolioIndicators.cs", "Loans/Portfolio/Ratio.cs"],
    "STG-01": ["Compliance/GroupStages.cs"], "STG-02": ["Compliance/GroupStages.cs"],
    "FIVE-01": ["Compliance/FiveBasicRules.cs"], "FIVE-03": ["Compliance/FiveBasicRules.cs"],
    "FIVE-04": ["Compliance/FiveBasicRules.cs"], "FIVE-05": ["Compliance/FiveBasicRules.cs"],
    "SAV-03": ["Savings/LedgerBalances.cs"], "LOAN-04": ["Loans/Schedule/RepaymentSchedule.cs", "Loans/Schedule/LoanTerms.cs"],
    "LOAN-09": ["Loans/Revolving/LoanRevolvingState.cs"], "PRIV-01": ["Common/PersonalData.cs", "Common/Nik.cs"],
    "AID-01": ["Aid/AidGrants.cs"], "MEM-05": ["Groups/MemberEligibility.cs"],
    "SAV-04": ["Savings/SavingsArrears.cs", "Savings/SavingsLedger.cs::WeeklySavingsAmount.Amount"],
    "LOAN-09": ["Savings/LedgerBalances.cs::MaxDisbursement", "Loans/Revolving/LoanRevolving.cs::var available = AvailableToLend;"],
    "OFF-01": ["Groups/OfficerRules.cs"], "POV-03": ["Households/HouseholdRegistryView.cs", "Households/PovertyEvidence.cs"],
    "LOAN-04": ["Loans/Schedule/RepaymentSchedule.cs", "Loans/Schedule/LoanTerms.cs", "Loans/Schedule/Installment.cs"],
}
OPERAND = r"[A-Za-z_][\w.]*(?:\(\))?(?:\.[\w]+)*"
REL = re.compile(r"(?<![\w.)])(" + OPERAND + r") (<=|>=|<|>|==|!=) (" + OPERAND + r"|\d+)(?![\w.(\[])")
FLIP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}
ORDER = ["boundary", "off", "negated", "removed", "swapped", "equality", "logical"]
DECLARES = re.compile(r"\bis\s+(?:not\s+)?(?:\{[^}]*\}|[A-Z][\w.]*(?:<[^>]*>)?)\s+(?!(?:or|and|not|when)\b)[a-z_]\w*\b|\bout\s+(?:var|[A-Z]\w*)\s+\w+|\bvar\s*\(")
MEMBER = re.compile(r"^    (?:\[.*\]\s*)?(public|private|internal|protected)\b")


def rule_text(member):
    m = re.match(r"([A-Za-z]+)(\d+)$", member)
    return f"{m.group(1).upper()}-{m.group(2)}"


def error_constants():
    consts = collections.defaultdict(list)
    for dirpath, _, files in os.walk(SRC):
        for f in files:
            if f.endswith("Errors.cs"):
                for line in open(os.path.join(dirpath, f), encoding="utf-8"):
                    m = re.search(r"public const string (\w+) = \"([A-Z0-9]+)_", line)
                    if m:
                        consts[f[:-3]].append((m.group(1), m.group(2)))
    return consts


def member_range(lines, i):
    start = i
    while start > 0 and not MEMBER.match(lines[start]):
        start -= 1
    end = i
    while end + 1 < len(lines) and not MEMBER.match(lines[end + 1]) and not lines[end + 1].startswith("}"):
        end += 1
    return start, end


def main():
    per_rule = int(sys.argv[sys.argv.index("--per-rule") + 1]) if "--per-rule" in sys.argv else 7
    consts = error_constants()
    files = {}
    for dirpath, _, fs in os.walk(SRC):
        for f in fs:
            if f.endswith(".cs") and f not in ("RuleCatalogue.cs", "RuleIds.cs"):
                p = os.path.join(dirpath, f)
                files[os.path.relpath(p, SRC).replace(os.sep, "/")] = open(p, encoding="utf-8").read().split("\n")
    scopes = collections.defaultdict(set)  # rule -> {(file, line index)}
    for rel, lines in files.items():
        owner = {}
        for i, line in enumerate(lines):
            if line.strip().startswith("///"):
                continue
            for m in re.finditer(r"RuleIds\.(\w+)", line):
                s, e = member_range(lines, i)
                # a line belongs to the next rule named at or after it in its member (the check guards that violation)
                for k in range(s, i + 1):
                    owner.setdefault((rel, k), rule_text(m.group(1)))
        for key, rule in owner.items():
            scopes[rule].add(key)
    for rule, rels in EXTRA.items():
        for rel in rels:
            if "::" in rel:
                rel, text = rel.split("::")
                for i, line in enumerate(files[rel]):
                    if text in line and not line.strip().startswith("///"):
                        s, e = member_range(files[rel], i)
                        scopes[rule].update((rel, k) for k in range(s, e + 1))
            else:
                scopes[rule].update((rel, k) for k in range(len(files[rel])))
    out, n = sys.stdout, 0
    for rule in sorted(scopes):
        by_kind = collections.defaultdict(list)
        seen = set()
        for rel, k in sorted(scopes[rule]):
            lines = files[rel]
            a = lines[k].strip()
            if not a or a.startswith("//") or a.startswith("[") or a.startswith("using "):
                continue
            if sum(1 for l in lines if l.strip() == a) != 1:
                continue
            folder = HOME[rule.split("-")[0]] if rel.startswith("Rules/") else rel.split("/")[0]

            def add(kind, snippet, repl, desc):
                if (a, snippet, repl) in seen or a.count(snippet) != 1 or (repl != "false" and DECLARES.search(snippet)):
                    return
                seen.add((a, snippet, repl))
                by_kind[kind].append((rule, folder, rel, a, snippet, repl, desc))
            for r in REL.finditer(a):
                left, op, right = r.group(1), r.group(2), r.group(3)
                if right in ("null", "default") or left in ("null",):
                    continue
                if op in ("==", "!="):
                    add("equality", r.group(0), f"{left} {FLIP[op]} {right}", f"equality {op} -> {FLIP[op]}")
                    continue
                add("boundary", r.group(0), f"{left} {FLIP[op]} {right}", f"boundary {op} -> {FLIP[op]}")
                sign = "-" if op in ("<", "<=") else "+"
                add("off", r.group(0), f"{left} {op} {right} {sign} 1", f"off by one: limit {right} {sign} 1")
            c = re.match(r"^(?:else )?(?:if|while) \((.*)\)$", a) or re.match(r"^(?:return |\? |: )?(.+?) \?(?: |$)", a)
            if c and c.group(1).count("(") == c.group(1).count(")") and " ?? " not in c.group(1) and "=" not in c.group(1).replace("==", "").replace("!=", "").replace("<=", "").replace(">=", ""):
                add("removed", c.group(1), "false", "removed check (condition never holds)")
                add("negated", c.group(1), f"!({c.group(1)})", "negated condition")
            for e in re.finditer(r"\b(\w+Errors)\.(\w+)\b", a):
                cls, name = e.group(1), e.group(2)
                sibs = [x for x in consts.get(cls, []) if x[0] != name]
                same = [x for x in sibs if x[1] == rule.replace("-", "")] or sibs
                code = next((x[1] for x in consts.get(cls, []) if x[0] == name), "")
                if code and code != rule.replace("-", "") and re.match(r"[A-Z]+\d\d$", code):
                    continue
                if same:
                    add("swapped", e.group(0), f"{cls}.{same[0][0]}", f"swapped error code {name} -> {same[0][0]}")
            for lg in re.finditer(r"\(([^()&|]+?) (&&|\|\|) ([^()&|]+?)\)", a):
                other = "||" if lg.group(2) == "&&" else "&&"
                add("logical", lg.group(0), f"({lg.group(1)} {other} {lg.group(3)})", f"logical {lg.group(2)} -> {other}")
        picked, used = [], set()
        while len(picked) < per_rule and any(by_kind[k] for k in ORDER):
            for k in ORDER:
                if by_kind[k] and len(picked) < per_rule:
                    # prefer a line no other pick of this rule mutates, so the picks spread over the rule's checks
                    row = next((r for r in by_kind[k] if r[3] not in used), by_kind[k][0])
                    by_kind[k].remove(row)
                    used.add(row[3])
                    picked.append(row)
        for row in picked:
            n += 1
            out.write("\t".join(row) + "\n")
        if len(picked) < 5:
            sys.stderr.write(f"{rule}: only {len(picked)} candidates\n")
    sys.stderr.write(f"{n} candidates for {len(scopes)} rules\n")


if __name__ == "__main__":
    main()
