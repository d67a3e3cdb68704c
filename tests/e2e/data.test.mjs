// Datasets as hostile input and what a reader takes away: inert text,
// mistakes said with their lines, downloads and the citation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { root, dataset, shots, baseUrl, browser, openPage, mainCard, ready, addCard } from './helpers.mjs';

test('a hostile dataset renders as inert text and the layout holds', async () => {
  const { page, problems } = await openPage('/', { width: 360 });
  const hostile = JSON.parse(readFileSync(`${root}tests/fixtures/hostile.json`, 'utf8'));
  const card = await addCard(page, '/test-fixtures/hostile.json');
  await card.getByRole('button', { name: 'List of partners' }).click();
  await card.locator('.partner').first().waitFor();
  assert.equal(await card.getByRole('heading', { level: 2 }).textContent(), hostile.title);
  assert.ok(await card.locator('.partner-name', { hasText: hostile.partners[0].name }).isVisible());
  await card.getByRole('tab', { name: 'Sources' }).click();
  await card.locator('.source-card', { hasText: hostile.sources[0].title }).waitFor();
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.getByText(hostile.events[0].title).waitFor();
  // A bidirectional control in dataset text stays inside its own element.
  const overridden = hostile.events.find((e) => e.summary.includes('\u202e'));
  assert.ok(overridden, 'the fixture has a right-to-left override');
  const bidi = await card.getByText(overridden.summary).evaluate((node) => getComputedStyle(node).unicodeBidi);
  // plaintext isolates too, and takes the direction from the text's own letters.
  assert.ok(['isolate', 'plaintext'].includes(bidi), bidi);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('#added').shadowRoot;
    return {
      pwned: window.__pwned ?? null,
      elements: root.querySelectorAll('img, script, iframe, a, style:not(link), svg[onload], b').length,
    };
  });
  assert.deepEqual(injected, { pwned: null, elements: 0 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `a 600-letter word makes the page ${overflow}px too wide`);
  await card.screenshot({ path: `${shots}/hostile-360.png` });
  assert.deepEqual(problems, []);
  await page.close();
});

test('an invalid dataset says what is wrong and where, in the card and the console', async () => {
  const { page } = await openPage('/');
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await ready(mainCard(page));
  const card = await addCard(page, '/test-invalid/unknown-partner.json');
  const alert = card.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /unknown-partner\.json is not a valid dataset/);
  assert.match(text, /line 16, column 77: events\[1\]\.partners\[1\]: unknown partner "USA"/);
  assert.ok(errors.some((e) => e.includes('unknown partner "USA"')), errors.join('\n'));
  // Said once, in the card and in the console: not "is not a valid dataset: invalid dataset:".
  assert.equal(text.match(/valid dataset/gi)?.length, 1, text);
  assert.ok(errors.every((e) => (e.match(/valid dataset/gi)?.length ?? 0) <= 1), errors.join('\n'));
  // The rest of the page keeps working.
  const pageCard = page.locator('main relations-card:not([src])');
  await pageCard.getByRole('tab', { name: 'Timeline' }).click();
  await pageCard.locator('svg.histogram-chart').waitFor();
  await page.evaluate(() => { document.querySelector('#added').id = 'first'; });
  const missing = await addCard(page, '/test-fixtures/no-such-file.json');
  await missing.getByRole('alert').waitFor();
  assert.match(await missing.getByRole('alert').textContent(), /HTTP 404/);
  await page.evaluate(() => { document.querySelector('#added').id = 'second'; });
  const notJson = await addCard(page, '/favicon.svg');
  await notJson.getByRole('alert').waitFor();
  assert.match(await notJson.getByRole('alert').textContent(), /favicon\.svg is not a valid dataset/);
  assert.match(await notJson.getByRole('alert').textContent(), /line 1, column 1: expected a value/);
  await page.close();
});

