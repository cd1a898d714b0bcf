// The baseline journey analyze is measured against: DuckDB reads an event file with
// read_csv_auto (read_json_auto for .jsonl and .ndjson, read_parquet for .parquet) and
// counts the users at each step of a map's ordered funnel (each step after the one before,
// all within the window from step 1), as SQL. It prints the counts.
//
// SPEC is a JSON file naming the identity and time columns, the window and each step's
// condition in SQL; florist.json, the default, is the activation funnel of
// examples/florist, for files from journey simulate, and the counts match journey analyze
// on them. Of the formulations tried (the CSV as a common table expression, ASOF joins,
// one list_reduce per user), this one, which keeps only the step rows, was the fastest.
//
//   npm ci && /usr/bin/time -v node funnel.mjs ../../big.csv [SPEC.json]
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, specFile = new URL('florist.json', import.meta.url)] = process.argv.slice(2);
if (!file) {
  console.error('usage: node funnel.mjs EVENTS.csv [SPEC.json]');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const literal = (s) => `'${String(s).replaceAll("'", "''")}'`;
const reader = /\.parquet$/.test(file) ? 'read_parquet' : /\.(jsonl|ndjson)$/.test(file) ? 'read_json_auto' : 'read_csv_auto';
const id = `"${spec.id.replaceAll('"', '""')}"`;
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const cases = spec.steps.map((cond, i) => `WHEN ${cond} THEN ${i + 1}`).join('\n    ');
await c.run(`CREATE TABLE e AS SELECT * FROM (
  SELECT ${id} AS who, ${spec.time} AS t, CASE
    ${cases} END AS step
  FROM ${reader}(${literal(file)})) WHERE step IS NOT NULL`);
// s1 holds each user's first step-1 time; step k keeps the first step-k event at or after
// the step before it, within the window from step 1.
const ctes = ['s1 AS (SELECT who, min(t) AS t1, min(t) AS tk FROM e WHERE step = 1 GROUP BY 1)'];
for (let k = 2; k <= spec.steps.length; k++) {
  ctes.push(`s${k} AS (SELECT e.who, any_value(p.t1) AS t1, min(e.t) AS tk FROM e JOIN s${k - 1} p USING (who)
       WHERE e.step = ${k} AND e.t >= p.tk AND e.t <= p.t1 + INTERVAL ${spec.window} GROUP BY 1)`);
}
const counts = spec.steps.map((_, i) => `(SELECT count(*) FROM s${i + 1})`).join(', ');
const r = await c.runAndReadAll(`WITH ${ctes.join(',\n')}\nSELECT ${counts}`);
console.log(r.getRows()[0].map(Number).join(' '));
