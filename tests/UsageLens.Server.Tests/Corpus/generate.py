#!/usr/bin/env python3
"""Writes bad-requests.jsonl: the malformed HTTP requests BadRequestCorpusTests sends to a real server.

Run from this folder (python3 generate.py) after changing a case; the JSONL is checked in so a review sees
every case. One line per case:
  name          unique, says what is wrong
  method, path  the request; key is which key sends it (writer, analyst, admin, none)
  content_type  the Content-Type header (omitted: none); headers: any other headers
  body          the body as UTF-8 text, or body_base64 for bytes that are not UTF-8
  fill          {"prefix", "unit", "bytes", "suffix"}: a large body built by the test (unit repeated to about bytes)
  gzip          true: the test gzips the body and sends Content-Encoding: gzip
  status        the status the server must answer
  names         strings the error body must contain: the field, parameter or reason it names
  writes        for accepted cases only: rows the request adds per table ({"events": 1}); refusals write nothing
"""
import base64
import json

cases = []


def case(name, path, status, names=(), method="POST", key="writer", content_type="application/json", body=None,
         body_bytes=None, fill=None, gzip=False, headers=None, writes=None):
    entry = {"name": name, "method": method, "path": path, "key": key}
    if content_type is not None:
        entry["content_type"] = content_type
    if headers:
        entry["headers"] = headers
    if body is not None:
        entry["body"] = body
    if body_bytes is not None:
        entry["body_base64"] = base64.b64encode(body_bytes).decode("ascii")
    if fill is not None:
        entry["fill"] = fill
    if gzip:
        entry["gzip"] = True
    entry["status"] = status
    entry["names"] = list(names)
    if writes:
        entry["writes"] = writes
    assert all(c["name"] != name for c in cases), name
    cases.append(entry)


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# ---------------------------------------------------------------- ingestion endpoints and a valid message of each
TIME = "2026-10-01T10:00:00Z"


def segment_track(**override):
    message = {"type": "track", "messageId": "m-1", "event": "api_call", "userId": "u-1",
               "context": {"groupId": "acct-1"}, "timestamp": TIME, "properties": {"quantity": 1}}
    message.update(override)
    return message


def posthog_event(**override):
    event = {"event": "api_call", "distinct_id": "u-1", "uuid": "0b9b0b2e-0000-4000-8000-000000000001",
             "timestamp": TIME, "properties": {"$groups": {"company": "acct-1"}, "quantity": 1}}
    event.update(override)
    return event


def cloud_event(**override):
    event = {"specversion": "1.0", "id": "ce-1", "source": "corpus", "type": "api_call", "subject": "acct-1",
             "time": TIME, "data": {"quantity": 1}}
    event.update(override)
    return event


SEGMENT_SINGLE = {"/v1/track": "track", "/v1/page": "page", "/v1/screen": "screen"}
SEGMENT = ["/v1/batch", "/v1/track", "/v1/identify", "/v1/group", "/v1/page", "/v1/screen"]
POSTHOG = ["/batch", "/capture", "/e", "/i/v0/e"]
CLOUD_SINGLE = "application/cloudevents+json"
CLOUD_BATCH = "application/cloudevents-batch+json"
INGEST = [(p, "application/json") for p in SEGMENT + POSTHOG] + [("/api/v1/events", CLOUD_SINGLE), ("/api/v1/events#batch", CLOUD_BATCH)]


def route(path):
    return path.split("#")[0]


# ---------------------------------------------------------------- 1. bodies that are not JSON at all, on every ingestion endpoint
def valid_body(path):
    if path == "/v1/batch":
        return {"batch": [segment_track()]}
    if path in SEGMENT_SINGLE:
        return segment_track(type=SEGMENT_SINGLE[path])
    if path == "/v1/identify":
        return {"userId": "u-1", "traits": {"email": "a@example.com", "company": "acct-1"}}
    if path == "/v1/group":
        return {"userId": "u-1", "groupId": "acct-1", "traits": {"name": "Acme"}}
    if path in POSTHOG:
        return {"api_key": "", "batch": [posthog_event()]}
    if path == "/api/v1/events":
        return cloud_event()
    return [cloud_event()]


