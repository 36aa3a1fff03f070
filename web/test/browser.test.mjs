// browser.test.mjs: the web version in headless Chromium (Debian's
// chromium, driven by playwright-core). Serves build-web/ from 127.0.0.1,
// opens the page with a link that moves levers and names the scenario, and
// checks that the page shows that scenario: the window's title, the scenario
// the program reports to the page (#state, written by web/app.js), and a
// screenshot that differs from the baseline's. Also times the first frame
// and a lever moved by a scripted drag; follows resizes and high-DPI screens;
// exports as downloads; opens offline once loaded. Screenshots stay in
// build-web/test/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const ROOT = 'build-web';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
                '.data': 'application/octet-stream', '.png': 'image/png' };
let chromium = null;
try { chromium = createRequire(import.meta.url)('playwright-core').chromium; } catch { /* below */ }
const skip = !existsSync(join(ROOT, 'index.html')) ? 'make web first'
           : !existsSync(CHROMIUM) ? 'no chromium (apt-get install chromium)'
           : !chromium ? 'no playwright-core (npm install --prefix web)' : false;

let server, base, browser, offline = false;
before(async () => {
  if (skip) return;
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(req.url.split('?')[0].split('#')[0]));
    if (offline) { req.socket.destroy(); return; } // as a server that is gone
    const file = join(ROOT, path === '/' ? 'index.html' : path);
    if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

// Opens url in a new page and waits until the program reports a scenario.
async function open(url, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, ...options });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('state').textContent.startsWith('#'),
                             null, { timeout: 60000 });
  return { page, ms: Date.now() - t0, external };
}

const LINK = '#name=Web%20link%20test&adult_training_places=12000&graduate_retention=0.65' +
             '&in_firm_training=3';

test('a link opens its scenario in the page', { skip, timeout: 180000 }, async () => {
  const { page, ms, external } = await open(base + LINK);
  const state = await page.textContent('#state');
  assert.match(state, /adult_training_places=12000/, `page state: '${state}'`);
  assert.match(state, /graduate_retention=0\.65/);
  assert.match(state, /name=Web%20link%20test/);
  assert.match(await page.title(), /Web link test/);
  assert.deepEqual(external, [], 'the page asks nothing of other servers');
  console.log(`first frame and scenario: ${ms} ms after the page was asked for`);
  mkdirSync(join(ROOT, 'test'), { recursive: true });
  const shotLink = await page.screenshot({ path: join(ROOT, 'test', 'link.png') });
  await page.close();
  const b = await open(base);
  assert.equal(await b.page.textContent('#state'), '#');
  const shotBase = await b.page.screenshot({ path: join(ROOT, 'test', 'baseline.png') });
  await b.page.close();
  // A page that drew nothing is a few kilobytes of white.
  assert.ok(shotLink.length > 30000, `screenshot of ${shotLink.length} bytes`);
  assert.notDeepEqual(shotLink, shotBase);
});

test('a changed address opens the new link; a bad one changes nothing', { skip, timeout: 180000 },
     async () => {
  const { page } = await open(base + '#adult_training_places=3000');
  await page.evaluate(() => { location.hash = '#adult_training_places=9000'; });
  await page.waitForFunction(() => /=9000/.test(document.getElementById('state').textContent),
                             null, { timeout: 30000 });
  await page.evaluate(() => { location.hash = '#adult_trainig_places=1'; });
  await page.waitForTimeout(1500);
  assert.match(await page.textContent('#state'), /adult_training_places=9000/);
  await page.close();
});

test('Share (Ctrl+Shift+C) puts the link of the scenario in the address', { skip, timeout: 180000 },
     async () => {
  // Written unlike the program writes it, so that the address shows a change.
  const { page } = await open(base + '#adult_training_places=6e3&start=2020');
  await page.click('canvas', { position: { x: 900, y: 400 } });
  await page.keyboard.press('Control+Shift+C');
  await page.waitForFunction(() => location.hash === '#adult_training_places=6000', null,
                             { timeout: 30000 });
  await page.close();
});

test('a file picked from the disk opens; unsaved work is kept in local storage',
     { skip, timeout: 180000 }, async () => {
  const { page } = await open(base);
  await page.setInputFiles('#file', 'scenarios/p1_jobs_of_the_future.ini');
  await page.waitForFunction(
    () => /adult_training_places=6000/.test(document.getElementById('state').textContent),
    null, { timeout: 30000 });
  assert.match(await page.title(), /P1 Jobs of the future/);
  // A link is unsaved work: its recovery copy reaches the browser's storage.
  await page.evaluate(() => { location.hash = '#adult_training_places=7000'; });
  await page.waitForFunction(() => Object.keys(localStorage).some(
    (k) => k.startsWith('transim-recovery:') && /7000/.test(localStorage.getItem(k))),
    null, { timeout: 30000 });
  await page.close();
});

