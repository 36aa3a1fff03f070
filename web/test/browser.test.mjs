// browser.test.mjs: the web version in headless Chromium (Debian's
// chromium, driven by playwright-core). Serves build-web/ from 127.0.0.1,
// opens the page with a link that moves levers and names the scenario, and
// checks that the page shows that scenario: the window's title, the scenario
// the program reports to the page (#state, written by web/app.js), and a
// screenshot that differs from the baseline's. Also times the first frame
// and a lever moved by the keyboard. Screenshots stay in build-web/test/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const ROOT = 'build-web';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
                '.data': 'application/octet-stream' };
let chromium = null;
try { chromium = createRequire(import.meta.url)('playwright-core').chromium; } catch { /* below */ }
const skip = !existsSync(join(ROOT, 'index.html')) ? 'make web first'
           : !existsSync(CHROMIUM) ? 'no chromium (apt-get install chromium)'
           : !chromium ? 'no playwright-core (npm install --prefix web)' : false;

let server, base, browser;
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
async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
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
