from __future__ import annotations

import pytest

from storybrief.config import DEFAULT_MAX_BYTES, Settings
from storybrief.errors import ConfigError


def test_config_defaults_without_environment() -> None:
    settings = Settings.from_env({})
    assert settings.max_bytes == DEFAULT_MAX_BYTES
    assert settings.model is None


def test_config_environment_overlays_defaults_and_overrides_win() -> None:
    env = {"STORYBRIEF_SPACY_MODEL": "my_model", "STORYBRIEF_MAX_BYTES": "1000"}
    assert Settings.from_env(env).model == "my_model"
    assert Settings.from_env(env).max_bytes == 1000
    assert Settings.from_env(env, max_bytes=5, model=None).max_bytes == 5
    assert Settings.from_env(env, model=None).model == "my_model"


@pytest.mark.parametrize("env", [{"STORYBRIEF_MAX_BYTES": "lots"}, {"STORYBRIEF_MAX_BYTES": "0"}])
def test_config_rejects_bad_values(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.from_env(env)


def test_config_digest_follows_the_settings() -> None:
    assert Settings().digest() == Settings().digest()
    assert Settings(words=100).digest() != Settings(words=250).digest()