for path, media in INGEST:
    tag = path.replace("/", "_").replace("#", "_").strip("_")
    at = route(path)
    valid = dumps(valid_body(path))
    json_problem = ["body", "JSON"]
    case(f"{tag}: empty body", at, 400, json_problem, content_type=media, body="")
    case(f"{tag}: only whitespace", at, 400, json_problem, content_type=media, body="  \n\t ")
    case(f"{tag}: truncated JSON", at, 400, json_problem, content_type=media, body=valid[: len(valid) // 2])
    case(f"{tag}: trailing comma", at, 400, json_problem, content_type=media, body=valid[:-1] + ",}" if valid.endswith("}") else valid[:-1] + ",]")
    case(f"{tag}: single quotes", at, 400, json_problem, content_type=media, body=valid.replace('"', "'"))
    case(f"{tag}: comment", at, 400, json_problem, content_type=media, body="/* hi */" + valid)
    case(f"{tag}: NaN literal", at, 400, json_problem, content_type=media, body=valid.replace('"quantity":1', '"quantity":NaN') if '"quantity":1' in valid else "NaN")
    case(f"{tag}: Infinity literal", at, 400, json_problem, content_type=media, body=valid.replace('"quantity":1', '"quantity":-Infinity') if '"quantity":1' in valid else "Infinity")
    case(f"{tag}: two documents", at, 400, json_problem, content_type=media, body=valid + valid)
    case(f"{tag}: deep nesting", at, 400, json_problem, content_type=media, body="[" * 5000 + "]" * 5000)
    case(f"{tag}: random bytes", at, 400, ["body"], content_type=media, body_bytes=bytes(range(256)))
    case(f"{tag}: invalid UTF-8 inside a string", at, 400, ["UTF-8"], content_type=media,
         body_bytes=valid.replace("acct-1", "acct-\x00X").encode("utf-8").replace(b"\x00X", b"\xc3\x28"))
    case(f"{tag}: Latin-1 text", at, 400, ["UTF-8"], content_type=media + "; charset=iso-8859-1",
         body_bytes=valid.replace("acct-1", "acct-\u00e9").encode("latin-1"))
    case(f"{tag}: UTF-16 LE with BOM", at, 400, ["body"], content_type=media + "; charset=utf-16",
         body_bytes=b"\xff\xfe" + valid.encode("utf-16-le"))
    case(f"{tag}: UTF-16 BE without BOM", at, 400, json_problem, content_type=media + "; charset=utf-16be",
         body_bytes=valid.encode("utf-16-be"))
    case(f"{tag}: corrupt gzip", at, 400, ["gzip"], content_type=media, headers={"Content-Encoding": "gzip"},
         body_bytes=b"\x1f\x8b\x08\x00" + bytes(40))
    case(f"{tag}: unsupported Content-Encoding", at, 415, ["Content-Encoding"], content_type=media,
         headers={"Content-Encoding": "br"}, body=valid)
    case(f"{tag}: 10 MB body", at, 413, ["limit"], content_type=media,
         fill={"prefix": '{"batch":["', "unit": "x", "bytes": 10 * 1024 * 1024, "suffix": '"]}'})
    case(f"{tag}: gzip bomb (10 MB of zeros)", at, 413, ["limit"], content_type=media, gzip=True,
         fill={"prefix": "", "unit": "0", "bytes": 10 * 1024 * 1024, "suffix": ""})
    for wrong in ["text/plain", "application/xml", "multipart/form-data; boundary=x"]:
        if not (path.startswith("/api/v1/events") and wrong == "text/plain"):
            case(f"{tag}: Content-Type {wrong}", at, 415, ["Content-Type"], content_type=wrong, body=valid)
    case(f"{tag}: no key", at, 401, [], key="none", content_type=media, body=valid)
    case(f"{tag}: read key cannot write", at, 403, [], key="analyst", content_type=media, body=valid)

# ---------------------------------------------------------------- 2. Segment fields: wrong types, odd numbers, times out of range
def seg(name, status, names, writes=None, path="/v1/batch", **override):
    message = segment_track(**override)
    for k in [k for k, v in override.items() if v is DROP]:
        message.pop(k)
    body = {"batch": [message]} if path == "/v1/batch" else message
    case(f"segment {path}: {name}", path, status, names, body=dumps(body), writes=writes)


DROP = object()
for path in ["/v1/batch", "/v1/track"]:
    seg("event is a number is read as text", 200, [], writes={"events": 1}, path=path, messageId="num-event-" + path[-5:], event=42)
    seg("event is missing", 400, ["event"], path=path, event=DROP)
    seg("event has no letters", 400, ["event"], path=path, event="!!!")
    seg("messageId is an object", 400, ["messageId"], path=path, messageId={"id": 1})
    seg("messageId is missing", 400, ["messageId"], path=path, messageId=DROP)
    seg("userId is an array", 400, ["userId"], path=path, userId=[1])
    seg("groupId is a boolean", 400, ["context.groupId"], path=path, context={"groupId": True})
    seg("no account and no user", 400, ["context.groupId"], path=path, context=DROP, userId=DROP)
    seg("properties is an array", 400, ["properties"], path=path, properties=[1, 2])
    seg("properties is a string", 400, ["properties"], path=path, properties="quantity=1")
    seg("quantity is a word", 400, ["properties.quantity"], path=path, properties={"quantity": "ten"})
    seg("quantity is a boolean", 400, ["properties.quantity"], path=path, properties={"quantity": True})
    seg("quantity is an object", 400, ["properties.quantity"], path=path, properties={"quantity": {"v": 1}})
    seg("quantity overflows a double", 400, ["properties.quantity"], path=path, properties={"quantity": 1e400} if False else {"quantity": "1e400"})
    seg("quantity is the string NaN", 400, ["properties.quantity"], path=path, properties={"quantity": "NaN"})
    seg("quantity is the string Infinity", 400, ["properties.quantity"], path=path, properties={"quantity": "-Infinity"})
    seg("unit is a number", 400, ["properties.unit"], path=path, properties={"quantity": 1, "unit": 5})
    seg("timestamp is a number", 400, ["timestamp"], path=path, timestamp=1760000000)
    seg("timestamp has no offset", 400, ["timestamp"], path=path, timestamp="2026-10-01T10:00:00")
    seg("timestamp is a word", 400, ["timestamp"], path=path, timestamp="yesterday")
    seg("timestamp month 13", 400, ["timestamp"], path=path, timestamp="2026-13-01T00:00:00Z")
    seg("timestamp 30 February", 400, ["timestamp"], path=path, timestamp="2026-02-30T00:00:00Z")
    seg("timestamp hour 25", 400, ["timestamp"], path=path, timestamp="2026-10-01T25:00:00Z")
    seg("timestamp year 10000", 400, ["timestamp"], path=path, timestamp="10000-01-01T00:00:00Z")
    seg("timestamp before year 1 in UTC", 400, ["timestamp"], path=path, timestamp="0001-01-01T00:00:00+14:00")
    seg("timestamp after year 9999 in UTC", 400, ["timestamp"], path=path, timestamp="9999-12-31T23:59:59-14:00")
    seg("originalTimestamp at year 1 with a future sentAt", 400, ["originalTimestamp"], path=path, timestamp=DROP,
        originalTimestamp="0001-01-01T00:00:00Z", sentAt="9999-12-31T00:00:00Z")
    seg("originalTimestamp at year 9999 with a past sentAt", 400, ["originalTimestamp"], path=path, timestamp=DROP,
        originalTimestamp="9999-12-31T00:00:00Z", sentAt="0001-01-02T00:00:00Z")
    seg("sentAt is a number", 400, ["sentAt"], path=path, timestamp=DROP, originalTimestamp=TIME, sentAt=5)
    seg("type is unknown", 400, ["type"], path="/v1/batch", type="alias") if path == "/v1/batch" else None
    seg("message over 32 KB", 400 if path == "/v1/batch" else 413, ["32768"] if path == "/v1/batch" else ["limit"], path=path,
        properties={"quantity": 1, "note": "x" * 40000})

case("segment /v1/batch: batch is an object", "/v1/batch", 400, ["batch"], body=dumps({"batch": {"0": segment_track()}}))
case("segment /v1/batch: batch is missing", "/v1/batch", 400, ["batch"], body=dumps({"messages": [segment_track()]}))
case("segment /v1/batch: body is an array", "/v1/batch", 400, ["body", "object"], body=dumps([segment_track()]))
case("segment /v1/batch: message is a string", "/v1/batch", 400, ["message"], body=dumps({"batch": ["track"]}))
case("segment /v1/batch: message is null", "/v1/batch", 400, ["message"], body=dumps({"batch": [None]}))
case("segment /v1/batch: a bad message after a good one stores neither", "/v1/batch", 400, ["properties.quantity"],
     body=dumps({"batch": [segment_track(messageId="ok-1"), segment_track(messageId="bad-1", properties={"quantity": "x"})]}))
case("segment /v1/batch: sentAt on the envelope is a word", "/v1/batch", 400, ["sentAt"],
     body=dumps({"sentAt": "soon", "batch": [segment_track()]}))
case("segment /v1/batch: deep nesting inside properties", "/v1/batch", 400, ["body", "JSON"],
     body='{"batch":[{"type":"track","messageId":"d","event":"e","userId":"u","properties":{"x":' + "[" * 100 + "]" * 100 + "}}]}")
case("segment /v1/track: body is null", "/v1/track", 400, ["body", "object"], body="null")
case("segment /v1/track: body is a number", "/v1/track", 400, ["body", "object"], body="42")
case("segment /v1/identify: no userId", "/v1/identify", 400, ["userId"], body=dumps({"traits": {"email": "x"}}))
case("segment /v1/identify: userId is a number is read as text", "/v1/identify", 200, [], body=dumps({"userId": 7}), writes={"users": 1})
case("segment /v1/identify: traits is an array", "/v1/identify", 400, ["traits"], body=dumps({"userId": "u-1", "traits": [1]}))
case("segment /v1/identify: traits is a string", "/v1/identify", 400, ["traits"], body=dumps({"userId": "u-1", "traits": "vip"}))
case("segment /v1/group: no groupId", "/v1/group", 400, ["groupId"], body=dumps({"userId": "u-1", "traits": {}}))
case("segment /v1/group: groupId is a number is read as text", "/v1/group", 200, [], body=dumps({"groupId": 12}), writes={"accounts": 1})
case("segment /v1/group: traits is a number", "/v1/group", 400, ["traits"], body=dumps({"groupId": "acct-x", "traits": 3}))
case("segment /v1/group: revenue is a word", "/v1/group", 400, ["traits.revenue"], body=dumps({"groupId": "acct-x", "traits": {"revenue": "lots"}}))
case("segment /v1/group: revenue is infinite", "/v1/group", 400, ["traits.revenue"], body=dumps({"groupId": "acct-x", "traits": {"revenue": "Infinity"}}))

# An escaped lone surrogate is valid JSON text but no Unicode character: refused where read, never stored half-decoded.
case("segment /v1/track: lone surrogate in the event name", "/v1/track", 400, ["body", "surrogate"],
     body=dumps(segment_track(messageId="sur-1")).replace('"api_call"', '"api\\ud800call"'))
case("segment /v1/group: lone surrogate in a property name", "/v1/group", 400, ["body", "surrogate"], body='{"groupId":"acct-sur","traits":{"\\ud800":1}}')
case("posthog /batch: lone surrogate in a property", "/batch", 400, ["body", "surrogate"], body=dumps({"api_key": "", "batch": [posthog_event(properties={"$groups": {"company": "acct-1"}, "note": "SUR"})]}).replace("SUR", "\\udbff"))
case("segment /v1/identify: lone surrogate in a trait", "/v1/identify", 400, ["body", "surrogate"],
     body='{"userId":"u-sur","traits":{"name":"x\\udc00y"}}')
case("segment /v1/track: lone surrogate in a stored property", "/v1/track", 400, ["body", "surrogate"],
     body=dumps(segment_track(messageId="sur-2", properties={"quantity": 1, "note": "SURROGATE"})).replace("SURROGATE", "\\ud834"))

# Accepted: unknown fields are Segment's extension point, and spreadsheet formulas are stored as text (CSV output guards them).
for i, formula in enumerate(["=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-2+3", "@HYPERLINK(\"http://x\")", "\tTAB", "\r=1"]):
    case(f"segment /v1/batch: CSV injection in the event name is stored as text ({i})", "/v1/batch", 200,
         body=dumps({"batch": [segment_track(messageId=f"csv-{i}", event=f"csv {formula} {i}")]}), writes={"events": 1})
    case(f"segment /v1/group: CSV injection in the account name is stored as text ({i})", "/v1/group", 200,
         body=dumps({"groupId": f"acct-csv-{i}", "traits": {"name": formula}}), writes={"accounts": 1})
case("segment /v1/batch: unknown top-level fields are kept out of the way", "/v1/batch", 200,
     body=dumps({"batch": [segment_track(messageId="unknown-1", event="accepted_call", wat=1, integrations={"All": False})], "extra": {"a": 1}}), writes={"events": 1})
case("segment /v1/track: unknown properties are stored with the event", "/v1/track", 200,
     body=dumps(segment_track(messageId="unknown-2", event="accepted_call", properties={"quantity": 2, "colour": "blue"})), writes={"events": 1})

# ---------------------------------------------------------------- 3. PostHog fields
def ph(name, status, names, path="/batch", writes=None, **override):
    event = posthog_event(**override)
    for k in [k for k, v in override.items() if v is DROP]:
        event.pop(k)
    case(f"posthog {path}: {name}", path, status, names, body=dumps({"api_key": "", "batch": [event]}), writes=writes)


for path in ["/batch", "/capture"]:
    ph("event is a number is read as text", 200, [], writes={"events": 1}, path=path, uuid="0b9b0b2e-0000-4000-8000-00000000020" + str(len(path)), event=3)
    ph("event is missing", 400, ["event"], path=path, event=DROP)
    ph("distinct_id is an object", 400, ["distinct_id"], path=path, distinct_id={"a": 1})
    ph("timestamp has no offset", 400, ["timestamp"], path=path, timestamp="2026-10-01 10:00:00")
    ph("timestamp is a number", 400, ["timestamp"], path=path, timestamp=12)
    ph("properties is an array", 400, ["properties"], path=path, properties=[1])
    ph("quantity is a word", 400, ["properties.quantity"], path=path, properties={"$groups": {"company": "acct-1"}, "quantity": "many"})
    ph("quantity is NaN text", 400, ["properties.quantity"], path=path, properties={"$groups": {"company": "acct-1"}, "quantity": "NaN"})
    ph("$groups is a string", 400, ["properties.$groups"], path=path, properties={"$groups": "acct-1"})
    ph("no account", 400, ["properties.$groups.company"], path=path, distinct_id="nobody-" + path.strip("/"), properties={"quantity": 1})
case("posthog /batch: batch is a string", "/batch", 400, ["batch"], body=dumps({"api_key": "", "batch": "x"}))
case("posthog /batch: body is an array", "/batch", 400, ["body", "object"], body=dumps([posthog_event()]))
case("posthog /e: one bad event among good ones", "/e", 400, ["timestamp"],
     body=dumps({"api_key": "", "batch": [posthog_event(uuid="0b9b0b2e-0000-4000-8000-000000000101"), posthog_event(timestamp="never")]}))

# ---------------------------------------------------------------- 4. CloudEvents fields
def ce(name, status, names, batch=False, writes=None, **override):
    event = cloud_event(**override)
    for k in [k for k, v in override.items() if v is DROP]:
        event.pop(k)
    body = [event] if batch else event
    case(f"cloudevents {'batch' if batch else 'single'}: {name}", "/api/v1/events", status, names,
         content_type=CLOUD_BATCH if batch else CLOUD_SINGLE, body=dumps(body), writes=writes)


for batch in [False, True]:
    ce("specversion 0.3", 400, ["specversion"], batch, specversion="0.3")
    ce("specversion is the number 1.0", 200, [], batch, writes={"events": 1}, id=f"ce-num-v-{batch}", type="accepted_call", specversion=1.0)
    ce("id is missing", 400, ["id"], batch, id=DROP)
    ce("id is a number is read as text", 200, [], batch, writes={"events": 1}, type="accepted_call", id=5 + batch)
    ce("source is missing", 400, ["source"], batch, source=DROP)
    ce("type is missing", 400, ["type"], batch, type=DROP)
    ce("type has no letters", 400, ["type"], batch, type="...")
    ce("subject is missing", 400, ["subject"], batch, subject=DROP)
    ce("subject is an array", 400, ["subject"], batch, subject=["a"])
    ce("time is a number", 400, ["time"], batch, time=1)
    ce("time has no offset", 400, ["time"], batch, time="2026-10-01T10:00:00")
    ce("time year 10000", 400, ["time"], batch, time="10000-01-01T00:00:00Z")
    ce("data is a string", 400, ["data"], batch, data="quantity=1")
    ce("quantity is a word", 400, ["data.quantity"], batch, data={"quantity": "lots"})
    ce("quantity overflows", 400, ["data.quantity"], batch, data={"quantity": "1e999"})
    ce("quantity is Infinity text", 400, ["data.quantity"], batch, data={"quantity": "Infinity"})
    ce("unit is a boolean", 400, ["data.unit"], batch, data={"quantity": 1, "unit": False})
case("cloudevents: an array sent as one event", "/api/v1/events", 400, ["body"], content_type=CLOUD_SINGLE, body=dumps([cloud_event()]))
case("cloudevents: an object sent as a batch", "/api/v1/events", 400, ["body"], content_type=CLOUD_BATCH, body=dumps(cloud_event()))
case("cloudevents: plain JSON content type", "/api/v1/events", 415, ["Content-Type"], content_type="application/json", body=dumps(cloud_event()))
case("cloudevents: text/plain content type", "/api/v1/events", 415, ["Content-Type"], content_type="text/plain", body=dumps(cloud_event()))
case("cloudevents: no content type", "/api/v1/events", 415, ["Content-Type"], content_type=None, body=dumps(cloud_event()))
case("cloudevents batch: element is a number", "/api/v1/events", 400, ["object"], content_type=CLOUD_BATCH, body="[1]")

# ---------------------------------------------------------------- 5. KPI and insight query strings
def get(name, path, status, names, key="analyst"):
    case(name, path, status, names, method="GET", key=key, content_type=None)


KPI = "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=2026-11-01"
get("kpi: unknown KPI", "/api/v1/kpi/usag", 404, ["usag"])
get("kpi: unknown option", KPI + "&colour=red", 400, ["colour"])
get("kpi: unknown metric", "/api/v1/kpi/usage?metric=api_cal", 400, ["api_cal"])
get("kpi: from is not a date", "/api/v1/kpi/usage?metric=api_call&from=yesterday&to=2026-11-01", 400, ["from"])
get("kpi: from month 13", "/api/v1/kpi/usage?metric=api_call&from=2026-13-01&to=2026-11-01", 400, ["from"])
get("kpi: to before from", "/api/v1/kpi/usage?metric=api_call&from=2026-11-01&to=2026-10-01", 400, ["to"])
get("kpi: from at year 1", "/api/v1/kpi/usage?metric=api_call&from=0001-01-01&to=2026-11-01", 400, ["from", "0001-01-01"])
get("kpi: to at year 9999", "/api/v1/kpi/usage?metric=api_call&from=2026-10-01&to=9999-12-31", 400, ["to", "9999-12-31"])
get("kpi: from in 1899", "/api/v1/kpi/usage?metric=api_call&from=1899-12-31&to=2026-11-01", 400, ["from", "1899-12-31"])
get("kpi: the widest accepted range with its previous period", "/api/v1/kpi/usage?metric=api_call&from=1900-01-01&to=2199-12-31", 200, [])
get("kpi: last 100000 months", "/api/v1/kpi/usage?metric=api_call&period=last-100000-months", 400, ["period"])
get("kpi: last 100000 weeks", "/api/v1/kpi/usage?metric=api_call&period=last-100000-weeks", 400, ["period"])
get("kpi: last 100000 days by day", "/api/v1/kpi/usage?metric=api_call&period=last-100000-days&grain=day&previous=false", 200, [])
get("kpi: as-of is not a date", KPI + "&as-of=2026-02-30", 400, ["as-of"])
get("kpi: as-of at year 1 with a relative period", "/api/v1/kpi/usage?metric=api_call&period=last-month&as-of=0001-01-01", 400, ["as-of"])
get("kpi: as-of at year 9999 with a relative period", "/api/v1/kpi/usage?metric=api_call&period=last-30-days&as-of=9999-12-31", 400, ["as-of"])
get("kpi: as-of at year 9999 this year", "/api/v1/kpi/usage?metric=api_call&period=this-year&as-of=9999-12-31", 400, ["as-of"])
get("kpi: period unknown", "/api/v1/kpi/usage?metric=api_call&period=last-fortnight", 400, ["last-fortnight"])
get("kpi: last-N-days with a huge N", "/api/v1/kpi/usage?metric=api_call&period=last-99999999999-days", 400, ["period"])
get("kpi: last-N-days with N = 0", "/api/v1/kpi/usage?metric=api_call&period=last-0-days", 400, ["period"])
get("kpi: grain unknown", KPI + "&grain=fortnight", 400, ["fortnight"])
get("kpi: group-by unknown", KPI + "&group-by=colour", 400, ["colour"])
get("kpi: where without operator", KPI + "&where=segment", 400, ["segment"])
get("kpi: where unknown field", KPI + "&where=colour%3Dred", 400, ["colour"])
get("kpi: where numeric field with text", KPI + "&where=revenue%3E%3Dlots", 400, ["lots"])
get("kpi: where number NaN", KPI + "&where=revenue%3E%3DNaN", 400, ["NaN"])
get("kpi: where number Infinity", KPI + "&where=revenue%3E%3DInfinity", 400, ["Infinity"])
get("kpi: where number 1e400", KPI + "&where=revenue%3E%3D1e400", 400, ["1e400"])
get("kpi: top negative", KPI.replace("usage", "top-customer-share") + "&top=-1", 400, ["top"])
get("kpi: top zero percent", KPI.replace("usage", "top-customer-share") + "&top=0%25", 400, ["top"])
get("kpi: top 1000 percent", KPI.replace("usage", "top-customer-share") + "&top=1000%25", 400, ["top"])
get("kpi: top huge", KPI.replace("usage", "top-customer-share") + "&top=99999999999999999999", 400, ["top"])
get("kpi: top NaN", KPI.replace("usage", "top-customer-share") + "&top=NaN", 400, ["top"])
get("kpi: top word", KPI.replace("usage", "top-customer-share") + "&top=many", 400, ["top"])
get("kpi: rank-by unknown", KPI.replace("usage", "top-customer-share") + "&top=1&rank-by=height", 400, ["height"])
get("kpi: previous is not a switch value", KPI + "&previous=maybe", 400, ["previous"])
get("kpi: sql is not a switch value", KPI + "&sql=perhaps", 400, ["sql"])
get("kpi: metric is a control character", "/api/v1/kpi/usage?metric=%00", 400, ["metric"])
get("kpi: metric is invalid UTF-8", "/api/v1/kpi/usage?metric=%C3%28", 400, ["metric"])
get("kpi: metric over 2,000 characters", "/api/v1/kpi/usage?metric=" + "a" * 2000, 400, ["metric"])
get("kpi: query string over Kestrel's line limit", "/api/v1/kpi/usage?metric=" + "a" * 9000, 414, [])
get("kpi: writer key cannot read", KPI, 403, [], key="writer")
get("kpi: no key", KPI, 401, [], key="none")
get("kpi list: writer key cannot read", "/api/v1/kpi", 403, [], key="writer")

INS = "/api/v1/insights/"
get("insights: unknown insight", INS + "anomolies", 404, ["anomolies"])
get("insights: as-of is not a date", INS + "anomalies?as-of=2026-02-31", 400, ["as-of"])
get("insights: as-of at year 1", INS + "anomalies?as-of=0001-01-01", 400, ["as-of"])
get("insights: as-of at year 9999", INS + "trend?kpi=usage&metric=api_call&as-of=9999-12-31", 400, ["as-of"])
get("insights: unknown option", INS + "anomalies?colour=red&as-of=2026-11-01", 400, ["colour"])
get("insights: trend of an unknown KPI", INS + "trend?kpi=usag&as-of=2026-11-01", 404, ["usag"])
get("insights: trend grain unknown", INS + "trend?kpi=usage&metric=api_call&grain=fortnight&as-of=2026-11-01", 400, ["fortnight"])
get("insights: trend period unknown", INS + "trend?kpi=usage&metric=api_call&period=forever&as-of=2026-11-01", 400, ["forever"])
get("insights: comparison by unknown dimension", INS + "comparison?kpi=usage&metric=api_call&by=colour&as-of=2026-11-01", 400, ["colour"])
get("insights: where without operator", INS + "anomalies?where=segment&as-of=2026-11-01", 400, ["segment"])
get("insights: metric unknown", INS + "anomalies?metric=api_cal&as-of=2026-11-01", 400, ["api_cal"])
get("insights: health with an unknown option", INS + "health?colour=red&as-of=2026-11-01", 400, ["colour"])
get("insights: writer key cannot read", INS + "anomalies", 403, [], key="writer")

# ---------------------------------------------------------------- 6. /api/v1/ask bodies
def ask(name, status, names, body=None, body_bytes=None, content_type="application/json", fill=None, key="analyst"):
    case(f"ask: {name}", "/api/v1/ask", status, names, key=key, content_type=content_type, body=body, body_bytes=body_bytes, fill=fill)


ask("empty body", 400, ["question"], body="")
ask("not JSON", 400, ["question"], body="api calls last month")
ask("JSON null", 400, ["question"], body="null")
ask("JSON array", 400, ["question"], body='["api calls"]')
ask("question missing", 400, ["question"], body='{"q": "api calls"}')
ask("question is a number", 400, ["question"], body='{"question": 5}')
ask("question is an object", 400, ["question"], body='{"question": {"text": "api calls"}}')
ask("question is empty", 400, ["question"], body='{"question": ""}')
ask("question is blank", 400, ["question"], body='{"question": "   "}')
ask("question over 1,000 characters", 400, ["1000"], body=dumps({"question": "api calls " * 120}))
ask("question with a control character", 400, ["control"], body=dumps({"question": "api calls\u0007 last month"}))
ask("question with a NUL", 400, ["control"], body=dumps({"question": "api calls\u0000 last month"}))
ask("as_of is not a date", 400, ["as_of"], body='{"question": "api calls last month", "as_of": "tomorrow"}')
ask("as_of is a number", 400, ["as_of"], body='{"question": "api calls last month", "as_of": 20261115}')
ask("as_of at year 1", 400, ["as_of"], body='{"question": "api calls last month", "as_of": "0001-01-01"}')
ask("as_of at year 9999", 400, ["as_of"], body='{"question": "api calls this year", "as_of": "9999-12-31"}')
ask("invalid UTF-8", 400, ["UTF-8"], body_bytes=b'{"question": "api calls \xff last month"}')
ask("Latin-1", 400, ["UTF-8"], content_type="application/json; charset=iso-8859-1", body_bytes='{"question": "api calls caf\u00e9"}'.encode("latin-1"))
ask("UTF-16", 400, ["UTF-8"], content_type="application/json; charset=utf-16", body_bytes=b"\xff\xfe" + '{"question": "api calls"}'.encode("utf-16-le"))
ask("lone surrogate in the question", 400, ["surrogate"], body='{"question": "api calls \\ud800"}')
ask("lone surrogate in a property name", 400, ["surrogate"], body='{"question": "api calls", "\\udfff": 1}')
ask("truncated JSON", 400, ["question"], body='{"question": "api calls')
ask("deep nesting", 400, ["question"], body='{"question": "x", "n": ' + "[" * 5000 + "]" * 5000 + "}")
ask("body over 16 KB", 413, ["16384"], fill={"prefix": '{"question": "', "unit": "a", "bytes": 20000, "suffix": '"}'})
ask("10 MB body", 413, ["16384"], fill={"prefix": '{"question": "', "unit": "a", "bytes": 10 * 1024 * 1024, "suffix": '"}'})
ask("text/plain", 415, ["Content-Type"], content_type="text/plain", body='{"question": "api calls last month"}')
ask("form encoded", 415, ["Content-Type"], content_type="application/x-www-form-urlencoded", body="question=api+calls")
ask("question names a date before the calendar", 400, ["0001-01-01"], body='{"question": "api calls since 0001-01-01"}')
ask("question names a day before the calendar", 400, ["1850-03-01"], body='{"question": "api calls on 1850-03-01"}')
ask("question names a far-future range", 400, ["9999-12-31"], body='{"question": "api calls from 2026-01-01 to 9999-12-31"}')
ask("question asks for 99999 months", 400, ["99999"], body='{"question": "api calls last 99999 months"}')
ask("unknown KPI word only", 400, ["question"], body='{"question": "zorglub blarg"}')
ask("writer key cannot ask", 403, [], key="writer", body='{"question": "api calls last month"}')

with open("bad-requests.jsonl", "w", encoding="utf-8", newline="\n") as out:
    for entry in cases:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
print(f"{len(cases)} cases")
