"""Dev/test-only provisioning of a real PostgreSQL, Kafka and Keycloak on this machine.

Nothing here is used in production: services get their servers from configuration. Tests call
provision(); `make up` calls `python -m huddle_devtools.devinfra up`.
"""

from huddle_devtools.devinfra.kafka import KAFKA_VERSION, LocalKafka, ensure_kafka_jars
from huddle_devtools.devinfra.keycloak import LocalKeycloak
from huddle_devtools.devinfra.keycloak_dist import KEYCLOAK_VERSION, ensure_keycloak
from huddle_devtools.devinfra.postgres import LocalPostgres
from huddle_devtools.devinfra.selection import Infrastructure, free_port, provision

__all__ = [
    "KAFKA_VERSION",
    "KEYCLOAK_VERSION",
    "Infrastructure",
    "LocalKafka",
    "LocalKeycloak",
    "LocalPostgres",
    "ensure_kafka_jars",
    "ensure_keycloak",
    "free_port",
    "provision",
]
