"""The JSON schema with notes: ``notes`` per equation and ``orphaned_notes`` for the paper."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.export.json_export import SCHEMA_VERSION, equation_json, paper_json_pieces
from tests.reader.export_fixtures import (
    SAMPLE,
    by_label,
    eqlens,
    orphan_notes,
    sample,
    sample_notes,
)

NOTE_KEYS = {"id", "author", "created", "updated", "text", "symbol"}


def exported(*args: object, **kwargs: object) -> dict:
    """The JSON document as ``annotate --format json`` writes it, piece by piece, read back."""
    return json.loads("".join(paper_json_pieces(*args, **kwargs)))


def test_notes_sit_under_their_equation() -> None:
    data = exported(sample(), sample_notes(), orphans=orphan_notes())
    assert data["schema"] == SCHEMA_VERSION == 1
    equations = {eq["id"]: eq for eq in data["equations"]}
    ddpm = equations[by_label("eq:ddpm-loss").equation.id]
    assert [n["id"] for n in ddpm["notes"]] == ["n1", "n2"]
    first = ddpm["notes"][0]
    assert set(first) == NOTE_KEYS
    assert first["author"] == "Ada" and first["created"] == "2026-11-21T14:03:00Z"
    assert first["updated"] == "2026-11-22T09:10:00Z" and first["symbol"] is None
    assert first["text"].startswith("Why squared?")
    bce = equations[by_label("eq:bce").equation.id]
    assert bce["notes"][0]["symbol"] == r"\sigma"
    assert sum(1 for eq in data["equations"] if eq["notes"]) == 2
    assert all(eq["notes"] == [] for eq in data["equations"] if eq["id"] not in
               (ddpm["id"], bce["id"]))
    orphan = data["orphaned_notes"][0]
    assert set(orphan) == NOTE_KEYS | {"anchor"}
    assert orphan["anchor"] == {"equation_id": "eq-999", "label": "eq:gone", "number": "99",
                                "latex": "a^2 + b^2 = c^2"}


def test_without_notes_the_fields_are_empty_and_the_rest_unchanged() -> None:
    data = exported(sample())
    assert data["orphaned_notes"] == []
    assert all(eq["notes"] == [] for eq in data["equations"])
    item = by_label("eq:loglik")
    assert equation_json(item)["patterns"] == data["equations"][
        [e.equation.id for e in sample().equations].index(item.equation.id)]["patterns"]


def test_the_command_exports_the_notes_saved_beside_the_paper(tmp_path: Path) -> None:
    sidecar = pytest.importorskip("reader.notes.sidecar")
    folder = tmp_path / "paper"
    shutil.copytree(SAMPLE.parent, folder)
    from reader.commands import load_paper

    paper = load_paper(str(folder / "sample.tex"))
    notes = sample_notes()
    saved = [note for group in notes.values() for note in group] + orphan_notes()
    sidecar.update_notes(sidecar.sidecar_path(paper), sidecar.paper_info(paper),
                         lambda old: [*old, *saved])

    result = eqlens("annotate", str(folder / "sample.tex"), "--format", "json", "--only-notes")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {eq["label"] for eq in data["equations"]} == {"eq:ddpm-loss", "eq:bce"}
    assert [n["id"] for n in data["orphaned_notes"]] == ["n4"]

    result = eqlens("annotate", str(folder / "sample.tex"), "--only-notes")
    assert result.returncode == 0, result.stderr
    assert "> **Grace**" in result.stdout and "Compare with (8)." in result.stdout


def test_a_paper_without_equations_is_still_one_json_document() -> None:
    from dataclasses import replace

    data = exported(replace(sample(), equations=()))
    assert data["equations"] == [] and data["schema"] == SCHEMA_VERSION
