"""Registers the shared fixtures (real PostgreSQL, real Kafka, test tokens) for every suite."""

pytest_plugins = ["huddle_devtools.testing.plugin"]
