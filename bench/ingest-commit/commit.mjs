// node commit.mjs COPY_OF_WORKSPACE.duckdb [EVENTS_PER_COMMIT] [merge|window]: runs the statements one HTTP ingest
// commit runs (src/UsageLens.Storage.DuckDb/Ingestion), ten times, with new events timed on the workspace's last day,
// and prints the mean time of each. It writes to the file: give it a copy. The appender is stood in for by one INSERT.
// `merge` (the default) is the current merge: repeats and stored ids deleted from the staging table, rollups summed
// from one grouping into user days. `window` is the merge before 2026-12-07: a window over the new rows copied into a
// second table, and each rollup grouped from the events.
import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(process.argv[2]);
const con = await inst.connect();
const n = Number(process.argv[3] || 4000);
const variant = process.argv[4] || 'merge';
async function t(label, sql) { const s = performance.now(); await con.run(sql); const ms = performance.now() - s; totals[label] = (totals[label] || 0) + ms; }
const totals = {};
for (let round = 0; round < 10; round++) {
  const tag = `r${round}x${Date.now()}`;
  await t('create staging', `CREATE OR REPLACE TEMP TABLE staged_events (seq BIGINT NOT NULL, source VARCHAR NOT NULL, id VARCHAR NOT NULL, timestamp TIMESTAMP NOT NULL, account_id VARCHAR NOT NULL, user_id VARCHAR, event VARCHAR NOT NULL, quantity DOUBLE NOT NULL, unit VARCHAR NOT NULL, product VARCHAR, classification VARCHAR, properties JSON, original_event VARCHAR)`);
  await t('fill staging (stands for the appender)', `INSERT INTO staged_events SELECT i, '', '${tag}-' || i, TIMESTAMP '2026-11-30 10:00:00' + to_seconds(i % 3600), 'a' || (i % 500), 'a' || (i % 500) || '-u' || (i % 25), 'api_call', 1 + i % 100, 'count', NULL, NULL, NULL, NULL FROM range(${n}) r(i)`);
  await t('begin', 'BEGIN');
  await t('unit conflict', `WITH first_units AS (SELECT event, arg_min(unit, seq) AS unit FROM staged_events GROUP BY event), expected AS (SELECT f.event, coalesce(m.unit, f.unit) AS unit FROM first_units f LEFT JOIN meters m ON m.event = f.event) SELECT s.event, s.unit, x.unit, s.seq FROM staged_events s JOIN expected x ON x.event = s.event WHERE s.unit <> x.unit ORDER BY s.seq LIMIT 1`);
  await t('meters', `INSERT INTO meters (event, unit) SELECT event, arg_min(unit, seq) FROM staged_events WHERE event NOT IN (SELECT event FROM meters) GROUP BY event`);
  await t('property keys', `INSERT INTO event_property_keys (key) SELECT DISTINCT key FROM (SELECT unnest(json_keys(properties)) AS key FROM staged_events WHERE properties IS NOT NULL) WHERE key NOT IN (SELECT key FROM event_property_keys)`);
  await t('bounds', `SELECT min(timestamp), max(timestamp) FROM staged_events`);
  if (variant === 'window') {
    await t('new events (dedupe)', `CREATE OR REPLACE TEMP TABLE event_merge_new AS SELECT source, id, timestamp, account_id, user_id, event, quantity, unit, product, classification, properties, original_event FROM (SELECT s.*, row_number() OVER (PARTITION BY s.source, s.id ORDER BY s.seq) AS arrival FROM staged_events s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.timestamp >= TIMESTAMP '2026-11-29 10:00:00' AND e.timestamp <= TIMESTAMP '2026-12-01 11:00:00' AND e.source = s.source AND e.id = s.id)) WHERE arrival = 1`);
    await t('insert events', `INSERT INTO events (source, id, timestamp, account_id, user_id, event, quantity, unit, product, classification, properties, original_event) SELECT * FROM event_merge_new ORDER BY timestamp`);
    await t('rollup account days', `INSERT INTO rollup_account_days (day, account_id, event, unit, product, classification, events, quantity, first_at) SELECT date_trunc('day', timestamp) AS day, account_id, event, unit, product, classification, count(*), sum(quantity), min(timestamp) FROM event_merge_new GROUP BY day, account_id, event, unit, product, classification ORDER BY day, event, account_id`);
    await t('rollup user days', `INSERT INTO rollup_user_days (day, account_id, user_id, event, unit, product, classification, events, quantity, first_at) SELECT date_trunc('day', timestamp) AS day, account_id, user_id, event, unit, product, classification, count(*), sum(quantity), min(timestamp) FROM event_merge_new GROUP BY day, account_id, user_id, event, unit, product, classification ORDER BY day, event, account_id, user_id`);
    await t('rollup user months', `INSERT INTO rollup_user_months (month, account_id, user_id, event, unit, product, classification, days, first_at) SELECT date_trunc('month', timestamp) AS month, account_id, user_id, event, unit, product, classification, bit_or(CAST(1 AS UINTEGER) << (day(timestamp) - 1)), min(timestamp) FROM event_merge_new WHERE user_id IS NOT NULL GROUP BY month, account_id, user_id, event, unit, product, classification ORDER BY month, event, account_id, user_id`);
    await t('dirty days', `INSERT INTO rollup_dirty_days (day) SELECT DISTINCT date_trunc('day', timestamp) FROM event_merge_new EXCEPT SELECT day FROM rollup_dirty_days`);
    await t('drop new', 'DROP TABLE IF EXISTS event_merge_new');
  } else {
    await t('dedupe (delete known)', `DELETE FROM staged_events WHERE seq IN (SELECT s.seq FROM staged_events s JOIN (SELECT source, id, min(seq) AS first FROM staged_events GROUP BY source, id HAVING count(*) > 1) r ON r.source = s.source AND r.id = s.id WHERE s.seq <> r.first UNION ALL SELECT s.seq FROM staged_events s WHERE EXISTS (SELECT 1 FROM events e WHERE e.timestamp >= TIMESTAMP '2026-11-29 10:00:00' AND e.timestamp <= TIMESTAMP '2026-12-01 11:00:00' AND e.source = s.source AND e.id = s.id))`);
    await t('insert events', `INSERT INTO events (source, id, timestamp, account_id, user_id, event, quantity, unit, product, classification, properties, original_event) SELECT source, id, timestamp, account_id, user_id, event, quantity, unit, product, classification, properties, original_event FROM staged_events ORDER BY timestamp`);
    await t('dirty days', `INSERT INTO rollup_dirty_days (day) SELECT DISTINCT date_trunc('day', timestamp) FROM staged_events EXCEPT SELECT day FROM rollup_dirty_days`);
    await t('rollup user days (grouped once)', `CREATE OR REPLACE TEMP TABLE rollup_append_user_days AS SELECT date_trunc('day', timestamp) AS day, account_id, user_id, event, unit, product, classification, count(*) AS events, sum(quantity) AS quantity, min(timestamp) AS first_at FROM staged_events GROUP BY day, account_id, user_id, event, unit, product, classification ORDER BY day, event, account_id, user_id; INSERT INTO rollup_user_days (day, account_id, user_id, event, unit, product, classification, events, quantity, first_at) SELECT * FROM rollup_append_user_days`);
    await t('rollup account days', `INSERT INTO rollup_account_days (day, account_id, event, unit, product, classification, events, quantity, first_at) SELECT day, account_id, event, unit, product, classification, CAST(sum(events) AS BIGINT), sum(quantity), min(first_at) FROM rollup_append_user_days GROUP BY day, account_id, event, unit, product, classification ORDER BY day, event, account_id`);
    await t('rollup user months', `INSERT INTO rollup_user_months (month, account_id, user_id, event, unit, product, classification, days, first_at) SELECT date_trunc('month', day) AS month, account_id, user_id, event, unit, product, classification, bit_or(CAST(1 AS UINTEGER) << (day(day) - 1)), min(first_at) FROM rollup_append_user_days WHERE user_id IS NOT NULL GROUP BY month, account_id, user_id, event, unit, product, classification ORDER BY month, event, account_id, user_id`);
    await t('drop user days', 'DROP TABLE IF EXISTS rollup_append_user_days');
  }
  await t('commit', 'COMMIT');
  await t('drop staging', 'DROP TABLE IF EXISTS staged_events');
}
const all = Object.values(totals).reduce((a, b) => a + b, 0);
for (const [k, v] of Object.entries(totals)) console.log(`${(v / 10).toFixed(1).padStart(7)} ms  ${k}`);
console.log(`${(all / 10).toFixed(1).padStart(7)} ms  per commit of ${n} events -> ${(n / (all / 10) * 1000).toFixed(0)} events/s`);
