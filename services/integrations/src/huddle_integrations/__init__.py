"""Huddle integrations: integration events for health-system IT by webhook, feed and Kafka."""