test('a card on another dataset suggests its words, not the built-in ones, and a misspelt or missing src is said, never shown as the built-in card', async () => {
  const { page } = await openPage('/');
  const warnings = [];
  const errors = [];
  page.on('console', (m) => (m.type() === 'warning' ? warnings : m.type() === 'error' ? errors : []).push(m.text()));
  await ready(mainCard(page));
  // The search box's examples are the dataset's own.
  const small = await addCard(page, '/test-fixtures/small.json');
  await small.getByRole('heading', { level: 2, name: 'A small test dataset' }).waitFor();
  assert.equal(await small.getByRole('searchbox').getAttribute('placeholder'), 'Search events, e.g. Borders, Afghanistan');
  // scr= for src=: warned of, with the attribute meant.
  await page.evaluate(() => {
    const misspelt = document.createElement('relations-card');
    misspelt.id = 'misspelt';
    misspelt.setAttribute('scr', '/test-fixtures/small.json');
    document.querySelector('main').prepend(misspelt);
  });
  await page.waitForFunction(() => document.querySelector('#misspelt').datasetTitle !== '');
  assert.ok(
    warnings.some((w) => w.includes('<relations-card> has no attribute "scr" (it is ignored): did you mean src?')),
    warnings.join('\n'),
  );
  // With own-data the built-in dataset is never shown: the card says what is missing.
  await page.evaluate(() => {
    const own = document.createElement('relations-card');
    own.id = 'own';
    own.setAttribute('own-data', '');
    own.setAttribute('scr', '/test-fixtures/small.json');
    document.querySelector('main').prepend(own);
  });
  const own = page.locator('#own');
  await own.getByRole('alert').waitFor();
  assert.match(await own.getByRole('alert').textContent(), /no src attribute says which dataset to show, and own-data keeps the built-in one out/);
  assert.equal(await own.getByRole('heading', { level: 2 }).count(), 0, 'no built-in card');
  assert.ok(errors.some((e) => e.includes('own-data is set and src is not')), errors.join('\n'));
  // Given its src, it shows it.
  await page.evaluate(() => document.querySelector('#own').setAttribute('src', '/test-fixtures/small.json'));
  await own.getByRole('heading', { level: 2, name: 'A small test dataset' }).waitFor();
  await page.close();
});

test('a dataset that failed to load is asked for again by the next card, not remembered as failed', async () => {
  const { page } = await openPage('/');
  page.on('console', () => {});
  await ready(mainCard(page));
  // The network fails once, then works.
  let failures = 0;
  await page.route('**/test-fixtures/hostile.json', (route) => (failures++ === 0 ? route.abort('connectionreset') : route.continue()));
  const first = await addCard(page, '/test-fixtures/hostile.json');
  await first.getByRole('alert').waitFor();
  assert.match(await first.getByRole('alert').textContent(), /could not fetch/);
  await page.evaluate(() => { document.querySelector('#added').id = 'failed'; });
  const second = await addCard(page, '/test-fixtures/hostile.json');
  await second.getByRole('heading', { level: 2 }).waitFor();
  assert.equal(failures, 2, 'asked for again');
  await page.close();
});

test('the reader can download the current view as CSV and JSON and copy a citation', async () => {
  const context = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(baseUrl);
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.getByRole('button', { name: /^Security/ }).click();
  const security = dataset.events.filter((e) => e.themes.includes('security'));
  const [csv] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  assert.equal(csvText.split('\r\n').filter(Boolean).length, security.length + 1);
  // The records sheet, in the columns `relations import` reads back.
  assert.match(csvText, /^id,kind,date,partners,themes,title,summary,value,unit,tone,as of,source,locator[,\w ]*\r\n/);
  const [json] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download JSON' }).click()]);
  const rows = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.deepEqual(rows.map((r) => r.id).sort(), security.map((e) => e.id).sort());
  await card.getByRole('button', { name: 'Copy citation' }).click();
  await page.waitForFunction(() => document.querySelector('relations-card').shadowRoot.querySelector('[role=status]').textContent === 'Citation copied');
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(citation, /^Tajikistan's foreign relations\. Interactive card \(relations-card\), http/);
  for (const source of dataset.sources) assert.ok(citation.includes(source.title), source.title);
  await context.close();
});

test('dataset strings reach the page only as text: the shell never parses markup', () => {
  const files = ['relations-card.js', ...readdirSync(`${root}www/card`).filter((f) => f.endsWith('.js')).map((f) => `card/${f}`)];
  assert.ok(files.length >= 5, files.join(' '));
  for (const file of files) {
    const shell = readFileSync(`${root}www/${file}`, 'utf8');
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'DOMParser', 'createContextualFragment']) {
      assert.ok(!shell.includes(sink), `www/${file} uses ${sink}`);
    }
  }
});
