"""The spaCy layer: ``Doc``s live only in this package; ``convert`` turns them into records."""

from storybrief.nlp.convert import parse_articles
from storybrief.nlp.pipeline import DEFAULT_MODELS, load_nlp, resolve_model_name

__all__ = ["DEFAULT_MODELS", "load_nlp", "parse_articles", "resolve_model_name"]
