"""Structure score of the draft-act parser on real acts and on the invented drafts.

    python bench/parser_score.py               # per document, per kind, per split
    python bench/parser_score.py --details     # also the units missed and the units invented
    python bench/parser_score.py --one-line    # every text flattened to one line (a stress test)

The real acts are in tests/consultations/drafts/real/: each ``<name>.txt`` as officials get it
(web copy, text extracted from a PDF), ``<name>.gold`` its units written by hand, one path per
line ("Załącznik / Rozdział 1 / § 2 / pkt 3"), and ``corpus.json`` the source address, kind and
split of each. The "heldout" split is never looked at while the parser is tuned. The invented
drafts (tests/consultations/drafts/*.txt) are scored against their own ``.gold`` files.

A unit counts as found when the parser returns a unit with the same path: the same label (which
names the kind: ``§``, ``ust.``, ``pkt``...) under the same parents. Precision, recall and F1
are micro-averaged over units.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consultations.drafts.parsing import parse_act  # noqa: E402

DRAFTS = ROOT / "tests" / "consultations" / "drafts"
REAL = DRAFTS / "real"


@dataclass
class Score:
    found: int = 0
    predicted: int = 0
    expected: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.found + other.found,
            self.predicted + other.predicted,
            self.expected + other.expected,
        )

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Document:
    name: str
    kind: str
    split: str
    text: str
    gold: list[str]


def read_gold(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def real_documents() -> list[Document]:
    corpus = json.loads((REAL / "corpus.json").read_text(encoding="utf-8"))
    return [
        Document(
            name=name,
            kind=meta["kind"],
            split=meta["split"],
            text=(REAL / f"{name}.txt").read_text(encoding="utf-8"),
            gold=read_gold(REAL / f"{name}.gold"),
        )
        for name, meta in sorted(corpus.items())
    ]


def invented_documents() -> list[Document]:
    return [
        Document(
            name=path.stem,
            kind="invented",
            split="invented",
            text=path.read_text(encoding="utf-8"),
            gold=read_gold(path.with_suffix(".gold")),
        )
        for path in sorted(DRAFTS.glob("*.txt"))
    ]


def flattened(document: Document) -> Document:
    """The document with every line break and run of spaces turned into one space."""
    return Document(
        document.name, document.kind, document.split, " ".join(document.text.split()), document.gold
    )


def predicted_paths(text: str) -> list[str]:
    return [" / ".join(unit.path) for unit in parse_act(text).units]


def score(document: Document) -> tuple[Score, Counter, Counter]:
    """The score of one document, and the units missed and invented by the parser."""
    predicted = Counter(predicted_paths(document.text))
    expected = Counter(document.gold)
    found = predicted & expected
    return (
        Score(sum(found.values()), sum(predicted.values()), sum(expected.values())),
        expected - predicted,
        predicted - expected,
    )


def totals(rows: list[tuple[Document, Score]], key) -> dict[str, Score]:
    result: dict[str, Score] = {}
    for document, one in rows:
        group = key(document)
        result[group] = result.get(group, Score()) + one
    return result


def line(label: str, one: Score) -> str:
    return (
        f"{label:<42} {one.expected:>5} {one.predicted:>5} {one.found:>5} "
        f"{one.precision:>6.3f} {one.recall:>6.3f} {one.f1:>6.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list missed and invented units")
    parser.add_argument("--split", help="list details only for this split (tune, heldout)")
    parser.add_argument(
        "--one-line",
        action="store_true",
        help="score every text with all its line breaks lost, as some PDF copies come",
    )
    args = parser.parse_args()

    documents = real_documents() + invented_documents()
    if args.one_line:
        documents = [flattened(d) for d in documents]
    rows = []
    header = f"{'document':<42} {'gold':>5} {'found':>5} {'right':>5} {'P':>6} {'R':>6} {'F1':>6}"
    print(header)
    for document in documents:
        one, missed, invented = score(document)
        rows.append((document, one))
        print(line(f"{document.name} [{document.split}]", one))
        shown = args.split in (None, document.split)
        if args.details and shown and (missed or invented):
            for path in sorted(missed.elements()):
                print(f"    - missed   {path}")
            for path in sorted(invented.elements()):
                print(f"    + invented {path}")
    print()
    print(header.replace("document", "kind    "))
    for kind, one in sorted(totals(rows, lambda d: d.kind).items()):
        print(line(kind, one))
    print()
    print(header.replace("document", "split   "))
    for split, one in sorted(totals(rows, lambda d: d.split).items()):
        print(line(split, one))
    real = [(d, s) for d, s in rows if d.kind != "invented"]
    print(line("real acts, all", sum((s for _d, s in real), Score())))


if __name__ == "__main__":
    main()
