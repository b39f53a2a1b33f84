#!/usr/bin/env node
// DuckDB peer for the trade benchmark: loads a Comtrade CSV (bench/gen_comtrade.py) into a
// persistent DuckDB table and answers bench/trade_questions.json with prepared statements,
// so a driver can compare DuckDB's latency and exact answers with summit's
// GetTradeStatistics / GetBilateralOverview. Values are integer cents end to end
// (DECIMAL(18,2) -> BIGINT cents, sums as HUGEINT), printed as JSON strings.
//
//   node bench/peers/duckdb_trade.mjs --csv FILE --questions bench/trade_questions.json \
//        --db DIR_OR_FILE [--runs 200] [--max_seconds 10]
//
// --db: a directory (the file comtrade.duckdb is made in it) or a file path; an existing file
// there (and its .wal) is deleted first, so every run measures a fresh load.
// stdout: JSON Lines, one for the load and one per question (bench/peers/README.md);
// progress goes to stderr. Cold runs: before each question's first run the database is
// closed and reopened and, when /proc/sys/vm/drop_caches accepts it, the OS page cache is
// dropped (otherwise the line says "os_cache":"warm"). first_ms includes preparing the
// statements. Warm runs stop after --runs or --max_seconds, whichever comes first.

import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    csv: { type: 'string' },
    questions: { type: 'string' },
    db: { type: 'string' },
    runs: { type: 'string', default: '200' },
    max_seconds: { type: 'string', default: '10' },
  },
});
if (!opt.csv || !opt.questions || !opt.db) {
  console.error('usage: duckdb_trade.mjs --csv FILE --questions FILE --db DIR_OR_FILE ' +
                '[--runs R] [--max_seconds S]');
  process.exit(2);
}
const RUNS = Number(opt.runs);
const MAX_SECONDS = Number(opt.max_seconds);
const spec = JSON.parse(fs.readFileSync(opt.questions, 'utf8'));
const dbFile = fs.existsSync(opt.db) && fs.statSync(opt.db).isDirectory()
  ? path.join(opt.db, 'comtrade.duckdb') : opt.db;
const log = (...a) => console.error('duckdb_trade:', ...a);
const out = (obj) => process.stdout.write(JSON.stringify({ tool: 'duckdb', ...obj }) + '\n');
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const sqlString = (s) => `'${String(s).replaceAll("'", "''")}'`;

