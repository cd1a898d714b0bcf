// The baseline journey analyze is measured against: DuckDB reads an event file written by
// `journey simulate examples/florist/florist.journey.yaml` with read_csv_auto and counts the
// users at each step of the map's activation funnel (ordered, 30-day window from step 1),
// as SQL. It prints the five counts, which match the funnel in `journey analyze` on the same
// file. Of the formulations tried (the CSV as a common table expression, ASOF joins, one
// list_reduce per user), this one, which keeps only the step rows, was the fastest.
//
//   npm ci && /usr/bin/time -v node funnel.mjs ../../big.csv
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node funnel.mjs EVENTS.csv');
  process.exit(2);
}
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const literal = `'${file.replaceAll("'", "''")}'`;
await c.run(`CREATE TABLE e AS SELECT * FROM (
  SELECT klant_id, "timestamp" AS t, CASE
    WHEN event = 'page_view' AND page IN ('/', '/assortiment') THEN 1
    WHEN event = 'account_requested' THEN 2
    WHEN event = 'account_approved' THEN 3
    WHEN event = 'login' THEN 4
    WHEN event = 'order_placed' AND "repeat" = false THEN 5 END AS step
  FROM read_csv_auto(${literal})) WHERE step IS NOT NULL`);
const r = await c.runAndReadAll(`
WITH s1 AS (SELECT klant_id, min(t) AS t1 FROM e WHERE step = 1 GROUP BY 1),
s2 AS (SELECT e.klant_id, any_value(s1.t1) AS t1, min(e.t) AS t2 FROM e JOIN s1 USING (klant_id)
       WHERE e.step = 2 AND e.t >= s1.t1 AND e.t <= s1.t1 + INTERVAL 30 DAY GROUP BY 1),
s3 AS (SELECT e.klant_id, any_value(s2.t1) AS t1, min(e.t) AS t3 FROM e JOIN s2 USING (klant_id)
       WHERE e.step = 3 AND e.t >= s2.t2 AND e.t <= s2.t1 + INTERVAL 30 DAY GROUP BY 1),
s4 AS (SELECT e.klant_id, any_value(s3.t1) AS t1, min(e.t) AS t4 FROM e JOIN s3 USING (klant_id)
       WHERE e.step = 4 AND e.t >= s3.t3 AND e.t <= s3.t1 + INTERVAL 30 DAY GROUP BY 1),
s5 AS (SELECT e.klant_id FROM e JOIN s4 USING (klant_id)
       WHERE e.step = 5 AND e.t >= s4.t4 AND e.t <= s4.t1 + INTERVAL 30 DAY GROUP BY 1)
SELECT (SELECT count(*) FROM s1), (SELECT count(*) FROM s2), (SELECT count(*) FROM s3),
       (SELECT count(*) FROM s4), (SELECT count(*) FROM s5)`);
console.log(r.getRows()[0].map(Number).join(' '));
