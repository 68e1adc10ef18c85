from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from storybrief.schema import brief_schema

pytestmark = pytest.mark.model


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(brief_schema())


def test_schema_validates_the_seeds_brief(seeds_brief: Any) -> None:
    data = json.loads(json.dumps(seeds_brief.to_dict()))
    jsonschema.Draft202012Validator(brief_schema()).validate(data)
    assert data["schema"] == "storybrief.brief/1"
    assert data["summary"]
    assert data["entities"]
    assert data["quotes"]
    assert data["timeline"]
    assert data["claims"]
    assert data["sources"]


def test_schema_rejects_output_missing_a_section(seeds_brief: Any) -> None:
    data = json.loads(json.dumps(seeds_brief.to_dict()))
    del data["errors"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(brief_schema()).validate(data)