// Drops the OS page cache; false when this process may not (then caches stay warm).
function dropOsCache() {
  try {
    execFileSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

// Every CSV column with an explicit type (cmdCode stays text: "01" is not 1).
const CSV_COLUMNS = {
  typeCode: 'VARCHAR', freqCode: 'VARCHAR', refPeriodId: 'INTEGER', refYear: 'INTEGER',
  refMonth: 'INTEGER', period: 'INTEGER', reporterCode: 'INTEGER', reporterISO: 'VARCHAR',
  reporterDesc: 'VARCHAR', flowCode: 'VARCHAR', flowDesc: 'VARCHAR', partnerCode: 'INTEGER',
  partnerISO: 'VARCHAR', partnerDesc: 'VARCHAR', classificationCode: 'VARCHAR',
  cmdCode: 'VARCHAR', cmdDesc: 'VARCHAR', aggrLevel: 'INTEGER', isLeaf: 'BOOLEAN',
  qtyUnitCode: 'INTEGER', qtyUnitAbbr: 'VARCHAR', qty: 'BIGINT', netWgt: 'BIGINT',
  primaryValue: 'DECIMAL(18,2)', isAggregate: 'BOOLEAN',
};

async function load() {
  for (const f of [dbFile, dbFile + '.wal']) fs.rmSync(f, { force: true });
  const t0 = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(dbFile);
  const con = await instance.connect();
  const columns = '{' + Object.entries(CSV_COLUMNS)
    .map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`).join(', ') + '}';
  await con.run(`
    CREATE TABLE trade AS
    SELECT reporterISO AS reporter, partnerISO AS partner, flowCode AS flow,
           cmdCode AS cmd_code, refYear AS year, refMonth AS month,
           CAST(primaryValue * 100 AS BIGINT) AS cents, netWgt AS net_wgt
    FROM read_csv(${sqlString(opt.csv)}, header = true, delim = ',', quote = '"',
                  columns = ${columns})
    WHERE freqCode = 'A'`);
  await con.run('CHECKPOINT');
  const rows = Number((await con.runAndReadAll('SELECT count(*) FROM trade')).getRows()[0][0]);
  con.closeSync();
  instance.closeSync();
  const seconds = ms(t0) / 1000;
  let dbBytes = fs.statSync(dbFile).size;
  if (fs.existsSync(dbFile + '.wal')) dbBytes += fs.statSync(dbFile + '.wal').size;
  out({ question: 'load', rows, seconds: +seconds.toFixed(3), db_bytes: dbBytes });
  log(`loaded ${rows} rows in ${seconds.toFixed(1)} s, ${dbBytes} bytes`);
}

// The SQL of one question: a list of {kind, sql}; $1..$4 are reporter, partner, start and
// end year. Series rows are (sector, flow, year, cents), top rows (flow, code, cents).
// The flows are named, as summit's requests name them (and as PostgreSQL's index needs).
const WHERE = "reporter = $1 AND partner = $2 AND flow IN ('M', 'X') AND year BETWEEN $3 AND $4";
const inList = (codes) => `(${codes.map(sqlString).join(', ')})`;

function seriesSql(codes) {
  return `SELECT '' AS sector, flow, year, sum(cents) AS cents FROM trade
          WHERE ${WHERE} AND cmd_code IN ${inList(codes)}
          GROUP BY flow, year ORDER BY flow, year`;
}

function sectorsSql(sectors) {
  const pairs = Object.entries(sectors)
    .flatMap(([name, codes]) => codes.map((c) => `(${sqlString(name)}, ${sqlString(c)})`));
  return `SELECT s.sector, t.flow, t.year, sum(t.cents) AS cents
          FROM trade t JOIN (VALUES ${pairs.join(', ')}) AS s(sector, code)
            ON t.cmd_code = s.code
          WHERE ${WHERE.replace(/(reporter|partner|flow|year) /g, 't.$1 ')}
          GROUP BY s.sector, t.flow, t.year ORDER BY s.sector, t.flow, t.year`;
}

function topSql(filter, limit) {
  return `SELECT flow, cmd_code, cents FROM (
            SELECT flow, cmd_code, sum(cents) AS cents,
                   row_number() OVER (PARTITION BY flow
                                      ORDER BY sum(cents) DESC, cmd_code) AS rank
            FROM trade WHERE ${WHERE} AND ${filter}
            GROUP BY flow, cmd_code) ranked
          WHERE rank <= ${Number(limit)} ORDER BY flow, rank`;
}

function statements(q) {
  const list = [];
  if (q.sectors) list.push({ kind: 'sectors', sql: sectorsSql(q.sectors) });
  else if (q.codes) list.push({ kind: 'series', sql: seriesSql(q.codes) });
  if (q.top) {
    const filter = q.codes ? `cmd_code IN ${inList(q.codes)}` : `length(cmd_code) = ${q.digits}`;
    list.push({ kind: 'top', sql: topSql(filter, spec.top_limit) });
  }
  return list;
}

async function prepareAll(con, q) {
  const prepared = [];
  for (const s of statements(q)) {
    const p = await con.prepare(s.sql);
    p.bindVarchar(1, spec.reporter);
    p.bindVarchar(2, spec.partner);
    p.bindInteger(3, spec.start_year);
    p.bindInteger(4, spec.end_year);
    prepared.push({ kind: s.kind, p });
  }
  return prepared;
}

const runAll = async (prepared) => {
  const results = [];
  for (const { kind, p } of prepared) results.push({ kind, rows: (await p.runAndReadAll()).getRows() });
  return results;
};

function answerOf(q, results) {
  const answer = {};
  const point = (r) => ({ flow: r[1], year: Number(r[2]), cents: String(r[3]) });
  for (const { kind, rows } of results) {
    if (kind === 'series') answer.series = rows.map(point);
    if (kind === 'top') answer.top = rows.map((r) => ({ flow: r[0], code: r[1], cents: String(r[2]) }));
    if (kind === 'sectors') {
      answer.sectors = {};
      for (const name of Object.keys(q.sectors)) answer.sectors[name] = [];
      for (const r of rows) answer.sectors[r[0]].push(point(r));
    }
  }
  return answer;
}

// Nearest-rank percentile of sorted values.
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];

async function measure(q) {
  const dropped = dropOsCache();
  const instance = await DuckDBInstance.create(dbFile);
  const con = await instance.connect();
  let t0 = process.hrtime.bigint();
  const prepared = await prepareAll(con, q);
  const results = await runAll(prepared);
  const firstMs = ms(t0);
  const times = [];
  const start = process.hrtime.bigint();
  while (times.length < RUNS && ms(start) < MAX_SECONDS * 1000) {
    t0 = process.hrtime.bigint();
    await runAll(prepared);
    times.push(ms(t0));
  }
  con.closeSync();
  instance.closeSync();
  times.sort((a, b) => a - b);
  const round = (x) => (x === undefined ? null : +x.toFixed(3));
  out({
    question: q.id, first_ms: round(firstMs), p50_ms: round(percentile(times, 0.5)),
    p99_ms: round(percentile(times, 0.99)), runs: times.length,
    ...(dropped ? {} : { os_cache: 'warm' }), answer: answerOf(q, results),
  });
  log(`${q.id}: first ${firstMs.toFixed(2)} ms, p50 ${round(percentile(times, 0.5))} ms ` +
      `over ${times.length} runs`);
}

await load();
for (const q of spec.questions) await measure(q);
