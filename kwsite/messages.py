"""Dutch messages for pydantic's validation errors, with "bedoelt u …?" for a mistyped key and the
number hints of :mod:`kwsite.hints`. Used by the loader and by ``data/realisations.csv``."""

from __future__ import annotations

from typing import get_args

from .hints import did_you_mean, number_hint
from .model.base import SOURCE_REF

MESSAGES = {
    "extra_forbidden": "onbekende sleutel (tikfout?)",
    "missing": "verplicht veld ontbreekt",
    "int_parsing": "verwacht een geheel getal",
    "int_type": "verwacht een geheel getal",
    "int_from_float": "verwacht een geheel getal",
    "decimal_parsing": "verwacht een getal",
    "decimal_type": "verwacht een getal",
    "string_type": "verwacht tekst",
    "bool_parsing": "verwacht true of false",
    "bool_type": "verwacht true of false",
    "list_type": "verwacht een lijst",
    "model_type": "verwacht een mapping (sleutel: waarde)",
    "dict_type": "verwacht een mapping (sleutel: waarde)",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "tekst is te lang",
    "string_pattern_mismatch": "id mag alleen kleine letters, cijfers, - en _ bevatten",
    "frozen_instance": "ongeldige waarde",
}


def _message(err: dict, model=None) -> str:
    """A Dutch message for a pydantic error (``model``: the validated class, for "bedoelt u …?")."""
    kind = err.get("type", "")
    key = err["loc"][-1] if err.get("loc") else None
    if kind == "extra_forbidden" and isinstance(key, str) and key.isdigit():
        # YAML reads {value: 45,5} as value: 45 and a key "5"
        return f"onbekende sleutel '{key}': een decimaalkomma? Schrijf getallen met een punt (45.5)"
    if kind == "extra_forbidden" and isinstance(key, str) and model is not None:
        return MESSAGES[kind] + did_you_mean(key, _fields_at(model, tuple(err["loc"])))
    if kind in ("decimal_parsing", "decimal_type", "int_parsing", "int_type") and number_hint(err.get("input")):
        return MESSAGES[kind] + number_hint(err.get("input"))  # block style `value: 61,5` reads as text
    if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == SOURCE_REF:
        return (
            "bronverwijzing niet in de vorm 'S3 r. 12-15' (meerdere reeksen: 'S3 r. 12-15, 20'; "
            "meerdere bronnen: 'S0 r. 1-5; S1 r. 7'; eigen tekst: 'redactie')"
        )
    if kind in MESSAGES:
        return MESSAGES[kind]
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        return f"onbekende waarde; toegestaan: {_dutch_list(allowed)}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = next(iter(err.get("ctx", {}).values()), "")
        word = {
            "greater_than_equal": "minstens",
            "less_than_equal": "hoogstens",
            "greater_than": "groter dan",
            "less_than": "kleiner dan",
        }[kind]
        return f"moet {word} {limit} zijn"
    return str(err.get("msg", "ongeldige waarde")).removeprefix("Value error, ")


def _fields_at(model, loc: tuple) -> list[str]:
    """The field names of the model that holds the last key of ``loc`` (pydantic error location)."""
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        model = _model_in(field.annotation) if field is not None else None
        if model is None:
            return []
    return list(getattr(model, "model_fields", {}))


def _model_in(annotation):
    """The pydantic model inside an annotation (``list[Target]``, ``Baseline | None``), or ``None``."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    return next((found for arg in get_args(annotation) if (found := _model_in(arg)) is not None), None)


def _dutch_list(text: str) -> str:
    return text.replace(" or ", " of ")


pydantic_message = _message
