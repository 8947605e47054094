#!/usr/bin/env python3
"""Writes bad-files.jsonl: the malformed files BadFileCorpusTests imports with `usagelens import`'s importer.

Run from this folder (python3 generate.py); the JSONL is checked in so a review sees every case. One line per case:
  name      unique, says what is wrong
  kind      events, accounts, users, subscriptions or nps
  file      the file name (its extension picks the reader)
  content   the file as UTF-8 text, or content_base64 for bytes that are not UTF-8
  parquet   instead of content: {"from": CSV text, "truncate": bytes to cut off the end, or "half" (optional)};
            the test writes the rows, every column as text, with DuckDB's COPY ... (FORMAT parquet)
  message   strings the refusal must contain: the file, the line or row, the column
  valid     a valid CSV file of the same kind, imported first in the same command
Each bad file is imported after a valid one in the same command, and nothing of either may be stored.
"""
import base64
import json

cases = []
KINDS = {
    "events": ({"id": "e1", "timestamp": "2026-10-01T10:00:00Z", "account_id": "acct-1", "event": "api_call", "quantity": "1"}, ["timestamp", "account_id", "event"]),
    "accounts": ({"account_id": "acct-1", "name": "Acme", "revenue": "100", "strategic": "true", "licensed_seats": "5", "created_at": "2026-01-01T00:00:00Z"}, ["account_id"]),
    "users": ({"user_id": "u-1", "account_id": "acct-1", "email": "a@example.com", "created_at": "2026-01-01T00:00:00Z"}, ["user_id", "account_id"]),
    "subscriptions": ({"account_id": "acct-1", "effective_at": "2026-01-01T00:00:00Z", "plan": "pro", "mrr": "100", "discount_pct": "10", "seats": "5"}, ["account_id", "effective_at", "mrr"]),
    "nps": ({"account_id": "acct-1", "responded_at": "2026-10-01T00:00:00Z", "score": "9"}, ["account_id", "responded_at", "score"]),
}
# column -> (bad values, reason the message gives)
BAD = {
    "timestamp": ["2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-10-01T10:00:00", "yesterday", "0000-01-01T00:00:00Z",
                  "0001-01-01T00:00:00+14:00", "9999-12-31T23:00:00-14:00", "10000-01-01T00:00:00Z", "2026-10-01T25:00:00Z"],
    "created_at": ["2026-13-01T00:00:00Z", "2026-01-01", "never"],
    "effective_at": ["2026-02-30T00:00:00Z", "2026-01-01T00:00:00"],
    "responded_at": ["soon", "2026-10-01T00:00:00"],
    "quantity": ["NaN", "Infinity", "-Infinity", "1e400", "ten", "1,5"],
    "revenue": ["lots", "NaN", "1e999"],
    "strategic": ["yes", "1"],
    "licensed_seats": ["2.5", "-1", "99999999999"],
    "mrr": ["-5", "free", "Infinity"],
    "discount_pct": ["150", "-1", "half"],
    "seats": ["1.5", "-2"],
    "score": ["11", "-1", "8.5", "ten"],
    "account_id": [""],
    "user_id": [""],
    "event": ["", "   "],
}


def case(name, kind, file, message, content=None, content_bytes=None, parquet=None):
    entry = {"name": name, "kind": kind, "file": file}
    if content is not None:
        entry["content"] = content
    if content_bytes is not None:
        entry["content_base64"] = base64.b64encode(content_bytes).decode("ascii")
    if parquet is not None:
        entry["parquet"] = parquet
    entry["message"] = message
    good, _ = KINDS[kind]
    entry["valid"] = csv_text(list(good.keys()), [dict(good, **({"id": "valid-1"} if "id" in good else {}))])
    assert all(c["name"] != name for c in cases), name
    cases.append(entry)


