"""Stream the sample case's ``ground_truth.json``: notes first, as they are written, then the rest.

Why: a 10,000-note case has hundreds of thousands of mentions; keeping them all in memory to
dump one object at the end would make benchmarks measure the generator. Each note's entry is
written as soon as the note is, and only the small cross-note summaries (relations with the files
that state them, payments, which entities were mentioned) are kept until the end. The format is
documented in ``samplecase/__init__.py``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from samplecase.cast import Cast, Person
from samplecase.places import district_of, kind_of
from samplecase.refs import STATIONS

__all__ = ["TruthWriter"]


class TruthWriter:
    """Writes ``ground_truth.json`` incrementally; use as a context manager."""

    def __init__(self, path: Path, seed: int, case_id: str) -> None:
        self.path, self.seed, self.case_id = path, seed, case_id
        self.fh: IO[str] | None = None
        self.first = True
        self.relations: dict[tuple[str, str, str], list[str]] = {}
        self.payments: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.seen: dict[str, dict[str, int]] = {}

    def __enter__(self) -> TruthWriter:
        self.fh = self.path.open("w", encoding="utf-8", newline="\n")
        self.fh.write('{"seed": %d, "case_id": %s, "notes": {' % (self.seed, json.dumps(self.case_id)))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()

    def add_note(self, relpath: str, entry: dict[str, Any]) -> None:
        assert self.fh is not None
        self.fh.write(("\n" if self.first else ",\n") + json.dumps(relpath) + ": "
                      + json.dumps(entry, ensure_ascii=False))
        self.first = False
        for m in entry["mentions"]:
            counts = self.seen.setdefault(m["label"], {})
            counts[m["value"]] = counts.get(m["value"], 0) + 1
        for r in entry["relations"]:
            self.add_relation(r["type"], r["source"], r["target"], relpath)
            if r["type"] == "PAID":
                self._payment({"payer": r["source"], "payee": r["target"], "amount": r["amount"],
                               "currency": r["currency"], "channel": r["channel"], "date": r["date"]}, relpath)

    def add_relation(self, rtype: str, source: str, target: str, file: str) -> None:
        files = self.relations.setdefault((rtype, source, target), [])
        if not files or files[-1] != file:
            files.append(file)

    def add_export_payment(self, payment: dict[str, Any]) -> None:
        """A transfers.csv row: its own payment (keyed by MTCN), and a PAID tie."""
        self.payments[("mtcn", payment["mtcn"])] = payment
        self.add_relation("PAID", payment["payer"], payment["payee"], payment["note"])

    def _payment(self, p: dict[str, Any], relpath: str) -> None:
        key = tuple(p.values())
        if key not in self.payments:
            self.payments[key] = p | {"note": relpath, "notes": []}
        notes = self.payments[key]["notes"]
        if not notes or notes[-1] != relpath:
            notes.append(relpath)

    def finish(self, cast: Cast) -> None:
        """Write everything that is not per note, then close the object."""
        assert self.fh is not None
        self.fh.write("\n}")
        for key, value in self._summary(cast).items():
            self.fh.write(f",\n{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, indent=1)}")
        self.fh.write("\n}\n")

    def _summary(self, cast: Cast) -> dict[str, Any]:
        people = cast.people
        return {
            "people": [_person(p, self.seen.get("Person", {}).get(p.name, 0)) for p in people],
            "phones": [{"e164": ph, "owner": p.name} for p in people for ph in p.phones],
            "emails": [{"email": e, "owner": p.name} for p in people for e in p.emails],
            "handles": [{"handle": f"{pl}:{h}", "platform": pl, "owner": p.name} for p in people
                        for pl, h in p.handles],
            "accounts": [{"number": n, "bank": bk, "owner": p.name} for p in people for bk, n in p.accounts],
            "vehicles": [{"plate": pl, "description": d, "owner": p.name} for p in people for pl, d in p.vehicles],
            "id_documents": [{"id": v, "kind": k, "number": v.split(":", 1)[1], "surface": s, "owner": p.name}
                             for p in people for k, v, s in p.id_docs],
            "organizations": [{"name": o.name, "kind": "venue", "venue_type": o.venue_type, "location": o.town,
                               "owners": [cast.get(k).name for k in o.owners]} for o in cast.orgs]
            + [{"name": s, "kind": "agency", "venue_type": None, "location": None, "owners": []} for s in STATIONS],
            "locations": [{"name": n, "kind": kind_of(n), "district": district_of(n), "mentions": c}
                          for n, c in sorted(self.seen.get("Location", {}).items())],
            "relations": [{"type": t, "source": s, "target": g, "notes": files}
                          for (t, s, g), files in self.relations.items()],
            "payments": list(self.payments.values()),
            "family": [{"source": cast.get(a).name, "target": cast.get(b).name, "relation": r}
                       for a, b, r in cast.family],
        }


def _person(p: Person, mentions: int) -> dict[str, Any]:
    return {
        "name": p.name, "aliases": [p.nickname] if p.nickname else [], "role": p.role, "part": p.part,
        "agency": p.agency, "rank": p.rank, "complicit": p.complicit, "key_player": p.key_player,
        "nationality": p.nationality, "home": p.home, "phones": p.phones, "emails": p.emails,
        "handles": [f"{pl}:{h}" for pl, h in p.handles], "accounts": [n for _, n in p.accounts],
        "vehicles": [pl for pl, _ in p.vehicles], "id_documents": [v for _, v, _ in p.id_docs],
        "mentions": mentions,
    }
