"""The password policy (in the spirit of NIST SP 800-63B): long, not common, not personal."""

from __future__ import annotations

MIN_LENGTH = 12
MAX_LENGTH = 128

# The most common choices and the product's own name; a real deployment may load a breach list.
COMMON = frozenset(
    {
        "password1234",
        "passwordpassword",
        "123456789012",
        "qwertyuiopas",
        "letmeinletmein",
        "welcome12345",
        "iloveyou1234",
        "huddlehuddle",
        "changemechangeme",
        "administrator",
    }
)


def password_problems(password: str, *, email: str, display_name: str) -> list[str]:
    """Every reason the password is refused; empty when it is acceptable."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"must be at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        problems.append(f"must be at most {MAX_LENGTH} characters")
    lowered = password.lower()
    if lowered in COMMON or len(set(password)) < 4:
        problems.append("is too common or too repetitive")
    local_part = email.split("@", 1)[0].lower()
    if len(local_part) >= 4 and local_part in lowered:
        problems.append("must not contain your email address")
    name_parts = [p for p in display_name.lower().split() if len(p) >= 4]
    if any(part in lowered for part in name_parts):
        problems.append("must not contain your name")
    return problems
