"""Dev/test-only provisioning of a real PostgreSQL and a real Kafka on this machine.

Nothing here is used in production: services get their servers from configuration. Tests call
provision(); `make up` calls `python -m huddle_devtools.devinfra up`.
"""

from huddle_devtools.devinfra.kafka import KAFKA_VERSION, LocalKafka, ensure_kafka_jars
from huddle_devtools.devinfra.postgres import LocalPostgres
from huddle_devtools.devinfra.selection import Infrastructure, free_port, provision

__all__ = [
    "KAFKA_VERSION",
    "Infrastructure",
    "LocalKafka",
    "LocalPostgres",
    "ensure_kafka_jars",
    "free_port",
    "provision",
]