// The canvas's size in device pixels, once it is what want says.
async function canvasSize(page, want) {
  await page.waitForFunction((w) => {
    const c = document.getElementById('canvas');
    return c.width === w[0] && c.height === w[1];
  }, want, { timeout: 30000 }).catch(() => {});
  return page.evaluate(() => [document.getElementById('canvas').width,
                              document.getElementById('canvas').height]);
}

test('the window follows the browser window and fills the page on a high-DPI screen', { skip, timeout: 180000 },
     async () => {
  const { page } = await open(base);
  assert.deepEqual(await canvasSize(page, [1280, 829]), [1280, 829]);
  await page.setViewportSize({ width: 1024, height: 700 });
  assert.deepEqual(await canvasSize(page, [1024, 669]), [1024, 669]);
  await page.screenshot({ path: join(ROOT, 'test', 'resized.png') });
  await page.close();
  // A high-DPI screen: the same layout in CSS pixels, which the browser
  // scales, so the picture fills the page as at 1x (it drew in a quarter).
  const lo = await open(base);
  const shot1 = await lo.page.screenshot({ path: join(ROOT, 'test', 'dpr-1.png') });
  await lo.page.close();
  const hi = await open(base, { deviceScaleFactor: 2 });
  assert.deepEqual(await canvasSize(hi.page, [1280, 829]), [1280, 829]);
  const shot2 = await hi.page.screenshot({ path: join(ROOT, 'test', 'high-dpi.png'), scale: 'css' });
  assert.deepEqual(await hi.page.evaluate(() => document.getElementById('state').textContent), '#');
  assert.ok(Math.abs(shot2.length - shot1.length) < shot1.length * 0.25,
            `the 2x picture (${shot2.length} bytes at CSS scale) is the 1x one (${shot1.length})`);
  await hi.page.close();
});

test('Export (Ctrl+E, Return) comes down as a CSV and a PNG', { skip, timeout: 180000 }, async () => {
  const { page } = await open(base + '#adult_training_places=8000');
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.click('canvas', { position: { x: 900, y: 400 } });
  await page.keyboard.press('Control+E');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  for (let i = 0; i < 100 && downloads.length < 2; i++) await page.waitForTimeout(100);
  const names = downloads.map((d) => d.suggestedFilename()).sort();
  assert.deepEqual(names, ['transim-export.csv', 'transim-export.png']);
  const csv = readFileSync(await downloads.find((d) => /csv$/.test(d.suggestedFilename())).path(),
                           'utf8');
  assert.match(csv, /adult_training_places|2050/, 'the CSV holds the scenario\'s rows');
  const png = readFileSync(await downloads.find((d) => /png$/.test(d.suggestedFilename())).path());
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  await page.close();
});

test('once opened, the page opens again with the server gone', { skip, timeout: 180000 },
     async () => {
  const { page } = await open(base + '#adult_training_places=5000');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null,
                             { timeout: 30000 }).catch(() => page.reload());
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null,
                             { timeout: 30000 });
  offline = true;
  try {
    await page.reload();
    await page.waitForFunction(
      () => /adult_training_places=5000/.test(document.getElementById('state').textContent),
      null, { timeout: 60000 });
  } finally {
    offline = false;
  }
  await page.close();
});

test('a lever dragged over 300 frames: the redraw times (printed, not asserted)',
     { skip, timeout: 180000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const report = new Promise((ok) => page.on('console', (m) => {
    if (m.text().startsWith('input-to-frame:')) ok(m.text());
  }));
  await page.goto(base + '?profile=300');
  const line = await report;
  console.log(`headless chromium, 1280x829: ${line}`);
  const n = Number(/(\d+) frames with input/.exec(line)[1]);
  assert.ok(n > 200, `the drag reached the window in ${n} frames`);
  await page.close();
});

test('a scenario file dropped on the page opens', { skip, timeout: 180000 }, async () => {
  const { page } = await open(base);
  const text = readFileSync('scenarios/p4_climate_neutral_economy.ini', 'utf8');
  const drop = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'p4_climate_neutral_economy.ini', { type: 'text/plain' }));
    return dt;
  }, text);
  await page.dispatchEvent('canvas', 'dragover', { dataTransfer: drop });
  await page.dispatchEvent('canvas', 'drop', { dataTransfer: drop });
  await page.waitForFunction(() => document.getElementById('state').textContent.length > 1, null,
                             { timeout: 30000 });
  assert.match(await page.title(), /P4/);
  await page.close();
});
