"""Entity scoring against a gold-v1 annotation (rule from shared/eval/README.md).

A predicted entity matches a gold entity when its name or any alias equals the gold
name or any gold alias after normalising case, quotes and whitespace. Gold rows marked
``optional`` neither reward nor penalise. Each gold entity counts once however many
predictions match it; a prediction that matches nothing is a false positive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sitrep.core.extract.entities import normalise_name
from sitrep.schemas import EntityMention

__all__ = ["score_entities"]


def _forms(name: str, aliases: Sequence[str]) -> set[str]:
    return {normalise_name(x) for x in (name, *aliases) if x}


def score_entities(
    pred: Sequence[EntityMention], gold: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """Precision, recall and F1 over canonical entities, with the lists behind them."""
    gold_forms = [(g, _forms(g["name"], g.get("aliases", []))) for g in gold]
    matched: set[int] = set()
    tp_pred = 0
    false_pos: list[str] = []
    for p in pred:
        forms = _forms(p.name, p.aliases)
        hits = [i for i, (_, gf) in enumerate(gold_forms) if forms & gf]
        if not hits:
            false_pos.append(p.name)
            continue
        required = [i for i in hits if not gold_forms[i][0].get("optional")]
        if required:
            tp_pred += 1
            matched.update(required)
    n_gold = sum(1 for g in gold if not g.get("optional"))
    tp = len(matched)
    n_pred = tp_pred + len(false_pos)
    precision = tp_pred / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    missed = [
        g["name"]
        for i, (g, _) in enumerate(gold_forms)
        if not g.get("optional") and i not in matched
    ]
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "false_positives": false_pos,
        "missed": missed,
    }
