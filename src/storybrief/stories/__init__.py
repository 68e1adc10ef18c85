"""The stream side: ingest into the store, group articles into stories, brief the stories."""
