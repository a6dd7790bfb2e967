"""Dev/test-only provisioning of a real PostgreSQL and a real Kafka on this machine.

Nothing here is used in production: services get their servers from configuration. Tests call
provision(); `make up` calls `python -m huddle_shared.devinfra up`.
"""

from huddle_shared.devinfra.kafka import KAFKA_VERSION, LocalKafka, ensure_kafka_jars
from huddle_shared.devinfra.postgres import LocalPostgres
from huddle_shared.devinfra.selection import Infrastructure, free_port, provision

__all__ = [
    "KAFKA_VERSION",
    "Infrastructure",
    "LocalKafka",
    "LocalPostgres",
    "ensure_kafka_jars",
    "free_port",
    "provision",
]
