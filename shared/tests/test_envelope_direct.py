"""The direct decoding path agrees with the CloudEvents SDK on every record, valid or not.

``from_kafka`` decodes the records ``to_kafka`` writes without the SDK
(``fastpath.decode_direct``); anything it does not recognise goes through the SDK. These
properties mutate well-formed records (headers dropped, changed, renamed, added; values and
keys broken) and require both paths to produce the same envelope or both to refuse the record.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from huddle_shared.envelope import (
    Envelope,
    MalformedEnvelope,
    _through_sdk,
    from_kafka,
    to_kafka,
)
from huddle_shared.fastpath import decode_direct

Record = tuple[bytes | None, bytes, list[tuple[str, bytes]]]
HEADER_NAMES = (
    "ce_id",
    "ce_source",
    "ce_type",
    "ce_specversion",
    "ce_subject",
    "ce_time",
    "ce_tenantid",
    "ce_streamversion",
    "content-type",
    "traceparent",
    "tracestate",
)
ODD_VALUES = (
    b"",
    b" ",
    b"0.3",
    b"1.0",
    b"application/json",
    b"text/plain",
    b"2026-11-25",
    b"2026-11-25T10:30:00",
    b"2026-11-25T10:30:00+02:00",
    b"not a time",
    b"-1",
    b"+7",
    b" 12 ",
    b"x",
    b"\xff\xfe",
    "caf\u00e9".encode(),
)
ODD_BODIES = (b"", b"[]", b"null", b"3", b'"text"', b"{", b"\xef\xbb\xbf{}", b"\xff", b"{}")

texts = st.text(st.characters(codec="utf-8"), max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def records(draw: st.DrawFn) -> Record:
    when = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(microseconds=draw(st.integers(0, 10**15)))
    key, value, headers = to_kafka(
        event_id=uuid.UUID(int=draw(st.integers(0, 2**128 - 1))),
        event_type=draw(st.sampled_from(["huddle.teams.team_created.v1", "x"])),
        source=draw(st.sampled_from(["huddle/teams", "huddle/assessments"])),
        subject=draw(texts.filter(bool)),
        time=when,
        tenant_id=draw(texts.filter(bool)),
        stream_version=draw(st.integers(1, 10**9)),
        data=draw(st.dictionaries(texts, json_values, max_size=4)),
        trace_headers=draw(
            st.sampled_from(
                [None, {"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}]
            )
        ),
    )
    return key, value, headers


@st.composite
def mutated(draw: st.DrawFn) -> Record:
    key, value, headers = draw(records())
    header_map = dict(headers)
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["drop", "set", "rename", "add", "body", "key"]))
        if action == "drop" and header_map:
            header_map.pop(draw(st.sampled_from(sorted(header_map))))
        elif action == "set":
            header_map[draw(st.sampled_from(HEADER_NAMES))] = draw(st.sampled_from(ODD_VALUES))
        elif action == "rename" and header_map:
            name = draw(st.sampled_from(sorted(header_map)))
            header_map[name.upper()] = header_map.pop(name)
        elif action == "add":
            header_map[draw(st.sampled_from(["ce_dataschema", "ce_Bad", "ce_data", "x-other"]))] = (
                draw(st.sampled_from(ODD_VALUES))
            )
        elif action == "body":
            value = draw(st.sampled_from(ODD_BODIES))
        elif action == "key":
            key = draw(st.sampled_from([None, b"", b"\xff", b"k"]))
    return key, value, list(header_map.items())


def sdk_only(record: Record) -> Envelope | str:
    key, value, headers = record
    try:
        return _through_sdk(key, value, dict(headers))
    except MalformedEnvelope:
        return "refused"


def public(record: Record) -> Envelope | str:
    key, value, headers = record
    try:
        return from_kafka(key, value, headers)
    except MalformedEnvelope:
        return "refused"


@settings(max_examples=300, deadline=None)
@given(records())
def test_well_formed_records_take_the_direct_path_and_equal_the_sdk(record: Record) -> None:
    key, value, headers = record
    direct = decode_direct(key, value, dict(headers))
    assert direct is not None
    assert direct == sdk_only(record)


@settings(max_examples=600, deadline=None)
@given(mutated())
def test_any_record_decodes_the_same_as_through_the_sdk(record: Record) -> None:
    assert public(record) == sdk_only(record)


def test_a_record_the_direct_path_does_not_know_still_decodes_through_the_sdk() -> None:
    key, value, headers = to_kafka(
        event_id=uuid.UUID(int=1),
        event_type="huddle.teams.team_created.v1",
        source="huddle/teams",
        subject="team-1",
        time=datetime(2026, 11, 25, tzinfo=UTC),
        tenant_id="org-1",
        stream_version=1,
        data={"a": 1},
    )
    extra = [*headers, ("ce_dataschema", b"https://example.org/schema")]
    assert decode_direct(key, value, dict(extra)) is None
    decoded = from_kafka(key, value, extra)
    assert decoded.data == {"a": 1}
    assert decoded.stream_version == 1


def test_the_direct_path_refuses_what_the_sdk_refuses() -> None:
    key, value, headers = to_kafka(
        event_id=uuid.UUID(int=2),
        event_type="t",
        source="s",
        subject="team-1",
        time=datetime(2026, 11, 25, tzinfo=UTC),
        tenant_id="org-1",
        stream_version=1,
        data={},
    )
    naive = {**dict(headers), "ce_time": b"2026-11-25T10:30:00"}
    assert decode_direct(key, value, naive) is None
    assert public((key, value, list(naive.items()))) == "refused"
    assert public((key, json.dumps([1]).encode(), headers)) == "refused"


def test_a_record_without_id_spec_version_or_time_is_refused_not_filled_in() -> None:
    # The SDK would make up an id, "1.0" and the current time; a consumer must not.
    key, value, headers = to_kafka(
        event_id=uuid.UUID(int=3),
        event_type="t",
        source="s",
        subject="team-1",
        time=datetime(2026, 11, 25, tzinfo=UTC),
        tenant_id="org-1",
        stream_version=1,
        data={},
    )
    for name in ("ce_id", "ce_specversion", "ce_time"):
        without = [(n, v) for n, v in headers if n != name]
        assert public((key, value, without)) == "refused", name


def test_trace_headers_that_are_not_ascii_read_the_same_on_both_paths() -> None:
    # Found by the property above: the direct path read a traceparent as UTF-8 ("café") where
    # the SDK path reads trace headers byte for byte ("cafÃ©").
    key, value, headers = to_kafka(
        event_id=uuid.UUID(int=4),
        event_type="t",
        source="s",
        subject="team-1",
        time=datetime(2026, 11, 25, tzinfo=UTC),
        tenant_id="org-1",
        stream_version=1,
        data={},
    )
    for name in ("traceparent", "tracestate"):
        odd = [*headers, (name, "caf\u00e9".encode())]
        assert decode_direct(key, value, dict(odd)) == sdk_only((key, value, odd)), name