def csv_text(columns, rows):
    def cell(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n\r') else v
    return "\n".join([",".join(columns)] + [",".join(cell(r.get(c, "")) for c in columns) for r in rows]) + "\n"


def jsonl_text(rows):
    return "".join(json.dumps(r) + "\n" for r in rows)


# A bad value in the third of five rows, in every column that has a type, in CSV, JSON Lines and Parquet.
for kind, (good, _) in KINDS.items():
    for column, values in BAD.items():
        if column not in good and not (kind == "events" and column in ("timestamp", "event")):
            continue
        for value in values:
            rows = [dict(good) for _ in range(5)]
            for i, row in enumerate(rows):
                for key in ("id",):
                    if key in row:
                        row[key] = f"r{i}"
            rows[2][column] = value
            columns = list(good.keys())
            label = f"{kind} {column}={value!r}"
            case(f"{label} (csv)", kind, f"bad-{kind}.csv", [f"bad-{kind}.csv line 4", column], content=csv_text(columns, rows))
            if value != "":
                case(f"{label} (jsonl)", kind, f"bad-{kind}.jsonl", [f"bad-{kind}.jsonl line 3", column], content=jsonl_text(rows))
                case(f"{label} (parquet)", kind, f"bad-{kind}.parquet", [f"bad-{kind}.parquet row 3", column], parquet={"from": csv_text(columns, rows)})

# Wrong columns, in every kind and format.
for kind, (good, required) in KINDS.items():
    for column in required:
        rows = [{k: v for k, v in good.items() if k != column}]
        case(f"{kind} without required column {column} (csv)", kind, f"cols-{kind}.csv", [f"cols-{kind}.csv", column], content=csv_text(list(rows[0].keys()), rows))
        case(f"{kind} without required column {column} (jsonl)", kind, f"cols-{kind}.jsonl", [f"cols-{kind}.jsonl", column], content=jsonl_text(rows))
        case(f"{kind} without required column {column} (parquet)", kind, f"cols-{kind}.parquet", [f"cols-{kind}.parquet", column], parquet={"from": csv_text(list(rows[0].keys()), rows)})
    columns = list(good.keys())
    case(f"{kind} with a column twice (csv)", kind, f"dup-{kind}.csv", [f"dup-{kind}.csv", columns[0]], content=csv_text(columns + [columns[0].upper()], [dict(good, **{columns[0].upper(): "x"})]))
    case(f"{kind} empty file (csv)", kind, f"empty-{kind}.csv", [f"empty-{kind}.csv", "empty"], content="")
    case(f"{kind} empty file (jsonl)", kind, f"empty-{kind}.jsonl", [f"empty-{kind}.jsonl", "empty"], content="")
    case(f"{kind} header only (csv)", kind, f"header-{kind}.csv", [f"header-{kind}.csv", "no rows"], content=",".join(columns) + "\n")
    case(f"{kind} row with an extra value mid-file (csv)", kind, f"extra-{kind}.csv", [f"extra-{kind}.csv line 3"],
         content=csv_text(columns, [good]) + ",".join(str(good[c]) for c in columns) + ",surplus\n" + ",".join(str(good[c]) for c in columns) + "\n")
    case(f"{kind} unclosed quote mid-file (csv)", kind, f"quote-{kind}.csv", [f"quote-{kind}.csv line 3", "quoted"],
         content=csv_text(columns, [good]) + '"' + ",".join(str(good[c]) for c in columns) + "\n")
    case(f"{kind} broken JSON line mid-file (jsonl)", kind, f"broken-{kind}.jsonl", [f"broken-{kind}.jsonl line 2", "JSON"],
         content=jsonl_text([good]) + json.dumps(good)[:-7] + "\n" + jsonl_text([good]))
    case(f"{kind} array line mid-file (jsonl)", kind, f"array-{kind}.jsonl", [f"array-{kind}.jsonl line 2", "object"],
         content=jsonl_text([good]) + "[1, 2]\n")
    case(f"{kind} number line (jsonl)", kind, f"number-{kind}.jsonl", [f"number-{kind}.jsonl line 1", "object"], content="42\n")
    case(f"{kind} deep nesting (jsonl)", kind, f"deep-{kind}.jsonl", [f"deep-{kind}.jsonl line 2"],
         content=jsonl_text([good]) + "[" * 3000 + "]" * 3000 + "\n")
    valid = csv_text(columns, [good, good])
    case(f"{kind} truncated parquet (half)", kind, f"trunc-{kind}.parquet", [f"trunc-{kind}.parquet", "Parquet"], parquet={"from": valid, "truncate": "half"})
    case(f"{kind} truncated parquet (footer cut)", kind, f"footer-{kind}.parquet", [f"footer-{kind}.parquet", "Parquet"], parquet={"from": valid, "truncate": 4})
    case(f"{kind} text named parquet", kind, f"text-{kind}.parquet", [f"text-{kind}.parquet", "Parquet"], content=csv_text(columns, [good]))
    case(f"{kind} UTF-16 CSV", kind, f"utf16-{kind}.csv", [f"utf16-{kind}.csv"], content_bytes=b"\xff\xfe" + csv_text(columns, [good]).encode("utf-16-le"))
    case(f"{kind} Latin-1 CSV", kind, f"latin1-{kind}.csv", [f"latin1-{kind}.csv", "UTF-8"],
         content_bytes=csv_text(columns, [dict(good, **{columns[0]: "caf\u00e9"})]).encode("latin-1"))
    case(f"{kind} invalid UTF-8 in JSON Lines", kind, f"bytes-{kind}.jsonl", [f"bytes-{kind}.jsonl"],
         content_bytes=jsonl_text([good]).encode() + json.dumps(dict(good, **{columns[0]: "X"})).encode().replace(b'"X"', b'"\xc3\x28"') + b"\n")

with open("bad-files.jsonl", "w", encoding="utf-8", newline="\n") as out:
    for entry in cases:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
print(f"{len(cases)} cases")
