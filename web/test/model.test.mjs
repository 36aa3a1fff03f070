// model.test.mjs: the model compiled to WebAssembly gives the numbers of the
// native program. Runs `transim run --exact --vars all` natively (build/) and
// in Node (build-web/node/transim.js, the same C code without SDL) on the
// baseline, two bundled scenarios and a link, and requires every value of
// every variable in every year to agree to 1e-12 relative.
// Run from the top of the source tree: node --test web/test/ (make web-test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NATIVE = process.env.TRANSIM_NATIVE || 'build/transim';
const WASM = process.env.TRANSIM_WASM || 'build-web/node/transim.js';
const TOL = 1e-12;

function runNative(args) {
  return execFileSync(NATIVE, ['run', '--exact', '--no-header', '--vars', 'all', ...args],
                      { encoding: 'utf8', maxBuffer: 1 << 26 });
}
function runWasm(args) {
  return execFileSync(process.execPath,
                      ['--no-experimental-fetch', WASM, 'run', '--exact', '--no-header', '--vars', 'all', ...args],
                      { encoding: 'utf8', maxBuffer: 1 << 26 });
}

function parse(csv) {
  const lines = csv.trim().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',').map(Number)) };
}

function compare(args) {
  const a = parse(runNative(args)), b = parse(runWasm(args));
  assert.deepEqual(b.header, a.header);
  assert.equal(b.rows.length, a.rows.length);
  let worst = 0, where = '';
  a.rows.forEach((row, i) => row.forEach((x, j) => {
    const y = b.rows[i][j];
    const rel = x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
    if (!(rel <= worst)) { worst = rel; where = `${a.header[j]} in ${row[0]}`; }
  }));
  assert.ok(worst <= TOL, `${args.join(' ')}: ${where} differs by ${worst} relative`);
  return { values: a.rows.length * a.header.length, worst };
}

for (const args of [[], ['scenarios/p1_jobs_of_the_future.ini'],
                    ['scenarios/p4_climate_neutral_economy.ini'],
                    ['--link', '#adult_training_places=6000&adult_training_places.start=2023' +
                               '&adult_training_places.ramp=3&export_growth=0.01']]) {
  test(`wasm and native agree: ${args.join(' ') || 'baseline'}`,
       { skip: !existsSync(NATIVE) || !existsSync(WASM) ? 'build and make web first' : false },
       () => {
    const r = compare(args);
    assert.ok(r.values > 1000);
  });
}

test('a bad link fails in the browser build as natively', () => {
  for (const run of [runNative, runWasm])
    assert.throws(() => run(['--link', '#adult_trainig_places=1']),
                  (e) => /did you mean 'adult_training_places'/.test(String(e.stderr)));
});
