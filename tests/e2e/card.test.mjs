// End-to-end: the demo page in headless Debian Chromium, driven by
// playwright-core. Checks what a reader sees against the dataset file itself,
// clicks a partner, runs axe-core, and saves screenshots at phone and desktop
// widths into test-results/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataset = JSON.parse(readFileSync(`${root}data/tajikistan.json`, 'utf8'));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const shots = `${root}test-results/screenshots`;
mkdirSync(shots, { recursive: true });

let server;
let baseUrl;
let browser;

before(async () => {
  ({ server, url: baseUrl } = await startServer());
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page and fails the test on any console error or page error. */
async function openPage(path, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(new URL(path, baseUrl).href);
  return { page, problems, requests };
}

/** "~1992-09/1993" → "1992-09-01": where a dataset date starts, sortable as text. */
function startKey(date) {
  const [year, month = '01', day = '01'] = date.replace('~', '').split('/')[0].split('-');
  return `${year}-${month}-${day}`;
}

/** The main card of the demo page (the first one, in the article). */
const mainCard = (page) => page.locator('relations-card').first();

test('the overview lists every partner of the dataset by name', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await card.getByRole('button', { name: /Iran/ }).waitFor();
  const shown = await card.locator('.partner-name').allTextContents();
  const expected = dataset.partners.map((p) => p.name).sort((a, b) => a.localeCompare(b));
  assert.deepEqual(shown, expected);
  assert.equal(await card.getByRole('heading', { level: 2 }).textContent(), dataset.title);
  assert.deepEqual(problems, []);
  await page.close();
});

test('choosing a partner shows its events with their sources, and back returns', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  const changes = [];
  await page.exposeFunction('recordChange', (detail) => changes.push(detail));
  await page.evaluate(() =>
    document.addEventListener('relations-card-change', (e) => window.recordChange(e.detail)),
  );

  await card.getByRole('button', { name: /Kazakhstan/ }).click();
  await card.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  assert.equal(await card.getAttribute('partner'), 'KZ');

  const kzEvents = dataset.events.filter((e) => e.partners.includes('KZ'));
  const titles = await card.locator('.event-title').allTextContents();
  assert.deepEqual([...titles].sort(), kzEvents.map((e) => e.title).sort());
  // Oldest first: the first event shown starts no later than any other.
  const first = kzEvents.find((e) => e.title === titles[0]);
  assert.equal(startKey(first.date), kzEvents.map((e) => startKey(e.date)).sort()[0]);
  // Each event names its source documents with their publishers.
  const firstSources = await card.locator('.event').first().locator('.source').allTextContents();
  for (const citation of first.sources) {
    const source = dataset.sources.find((s) => s.id === citation.source);
    assert.ok(
      firstSources.some((text) => text.includes(`${source.title}, ${source.publisher}`) && text.includes(citation.locator)),
      `${first.id} should cite ${source.id} at ${citation.locator}: ${firstSources}`,
    );
  }

  // Focus moved to the partner heading for keyboard and screen-reader users.
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.id), 'partner-title');
  assert.deepEqual(changes, [{ partner: 'KZ' }]);

  await card.getByRole('button', { name: /All partners/ }).click();
  await card.getByRole('button', { name: /Kazakhstan/ }).waitFor();
  assert.equal(await card.getAttribute('partner'), null);
  assert.equal(
    await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.dataset.code),
    'KZ',
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('several cards share one WebAssembly download, and the partner attribute opens a partner', async () => {
  const { page, problems, requests } = await openPage('/');
  const sidebar = page.locator('aside relations-card');
  await sidebar.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  await mainCard(page).getByRole('button', { name: /Iran/ }).waitFor();
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
  for (const url of requests) assert.ok(url.startsWith(baseUrl), `request to another origin: ${url}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an unknown partner code says so in the card, and the page keeps working', async () => {
  const { page } = await openPage('/');
  await mainCard(page).getByRole('button', { name: /Iran/ }).waitFor();
  await page.evaluate(() => document.querySelector('relations-card').setAttribute('partner', 'ZZ'));
  const alert = mainCard(page).getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /no partner “ZZ”/);
  await mainCard(page).getByRole('button', { name: /All partners/ }).click();
  await mainCard(page).getByRole('button', { name: /Iran/ }).waitFor();
  await page.close();
});

test('no accessibility violations (axe-core) on the overview and a partner view', async () => {
  const { page } = await openPage('/');
  await page.addScriptTag({ path: axePath });
  const card = mainCard(page);
  await card.getByRole('button', { name: /Iran/ }).waitFor();
  const check = async (label) => {
    const result = await page.evaluate(() => window.axe.run('relations-card'));
    const violations = result.violations.map((v) => `${label}: ${v.id}: ${v.help} (${v.nodes.length})`);
    assert.deepEqual(violations, []);
  };
  await check('overview');
  await card.getByRole('button', { name: /Iran/ }).click();
  await card.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await check('partner');
  await page.close();
});

test('screenshots at phone (360 px) and desktop (1280 px) widths', async () => {
  for (const width of [360, 1280]) {
    const { page, problems } = await openPage('/', { width, height: 800 });
    const card = mainCard(page);
    await card.getByRole('button', { name: /Afghanistan/ }).waitFor();
    await card.screenshot({ path: `${shots}/overview-${width}.png` });
    await card.getByRole('button', { name: /Afghanistan/ }).click();
    await card.getByRole('heading', { level: 3, name: 'Afghanistan' }).waitFor();
    await card.screenshot({ path: `${shots}/partner-${width}.png` });
    await page.screenshot({ path: `${shots}/page-${width}.png`, fullPage: true });
    // The card fits the column: nothing scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a ${width}px screen`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('dataset strings reach the page only as text: the shell never parses markup', () => {
  const shell = readFileSync(`${root}www/relations-card.js`, 'utf8');
  for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'DOMParser', 'createContextualFragment']) {
    assert.ok(!shell.includes(sink), `www/relations-card.js uses ${sink}`);
  }
});
