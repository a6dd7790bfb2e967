"""Test support shared by every service's tests: real infrastructure, tokens, processes."""
