import { DuckDBInstance, DATE } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
const con = await inst.connect();
const d = s => { const [y,m,dd]=s.split('-').map(Number); return { days: Math.round(Date.UTC(y,m-1,dd)/86400000) }; };
const sqlP = `SELECT count(DISTINCT e.user_id) FROM rollup_user_months e WHERE e.month >= $1 AND e.month < $2 AND ((e.month = $3 AND (e.days & $4) <> 0) OR (e.month = $5 AND (e.days & $6) <> 0))`;
const sqlC = `SELECT count(DISTINCT e.user_id) FROM rollup_user_months e WHERE e.month >= DATE '2026-10-01' AND e.month < DATE '2026-12-01' AND ((e.month = DATE '2026-10-01' AND (e.days & ${((1<<31)-1)-((1<<25)-1)}) <> 0) OR (e.month = DATE '2026-11-01' AND (e.days & ${(1<<24)-1}) <> 0))`;
for (let i=0;i<3;i++){
  let s=performance.now(); const p = await con.prepare(sqlP);
  p.bindDate(1, new (await import('@duckdb/node-api')).DuckDBDateValue(d('2026-10-01').days));
  p.bindDate(2, new (await import('@duckdb/node-api')).DuckDBDateValue(d('2026-12-01').days));
  p.bindDate(3, new (await import('@duckdb/node-api')).DuckDBDateValue(d('2026-10-01').days));
  p.bindBigInt(4, BigInt(((1<<31)-1)-((1<<25)-1)));
  p.bindDate(5, new (await import('@duckdb/node-api')).DuckDBDateValue(d('2026-11-01').days));
  p.bindBigInt(6, BigInt((1<<24)-1));
  const r = await p.runAndReadAll(); console.log('prepared', (performance.now()-s).toFixed(0), r.getRows()[0]);
  s=performance.now(); const r2 = await con.runAndReadAll(sqlC); console.log('const', (performance.now()-s).toFixed(0), r2.getRows()[0]);
}
