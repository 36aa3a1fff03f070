// browser.test.mjs: the web version in headless Chromium (Debian's
// chromium). Serves build-web/ from 127.0.0.1, opens the page with a link
// that moves a lever and names the scenario, and checks that the page shows
// that scenario: the window's title, the scenario the page reports (#state,
// written by web/app.js from the program), and a screenshot that differs
// from the baseline's. Screenshots stay in build-web/test/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';

const ROOT = 'build-web';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
                '.data': 'application/octet-stream' };
const skip = !existsSync(join(ROOT, 'index.html')) ? 'make web first'
           : !existsSync(CHROMIUM) ? 'no chromium (apt-get install chromium)' : false;

let server, base;
before(async () => {
  if (skip) return;
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(req.url.split('?')[0].split('#')[0]));
    const file = join(ROOT, path === '/' ? 'index.html' : path);
    if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(() => server && server.close());

// Runs Chromium headless on url with extra flags; resolves with stdout.
function chromium(url, flags) {
  const profile = mkdtempSync(join(tmpdir(), 'transim-chromium-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                `--user-data-dir=${profile}`, '--window-size=1280,860',
                '--virtual-time-budget=20000', ...flags, url];
  return new Promise((ok, fail) => {
    execFile(CHROMIUM, args, { timeout: 120000, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (err) fail(new Error(`chromium: ${err.message}\n${stderr}`)); else ok(stdout);
    });
  });
}

const LINK = '#name=Web%20link%20test&adult_training_places=12000&graduate_retention=0.9' +
             '&in_firm_training=4';

test('a link opens its scenario in the page', { skip, timeout: 180000 }, async () => {
  const dom = await chromium(base + LINK, ['--dump-dom']);
  const state = (dom.match(/<pre id="state">([^<]*)<\/pre>/) || [])[1] || '';
  assert.match(state, /adult_training_places=12000/, `page state: '${state}'`);
  assert.match(state, /graduate_retention=0\.9/);
  assert.match(state, /name=Web%20link%20test/);
  assert.match(dom, /<title>[^<]*Web link test/);
});

test('the screenshot of a link differs from the baseline', { skip, timeout: 240000 }, async () => {
  mkdirSync(join(ROOT, 'test'), { recursive: true });
  const shotLink = join(ROOT, 'test', 'link.png'), shotBase = join(ROOT, 'test', 'baseline.png');
  await chromium(base + LINK, [`--screenshot=${shotLink}`]);
  await chromium(base, [`--screenshot=${shotBase}`]);
  const a = readFileSync(shotLink), b = readFileSync(shotBase);
  // A page that drew nothing is a few kilobytes of white.
  assert.ok(a.length > 30000 && b.length > 30000, `screenshots of ${a.length} and ${b.length} bytes`);
  assert.notDeepEqual(a, b);
});
