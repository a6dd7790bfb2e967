"""Development and test tooling: local PostgreSQL and Kafka, pytest fixtures, test tokens.

A workspace package of its own, installed only with the dev dependency group: no service
depends on it, so no production image carries it.
"""
