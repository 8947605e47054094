import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
const con = await inst.connect();
for (const sql of process.argv.slice(3)) {
  for (let i = 0; i < 3; i++) {
    const s = performance.now(); const r = await con.runAndReadAll(sql); const ms = performance.now() - s;
    console.log(`${ms.toFixed(0)} ms, ${r.getRows().length} rows: ${sql.slice(0, 90)}`);
  }
}
