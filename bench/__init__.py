"""Huddle's benchmark suite (``make bench``): figures and ratios against raw baselines.

Every figure is measured side by side with its baseline in the same run, against the same local
PostgreSQL and Kafka the tests use; see docs/performance.md for what each figure means.
"""
