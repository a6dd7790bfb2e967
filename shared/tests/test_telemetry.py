"""What the OTEL_* environment means to a service, without any exporter running: the resource,
the routes without server spans, the metric definitions, and logs redacted before they leave."""

from __future__ import annotations

import logging
import sys

import pytest
from prometheus_client import generate_latest

from huddle_shared import metrics
from huddle_shared.logs import redact_record
from huddle_shared.telemetry import DEFAULT_EXCLUDED_URLS, excluded_urls, resource_for


def test_the_service_name_defaults_to_huddle_and_the_service(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
    monkeypatch.setenv("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=staging")
    attributes = resource_for("teams").attributes
    assert attributes["service.name"] == "huddle-teams"
    assert attributes["service.namespace"] == "huddle"
    assert attributes["deployment.environment.name"] == "staging"
    assert attributes["telemetry.sdk.name"] == "opentelemetry"


@pytest.mark.parametrize(
    "env",
    [
        {"OTEL_SERVICE_NAME": "teams-eu"},
        {"OTEL_RESOURCE_ATTRIBUTES": "service.name=teams-eu"},
    ],
)
def test_a_service_name_from_the_environment_wins(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
    monkeypatch.delenv("OTEL_RESOURCE_ATTRIBUTES", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert resource_for("teams").attributes["service.name"] == "teams-eu"


def test_excluded_urls_come_from_the_environment_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTEL_PYTHON_EXCLUDED_URLS", raising=False)
    monkeypatch.delenv("OTEL_PYTHON_FASTAPI_EXCLUDED_URLS", raising=False)
    assert excluded_urls() == DEFAULT_EXCLUDED_URLS
    monkeypatch.setenv("OTEL_PYTHON_EXCLUDED_URLS", "v1/teams")
    # None: the FastAPI instrumentation reads the variable itself.
    assert excluded_urls() is None


def test_metrics_are_defined_once_with_unit_words_and_no_service_label() -> None:
    names = [family.name for family in metrics.FAMILIES]
    assert len(names) == len(set(names))
    assert all(name.startswith("huddle_") for name in names)
    assert not any(name.endswith("_total") for name in names), "the reader adds _total"
    assert not any("service" in family.labels for family in metrics.FAMILIES)
    assert {"huddle_consumer_lag_messages", "huddle_outbox_depth_events"} <= set(names)


def test_recorded_metrics_are_served_in_the_prometheus_text_format() -> None:
    # The test session configures telemetry like a service (huddle_devtools' pytest plugin).
    metrics.DEAD_LETTERS_REPLAYED.add(2, {"group": "telemetry-test", "result": "applied"})
    metrics.CONSUMER_LAG.set(7, {"group": "telemetry-test", "topic": "t", "partition": "0"})
    text = generate_latest().decode()
    assert 'huddle_dead_letters_replayed_total{group="telemetry-test",result="applied"}' in text
    assert (
        'huddle_consumer_lag_messages{group="telemetry-test",partition="0",topic="t"} 7.0' in text
    )


def test_a_record_shipped_elsewhere_is_redacted_first() -> None:
    try:
        raise ValueError("login failed for password=hunter2")
    except ValueError:
        record = logging.LogRecord(
            "huddle.test",
            logging.ERROR,
            __file__,
            1,
            "token=%s for %s",
            ("abc.def", "someone"),
            exc_info=sys.exc_info(),
        )
    record.__dict__["authorization"] = "Bearer xyz"
    redact_record(record)
    message = record.getMessage()
    assert "abc.def" not in message and "hunter2" not in message
    assert "token=[redacted]" in message and "ValueError" in message
    assert record.exc_info is None
    assert record.__dict__["authorization"] == "[redacted]"
