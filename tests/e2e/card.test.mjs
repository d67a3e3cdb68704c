// End-to-end: the demo page in headless Debian Chromium, driven by
// playwright-core. Checks what a reader sees against the dataset file itself,
// clicks a partner, runs axe-core, and saves screenshots at phone and desktop
// widths into test-results/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
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

/** The main card of the demo page (the first one, in the article). */
const mainCard = (page) => page.locator('relations-card').first();

/** Walks from the partner list through a partner's page and every tab,
 * calling `visit(name)` once each view is up. */
async function visitEveryView(card, partner, visit) {
  await visit('overview');
  await card.getByRole('button', { name: new RegExp(`^${partner}`) }).click();
  await card.getByRole('heading', { level: 3, name: partner }).waitFor();
  await visit('partner');
  for (const [tab, shown, view] of [
    ['Timeline', 'svg.histogram-chart', 'timeline'],
    ['Figures', 'svg.figures-chart', 'figures'],
    ['Sources', '.source-card', 'sources'],
  ]) {
    await card.getByRole('tab', { name: tab }).click();
    await card.locator(shown).first().waitFor();
    await visit(view);
  }
}

/** Waits for the card's first view: a partner button. */
async function ready(card) {
  await card.locator('button.partner').first().waitFor();
}

const sortKey = (date) => {
  const [start, end = start] = date.replace('~', '').split('/');
  const pad = (d, last) => {
    const [y, m = last ? '12' : '01', day = last ? '31' : '01'] = d.split('-');
    return `${y}-${m}-${day}`;
  };
  return `${pad(start, false)}|${pad(end, true)}`;
};

test('the overview shows every partner of the dataset, grouped by region, with a described picture', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  const shown = await card.locator('.partner-name').allTextContents();
  assert.deepEqual([...shown].sort(), dataset.partners.map((p) => p.name).sort());
  const regions = await card.locator('.region-title').allTextContents();
  assert.deepEqual([...regions].sort(), [...new Set(dataset.partners.map((p) => p.region))].sort());
  assert.equal(await card.getByRole('heading', { level: 2 }).textContent(), dataset.title);
  const picture = card.locator('svg.bars');
  assert.match(await picture.getAttribute('aria-label'), /^Events per partner, most first: Afghanistan \d+ \(tense\)/);
  assert.equal(await card.getByRole('tab', { selected: true }).textContent(), 'Partners');
  assert.deepEqual(problems, []);
  await page.close();
});

test('choosing a partner shows its summary, tone strip and events with sources; order and back work', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  const changes = [];
  await page.exposeFunction('recordChange', (detail) => changes.push(detail));
  await page.evaluate(() => document.addEventListener('relations-card-change', (e) => window.recordChange(e.detail)));
  await ready(card);

  await card.getByRole('button', { name: /^Kazakhstan/ }).click();
  await card.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  assert.equal(await card.getAttribute('partner'), 'KZ');
  assert.equal(await card.getAttribute('view'), 'partner');

  const kzEvents = dataset.events.filter((e) => e.partners.includes('KZ'));
  assert.equal(await card.locator('.events-section .section-title').textContent(), `${kzEvents.length} events`);
  const titles = await card.locator('.events-section .event-title').allTextContents();
  assert.equal(titles.length, Math.min(20, kzEvents.length));
  for (const title of titles) assert.ok(kzEvents.some((e) => e.title === title), title);
  // Newest first by default; the first event shown sorts last.
  const keyOf = (title) => sortKey(kzEvents.find((e) => e.title === title).date);
  const keys = kzEvents.map((e) => sortKey(e.date)).sort();
  assert.equal(keyOf(titles[0]), keys[keys.length - 1]);
  await card.getByRole('button', { name: /Change order/ }).click();
  await card.getByRole('button', { name: 'Order: oldest first. Change order' }).waitFor();
  const oldest = await card.locator('.events-section .event-title').first().textContent();
  assert.equal(keyOf(oldest), keys[0]);
  // Show more reveals the rest.
  await card.getByRole('button', { name: /Show more/ }).click();
  await page.waitForFunction(
    (n) => document.querySelector('relations-card').shadowRoot.querySelectorAll('.events-section .event').length === n,
    kzEvents.length,
  );

  // The tone strip has a text summary made from the same data.
  const strip = await card.locator('svg.tone-strip').getAttribute('aria-label');
  assert.match(strip, new RegExp(`^Kazakhstan: ${kzEvents.length} events from \\d{4} to \\d{4}; close`));
  // Every event names its sources with their publishers.
  const first = kzEvents.find((e) => e.title === oldest);
  const sourcesShown = await card.locator('.events-section .event').first().locator('.source').allTextContents();
  for (const citation of first.sources) {
    const source = dataset.sources.find((s) => s.id === citation.source);
    assert.ok(sourcesShown.some((t) => t.includes(`${source.title}, ${source.publisher}`) && t.includes(citation.locator)));
  }
  // Focus moved to the heading when the partner opened.
  assert.deepEqual(changes[0], { view: "partner", partner: "KZ", themes: [], kinds: [], from: null, to: null, q: '', oldestFirst: false, more: 0 });

  await card.getByRole('button', { name: /All partners/ }).click();
  await card.getByRole('button', { name: /^Kazakhstan/ }).waitFor();
  assert.equal(await card.getAttribute('partner'), 'KZ', 'the partner stays chosen for the timeline filter');
  // Named, since a partner alone asks for the partner's view.
  assert.equal(await card.getAttribute('view'), 'overview');
  assert.equal(
    await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.dataset.code),
    'KZ',
    'focus returns to the partner it came from',
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('searching answers as the reader types, keeps focus, and forgives spellings', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  const search = card.getByRole('searchbox', { name: 'Search events' });
  await search.pressSequentially('pyanj');
  await card.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
  await card.locator('.event-title', { hasText: 'bridge over the Panj' }).waitFor();
  assert.equal(await card.getAttribute('q'), 'pyanj');
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.dataset.key), 'search');
  assert.match(await card.getByRole('status').textContent(), /^\d+ events? match/);

  await search.fill('zzzzqx');
  await card.getByText('No events match — clear the filters to see them all.').waitFor();
  await card.getByRole('button', { name: 'Clear the filters' }).click();
  await card.locator('.events .event').first().waitFor();
  assert.equal(await card.getAttribute('q'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('timeline filters: theme chips, partner, years and the histogram update the counts', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Timeline' }).click();
  const heading = card.locator('.list-head .section-title');
  await heading.waitFor();
  assert.equal(await heading.textContent(), `${dataset.events.length} events`);
  assert.equal(await card.getByRole('button', { name: 'Clear filters' }).count(), 0, 'nothing to clear yet');

  await card.getByRole('button', { name: /^Trade \(\d+\)$/ }).click();
  const trade = dataset.events.filter((e) => e.themes.includes('trade')).length;
  await page.waitForFunction(
    (t) => document.querySelector('relations-card').shadowRoot.querySelector('.list-head .section-title').textContent === t,
    `${trade} events`,
  );
  assert.equal(await card.getByRole('button', { name: /^Trade/ }).getAttribute('aria-pressed'), 'true');
  assert.equal(await card.getAttribute('theme'), 'trade');

  await card.getByRole('combobox', { name: 'Partner' }).selectOption('AF');
  const afTrade = dataset.events.filter((e) => e.themes.includes('trade') && e.partners.includes('AF')).length;
  await page.waitForFunction(
    (t) => document.querySelector('relations-card').shadowRoot.querySelector('.list-head .section-title').textContent === t,
    `${afTrade} events`,
  );
  await card.getByRole('button', { name: /^Agreements \(\d+\)$/ }).click();
  const afTradeAgreements = dataset.events.filter((e) => e.themes.includes('trade') && e.partners.includes('AF') && e.kind === 'agreement').length;
  await page.waitForFunction(
    (t) => document.querySelector('relations-card').shadowRoot.querySelector('.list-head .section-title').textContent === t,
    `${afTradeAgreements} ${afTradeAgreements === 1 ? 'event' : 'events'}`,
  );
  await card.getByRole('button', { name: /^Agreements/ }).click();
  await card.getByRole('spinbutton', { name: 'From year' }).fill('2021');
  await card.getByRole('spinbutton', { name: 'From year' }).press('Enter');
  await card.getByRole('spinbutton', { name: 'From year' }).blur();
  await page.waitForFunction(() => document.querySelector('relations-card').getAttribute('from') === '2021');
  const histogram = await card.locator('svg.histogram-chart').getAttribute('aria-label');
  assert.match(histogram, /^Events per year from \d{4} to \d{4}; busiest years: /);

  await card.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction(
    (t) => document.querySelector('relations-card').shadowRoot.querySelector('.list-head .section-title').textContent === t,
    `${dataset.events.length} events`,
  );
  // The button goes with the filters; focus moves to the count it changed.
  assert.equal(await card.getByRole('button', { name: 'Clear filters' }).count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.dataset.key), 'results-count');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the sources view lists the documents and sets disputed claims side by side', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Sources' }).click();
  await card.locator('.source-card').first().waitFor();
  const titles = await card.locator('.source-card .source-title').allTextContents();
  assert.deepEqual(titles, dataset.sources.map((s) => s.title));
  assert.equal(await card.locator('section.dispute').count(), dataset.disputes.length);
  const firstDispute = card.locator('section.dispute').first();
  assert.ok((await firstDispute.locator('.event').count()) >= 2);
  assert.ok((await firstDispute.locator('.differ').count()) >= 2);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the figures view draws every number with its unit, vague values as ranges or alternatives', async () => {
  const { page, problems } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Figures' }).click();
  await card.locator('svg.figures-chart').first().waitFor();
  assert.equal(await card.locator('.figure-rows > li').count(), dataset.figures.length);
  const units = await card.locator('.figure-chart .section-title').allTextContents();
  assert.deepEqual([...units].sort(), [...new Set(dataset.figures.map((f) => f.unit))].sort());
  assert.ok(await card.getByText('20 or 29 years').isVisible());
  assert.ok(await card.getByText('50,000–70,000 people').first().isVisible());
  assert.equal(await card.locator('svg.figures-chart rect.choice').count(), 2, 'the two alternatives of the lease');
  assert.equal(await card.locator('svg.figures-chart').count(), dataset.figures.length);
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard only: tabs move with arrow keys, and every view can be reached', async () => {
  const { page } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Partners' }).focus();
  await page.keyboard.press('ArrowRight');
  await card.getByRole('tab', { name: 'Timeline', selected: true }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.dataset.key), 'tab-timeline');
  await page.keyboard.press('ArrowRight');
  await card.getByRole('tab', { name: 'Figures', selected: true }).waitFor();
  await page.keyboard.press('End');
  await card.getByRole('tab', { name: 'Sources', selected: true }).waitFor();
  await page.keyboard.press('Home');
  await card.getByRole('tab', { name: 'Partners', selected: true }).waitFor();
  // Into a partner with Tab and Enter.
  await card.locator('button.partner').first().focus();
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: /All partners/ }).waitFor();
  // Escape closes the partner page and focus returns to the partner.
  await page.keyboard.press('Escape');
  await card.locator('button.partner').first().waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.className), 'partner');
  await page.close();
});

test('several cards share one WebAssembly download, and attributes set the first view', async () => {
  const { page, problems, requests } = await openPage('/');
  const sidebar = page.locator('aside relations-card');
  await sidebar.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  await ready(mainCard(page));
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
  // The element served from the package carries the glue: no second module.
  assert.deepEqual(requests.filter((url) => url.endsWith('/pkg/relations_card.js')), []);
  for (const url of requests) assert.ok(url.startsWith(baseUrl), `request to another origin: ${url}`);
  await page.evaluate(() => {
    const card = document.querySelector('relations-card');
    card.setAttribute('view', 'timeline');
    card.setAttribute('theme', 'energy');
    card.setAttribute('from', '2000');
  });
  const energy = dataset.events.filter((e) => e.themes.includes('energy') && Number(e.date.replace('~', '').split(/[/-]/)[0]) >= 2000 - 40);
  await mainCard(page).getByRole('button', { name: /^Energy/, pressed: true }).waitFor();
  assert.ok(energy.length > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a page with several cards, the first is on screen before the next is built', async () => {
  const page = await browser.newPage();
  // Frames counted from the start; each card notes the frame of its first view.
  await page.addInitScript(() => {
    window.frames_ = 0;
    window.firstViews = [];
    const count = () => { window.frames_++; requestAnimationFrame(count); };
    requestAnimationFrame(count);
    addEventListener('relations-card-ready', (event) => window.firstViews.push([event.target.id || 'sidebar', window.frames_]));
  });
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.firstViews.length === 2);
  const [[first, firstFrame], [second, secondFrame]] = await page.evaluate(() => window.firstViews);
  assert.deepEqual([first, second], ['card', 'sidebar'], 'in page order');
  assert.ok(secondFrame > firstFrame, `both first views were built for frame ${firstFrame}`);
  await page.close();
});

test('an unknown partner code says so in the card and the console, and the page keeps working', async () => {
  const { page } = await openPage('/');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await ready(mainCard(page));
  await page.evaluate(() => document.querySelector('relations-card').setAttribute('partner', 'ZZ'));
  const alert = mainCard(page).getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /no partner “ZZ”/);
  assert.ok(warnings.some((w) => w.includes('no partner “ZZ”')));
  await ready(mainCard(page));
  await page.close();
});

test('wrong attributes are named in the card and the console; the rest of them still apply', async () => {
  const { page } = await openPage('/');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await ready(mainCard(page));
  await page.evaluate(() => {
    const card = document.querySelector('relations-card');
    card.setAttribute('view', 'timeline');
    card.setAttribute('theme', 'water gossip');
    card.setAttribute('from', 'soon');
  });
  const card = mainCard(page);
  await card.getByRole('button', { name: /^Water/, pressed: true }).waitFor();
  const alerts = await card.getByRole('alert').allTextContents();
  assert.equal(alerts.length, 2, alerts.join('\n'));
  assert.match(alerts[0], /“gossip” is not one of this card’s themes/);
  assert.match(alerts[1], /The from attribute “soon” is not a year/);
  assert.ok(warnings.some((w) => w.includes('“gossip”')), warnings.join('\n'));
  // A reader's action replaces the asked-for state, and the notes go.
  await card.getByRole('button', { name: /^Water/ }).click();
  await card.getByRole('button', { name: /^Water/, pressed: false }).waitFor();
  assert.equal(await card.getByRole('alert').count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').getAttribute('theme')), null);
  await page.close();
});

test('no accessibility violations (axe-core) in any view', async () => {
  const { page } = await openPage('/');
  await page.addScriptTag({ path: axePath });
  const card = mainCard(page);
  await ready(card);
  const check = async (label) => {
    const result = await page.evaluate(() => window.axe.run('relations-card'));
    const violations = result.violations.map(
      (v) => `${label}: ${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`,
    );
    assert.deepEqual(violations, []);
  };
  await visitEveryView(card, 'Iran', check);
  // Colour contrast holds in the dark scheme too; without motion, so no
  // colour is measured halfway through a transition.
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await card.getByRole('tab', { name: 'Partners' }).click();
  await ready(card);
  await visitEveryView(card, 'Iran', (view) => check(`${view}, dark`));
  await page.close();
});

test('screenshots of every view at phone (360 px) and desktop (1280 px) widths, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(baseUrl);
      const card = mainCard(page);
      await ready(card);
      await visitEveryView(card, 'Afghanistan', (view) => card.screenshot({ path: `${shots}/${view}-${width}-${colorScheme}.png` }));
      await page.screenshot({ path: `${shots}/page-${width}-${colorScheme}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than a ${width}px screen`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  }
});

/** Adds a card for a dataset URL to the demo page; returns its locator. */
async function addCard(page, src) {
  await page.evaluate((url) => {
    const card = document.createElement('relations-card');
    card.id = 'added';
    card.setAttribute('src', url);
    document.querySelector('main').prepend(card);
  }, src);
  return page.locator('#added');
}

test('a hostile dataset renders as inert text and the layout holds', async () => {
  const { page, problems } = await openPage('/', { width: 360 });
  const hostile = JSON.parse(readFileSync(`${root}tests/fixtures/hostile.json`, 'utf8'));
  const card = await addCard(page, '/test-fixtures/hostile.json');
  await card.locator('button.partner').first().waitFor();
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
  assert.match(csvText, /^id,kind,date,date_label,partners,themes,title,summary,value,as_of,sources,disputed\r\n/);
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

test('with url-state the view lives in the page URL, so a link opens it', async () => {
  const { page } = await openPage('/#card.view=partner&card.partner=IR');
  const card = mainCard(page);
  await card.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.getByRole('searchbox').fill('drone');
  await page.waitForFunction(() => location.hash.includes('card.q=drone'));
  assert.match(await page.evaluate(() => location.hash), /card\.view=timeline/);
  const link = await page.evaluate(() => location.href);
  const { page: second } = await openPage(link.slice(baseUrl.length - 1));
  await mainCard(second).locator('.event-title', { hasText: 'drone factory' }).waitFor();
  await page.close();
  await second.close();

  // Back from a partner to the overview: a link to that opens the overview.
  const { page: third } = await openPage('/#card.partner=IR');
  await mainCard(third).getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await mainCard(third).getByRole('button', { name: /All partners/ }).click();
  await mainCard(third).locator('button.partner').first().waitFor();
  const back = await third.evaluate(() => location.href);
  const { page: fourth } = await openPage(back.slice(baseUrl.length - 1));
  await mainCard(fourth).locator('button.partner').first().waitFor();
  assert.equal(await mainCard(fourth).getByRole('heading', { level: 3, name: 'Iran' }).count(), 0, `${back} opens the overview`);
  await third.close();
  await fourth.close();
});

test('interface text follows the language of the card or page (Russian from the catalogue)', async () => {
  const { page, problems } = await openPage('/');
  await page.addScriptTag({ path: axePath });
  await ready(mainCard(page));
  await page.evaluate(() => {
    const card = document.createElement('relations-card');
    card.id = 'ru';
    card.setAttribute('lang', 'ru');
    card.setAttribute('partner', 'KZ');
    document.querySelector('main').prepend(card);
  });
  const card = page.locator('#ru');
  await card.getByRole('heading', { level: 3, name: 'Kazakhstan' }).waitFor();
  assert.deepEqual(await card.getByRole('tab').allTextContents(), ['Партнёры', 'Хронология', 'Цифры', 'Источники']);
  const kz = dataset.events.filter((e) => e.partners.includes('KZ')).length;
  assert.equal(await card.locator('.events-section .section-title').textContent(), `${kz} событий`);
  assert.equal(await card.locator('article').getAttribute('lang'), 'ru');
  const result = await page.evaluate(() => window.axe.run('#ru'));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a page with hostile global styles does not change how the card looks', async () => {
  const capture = async (path) => {
    const { page, problems } = await openPage(path, { width: 1280 });
    const card = page.locator('relations-card').first();
    await card.locator('button.partner').first().waitFor();
    // The same width on both pages: what is left to differ is style leakage.
    await page.evaluate(() => document.querySelector('relations-card').style.setProperty('width', '640px', 'important'));
    await card.getByRole('tab', { name: 'Timeline' }).click();
    await card.locator('svg.histogram-chart').waitFor();
    const looks = await card.evaluate((host) => {
      const root = host.shadowRoot;
      const style = (selector) => {
        const s = getComputedStyle(root.querySelector(selector));
        return [s.fontSize, s.fontFamily, s.color, s.backgroundColor, s.textTransform, s.letterSpacing, s.lineHeight,
          s.display, s.padding, s.borderStyle, s.boxSizing].join(' ');
      };
      return {
        host: getComputedStyle(host).display,
        title: style('.title'),
        tab: style('.tab'),
        event: style('.event-title'),
        chart: style('svg.histogram-chart'),
        height: Math.round(root.querySelector('article').getBoundingClientRect().height),
      };
    });
    await card.screenshot({ path: `${shots}/${path === '/' ? 'plain' : 'hostile'}-css-1280.png` });
    assert.deepEqual(problems, []);
    await page.close();
    return { looks };
  };
  const plain = await capture('/');
  const hostile = await capture('/hostile-css.html');
  // Compared by computed styles and size, not pixels: the card may sit at
  // another sub-pixel offset on the page. Both screenshots are saved to look at.
  assert.deepEqual(hostile.looks, plain.looks);
});

test('the card works under a strict Content-Security-Policy, with no violation', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(new URL('/strict-csp.html', baseUrl).href);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  const card = page.locator('relations-card');
  await card.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.getByRole('searchbox').fill('drone');
  await card.locator('.event-title', { hasText: 'drone factory' }).waitFor();
  // Styles applied: the card's own stylesheet loaded under style-src 'self'.
  assert.equal(await card.locator('article').evaluate((n) => getComputedStyle(n).borderTopStyle), 'solid');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: `${shots}/strict-csp-1280.png` });
  await page.close();
});

test('the iframe embed takes its state from the URL and sizes its frame through postMessage', async () => {
  const { page, problems } = await openPage('/iframe.html');
  const frame = page.frameLocator('iframe[data-relations-card]');
  await frame.locator('relations-card').getByRole('heading', { level: 3, name: 'Afghanistan' }).waitFor();
  await page.waitForFunction(() => {
    const iframe = document.querySelector('iframe[data-relations-card]');
    return iframe.style.height && parseInt(iframe.style.height, 10) > 600;
  });
  const [frameHeight, contentHeight] = await page.evaluate(() => {
    const iframe = document.querySelector('iframe[data-relations-card]');
    return [iframe.getBoundingClientRect().height, iframe.contentDocument.documentElement.getBoundingClientRect().height];
  });
  assert.ok(Math.abs(frameHeight - Math.ceil(contentHeight)) <= 1, `${frameHeight} vs ${contentHeight}`);
  await page.screenshot({ path: `${shots}/iframe-1280.png` });
  // A reader's change resizes it again.
  await frame.locator('relations-card').getByRole('button', { name: /All partners/ }).click();
  await page.waitForFunction((h) => parseInt(document.querySelector('iframe[data-relations-card]').style.height, 10) !== h, frameHeight);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a course page with three cards: three partners, one WebAssembly download', async () => {
  const { page, problems, requests } = await openPage('/course.html');
  for (const name of ['Iran', 'Afghanistan', 'Kazakhstan']) {
    await page.locator('relations-card').getByRole('heading', { level: 3, name }).waitFor();
  }
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
  await page.screenshot({ path: `${shots}/course-1280.png`, fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

test('privacy: no request to another origin, no cookie, no storage, in any view', async () => {
  const { page, requests } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await visitEveryView(card, 'Iran', async () => {});
  await card.getByRole('searchbox').fill('border');
  for (const url of requests) assert.ok(url.startsWith(baseUrl), `request to another origin: ${url}`);
  const stored = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0 });
  await page.close();
});

test('a 280 px sidebar and a full-width article both fit', async () => {
  for (const width of [280, 1400]) {
    const { page, problems } = await openPage('/', { width });
    const card = mainCard(page);
    await ready(card);
    await visitEveryView(card, 'Afghanistan', async (view) => {
      const overflow = await page.evaluate(() => {
        const host = document.querySelector('relations-card');
        return host.shadowRoot.querySelector('article').scrollWidth - host.getBoundingClientRect().width;
      });
      assert.ok(overflow <= 1, `${view} at ${width}px overflows by ${overflow}px`);
    });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the single file works opened from disk (file://), with no network at all', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${root}dist/relations-card.html`);
  const card = page.locator('relations-card');
  await ready(card);
  await visitEveryView(card, 'Kazakhstan', async () => {});
  assert.equal(await card.locator('article').evaluate((n) => getComputedStyle(n).borderTopStyle), 'solid', 'styles inlined');
  assert.deepEqual(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:')), []);
  // Without scripts, the summary inside the element is what a reader gets.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`file://${root}dist/relations-card.html`);
  assert.match(await plain.locator('relations-card').innerText(), /Afghanistan: \d+ events/);
  await noScript.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a second copy of the script breaks nothing, and the script adds no global but the element', async () => {
  const { page, problems } = await openPage('/');
  await ready(mainCard(page));
  const before = await page.evaluate(() => Object.keys(window));
  await page.evaluate(() => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/relations-card.js?second-copy';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  }));
  const card = await addCard(page, '');
  await card.locator('button.partner').first().waitFor();
  const after = await page.evaluate(() => Object.keys(window));
  assert.deepEqual(after.filter((k) => !before.includes(k)), []);
  assert.deepEqual(
    before.filter((k) => /relation|wasm|wbg/i.test(k)),
    [],
    'no global names from the card',
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('the text inside the element shows while the card loads, and the card adds no style to the page', async () => {
  const page = await browser.newPage();
  // Hold the WebAssembly back, as a slow phone network would.
  await page.route('**/*.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(baseUrl);
  const card = mainCard(page);
  await card.getByText('an interactive card. It needs JavaScript to run.').waitFor();
  assert.ok(await card.getByText('an interactive card. It needs JavaScript to run.').isVisible());
  await ready(card);
  assert.ok(!(await card.getByText('It needs JavaScript to run.').isVisible()), 'the fallback gives way to the card');
  const pageSheets = await page.evaluate(() => [...document.styleSheets].map((s) => new URL(s.href ?? 'inline:', location.href).pathname));
  assert.deepEqual(pageSheets, ['/demo.css']);
  await page.close();
});

test('re-rendering keeps the reader\'s scroll position and focus', async () => {
  const { page } = await openPage('/', { width: 1280, height: 700 });
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('tab', { name: 'Timeline' }).click();
  await card.locator('.events .event').first().waitFor();
  // Down to the last result, then "show more": the page must not jump.
  const more = card.getByRole('button', { name: /^Show more/ });
  await more.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  await more.click();
  await page.waitForFunction(
    () => document.querySelector('relations-card').shadowRoot.querySelectorAll('.events .event').length === 40,
  );
  assert.equal(await page.evaluate(() => window.scrollY), before);
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.dataset.key), 'more');
  await page.close();
});

test('printing shows the current view without its controls', async () => {
  const { page } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('button', { name: /^Iran/ }).click();
  await card.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const shown = await card.evaluate((host) => {
    const root = host.shadowRoot;
    const visible = (selector) => [...root.querySelectorAll(selector)].some((n) => getComputedStyle(n).display !== 'none');
    return { tools: visible('.tools'), back: visible('.back'), footer: visible('.footer'), events: visible('.event'), title: visible('.partner-title') };
  });
  assert.deepEqual(shown, { tools: false, back: false, footer: false, events: true, title: true });
  await page.pdf({ path: `${shots}/print-iran.pdf` }).catch(() => {});
  await page.close();
});

test('a right-to-left language: Persian labels, the card laid out right to left, still accessible', async () => {
  for (const width of [360, 1280]) {
    const { page, problems } = await openPage('/', { width });
    await page.addScriptTag({ path: axePath });
    await ready(mainCard(page));
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.lang = 'fa';
      box.dir = 'rtl';
      box.id = 'fa-box';
      const card = document.createElement('relations-card');
      card.id = 'fa';
      card.setAttribute('view', 'timeline');
      box.append(card);
      document.querySelector('main').prepend(box);
    });
    const card = page.locator('#fa');
    await card.locator('svg.histogram-chart').waitFor();
    assert.deepEqual(await card.getByRole('tab').allTextContents(), ['شرکا', 'گاه‌شمار', 'ارقام', 'منابع']);
    const layout = await card.evaluate((host) => {
      const root = host.shadowRoot;
      const tabs = [...root.querySelectorAll('[role=tab]')].map((t) => t.getBoundingClientRect().x);
      return { dir: getComputedStyle(root.querySelector('article')).direction, firstTabRightOfSecond: tabs[0] > tabs[1] };
    });
    assert.deepEqual(layout, { dir: 'rtl', firstTabRightOfSecond: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow}px too wide at ${width}px`);
    const result = await page.evaluate(() => window.axe.run('#fa'));
    assert.deepEqual(result.violations.map((v) => v.id), []);
    await card.screenshot({ path: `${shots}/rtl-fa-${width}.png` });
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the color-scheme attribute overrides the reader\'s preference, and custom properties theme the card', async () => {
  const page = await browser.newPage({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(baseUrl);
  const card = mainCard(page);
  await ready(card);
  const background = () => card.locator('article.card').evaluate((node) => getComputedStyle(node).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await page.evaluate(() => document.querySelector('relations-card').setAttribute('color-scheme', 'dark'));
  assert.equal(await background(), 'rgb(21, 25, 30)');
  // A newsroom's brand: custom properties on the element reach inside.
  await page.evaluate(() => {
    const card = document.querySelector('relations-card');
    card.removeAttribute('color-scheme');
    card.style.setProperty('--rc-accent', 'rgb(139, 0, 0)');
    card.style.setProperty('--rc-font', 'Georgia, serif');
  });
  const tab = card.getByRole('tab', { selected: true });
  assert.equal(await tab.evaluate((n) => getComputedStyle(n).backgroundColor), 'rgb(139, 0, 0)');
  assert.match(await card.locator('.title').evaluate((n) => getComputedStyle(n).fontFamily), /^Georgia/);
  await page.close();
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

/** Counts calls into the WebAssembly by name: the page's instance gets a
 * copy of its exports whose functions count (wasm-bindgen's own helpers,
 * `__wbindgen_*`, are the marshalling of one call, not calls of their own). */
async function countCrossings(page) {
  await page.addInitScript(() => {
    window.crossings = {};
    const wrap = (result) => {
      const exports = {};
      for (const [name, value] of Object.entries(result.instance.exports)) {
        exports[name] = typeof value === 'function' && !name.startsWith('__')
          ? (...args) => { window.crossings[name] = (window.crossings[name] ?? 0) + 1; return value(...args); }
          : value;
      }
      return { module: result.module, instance: { exports } };
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => wrap(await streaming(...args));
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = async (...args) => {
      const result = await plain(...args);
      return result instanceof WebAssembly.Instance ? result : wrap(result);
    };
  });
}

test('one reader action, one crossing into the WebAssembly', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await countCrossings(page);
  await page.goto(baseUrl);
  const card = mainCard(page);
  await ready(card);
  await page.waitForTimeout(300); // the idle word index
  const during = async (what, act) => {
    await page.evaluate(() => { window.crossings = {}; });
    await act();
    await page.waitForTimeout(150);
    const calls = await page.evaluate(() => window.crossings);
    assert.deepEqual(calls, { card_send: 1 }, `${what}: ${JSON.stringify(calls)}`);
  };
  await during('open a partner', () => card.getByRole('button', { name: /^Iran/ }).click());
  await during('change the order', () => card.getByRole('button', { name: /Change order/ }).click());
  await during('show more', () => card.getByRole('button', { name: /^Show more/ }).click());
  await card.locator('.partner-title').focus();
  await during('Escape goes back', () => page.keyboard.press('Escape'));
  await during('a tab', () => card.getByRole('tab', { name: 'Timeline' }).click());
  await during('a key typed in the search box', () => card.getByRole('searchbox').press('w'));
  await during('a theme chip', () => card.locator('.chips button.chip:not([disabled])').first().click());
  await during('a partner filter', () => card.getByRole('combobox', { name: 'Partner' }).selectOption('AF'));
  await during('clear filters', () => card.getByRole('button', { name: 'Clear filters' }).click());
  await during('a year in the histogram', () => card.locator('svg.histogram-chart rect.year').nth(10).dispatchEvent('click'));
  await during('a year typed', async () => {
    await card.getByRole('spinbutton', { name: 'From year' }).fill('2001');
    await card.getByRole('spinbutton', { name: 'From year' }).press('Enter');
  });
  await during('a download', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()]);
    await download.cancel();
  });
  // An attribute change from the page is one crossing too.
  await page.evaluate(() => { window.crossings = {}; });
  await page.evaluate(() => { const c = document.querySelector('relations-card'); c.setAttribute('theme', 'trade'); c.setAttribute('from', '1999'); });
  await page.waitForTimeout(150);
  assert.deepEqual(await page.evaluate(() => window.crossings), { card_setAttributes: 1 });
  assert.deepEqual(problems, []);
  await page.close();
});

/** Every dataset string, so what is left of a text once they are taken out is the interface's. */
function datasetStrings() {
  const strings = new Set();
  const walk = (value) => {
    if (typeof value === 'string') strings.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(dataset);
  return [...strings].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
}

test('a Russian, a Persian and an English card show only their own language outside the dataset\'s own text, in every view', async () => {
  const strings = datasetStrings();
  // What betrays another language: Latin letters in a Russian or Persian
  // card, Cyrillic or Arabic letters in an English one.
  const foreign = { ru: /[A-Za-z]{2,}/g, fa: /[A-Za-z]{2,}/g, en: /[\u0400-\u04FF\u0600-\u06FF]+/g };
  for (const lang of ['ru', 'fa', 'en']) {
    const { page, problems } = await openPage('/');
    await ready(mainCard(page));
    await page.evaluate((l) => {
      const card = document.createElement('relations-card');
      card.id = l;
      card.setAttribute('lang', l);
      document.querySelector('main').prepend(card);
    }, lang);
    const card = page.locator(`#${lang}`);
    await ready(card);
    const texts = async () => card.evaluate((host) => {
      const root = host.shadowRoot;
      const out = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent.trim()) out.push(node.textContent);
      for (const node of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
        for (const name of ['aria-label', 'placeholder', 'title']) if (node.getAttribute(name)) out.push(node.getAttribute(name));
      }
      return out;
    });
    const english = [];
    const look = async (view) => {
      for (let text of await texts()) {
        for (const s of strings) if (text.includes(s)) text = text.split(s).join(' ');
        // CSV and JSON are the names of formats in every language.
        const words = (text.match(foreign[lang]) ?? []).filter((w) => !['CSV', 'JSON', 'HTTP'].includes(w));
        if (words.length) english.push(`${view}: ${words.join(' ')} (in “${text.trim().slice(0, 80)}”)`);
      }
    };
    const tabs = await card.getByRole('tab').all();
    await look('overview');
    await card.locator('button.partner').first().click();
    await card.locator('.partner-title').waitFor();
    await look('partner');
    for (const [i, view] of [[1, 'timeline'], [2, 'figures'], [3, 'sources']]) {
      await tabs[i].click();
      await card.getByRole('tab', { selected: true }).filter({ hasText: await tabs[i].textContent() }).waitFor();
      await look(view);
    }
    assert.deepEqual(english, [], `${lang}: words of another language outside the dataset's text`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a thousand random actions and attribute changes: no error, and the card still answers', async () => {
  const { page, problems } = await openPage('/', { width: 1000, height: 800 });
  const card = mainCard(page);
  await ready(card);
  // A seeded generator: the same walk on every run, so CI is repeatable;
  // MONKEY_SEED=N walks another (the seed is in a failure's message), and
  // MONKEY_LOG=1 prints every action.
  const seed = Number(process.env.MONKEY_SEED ?? 20261126);
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = ['border', 'Душанбе', 'gaz', '', '<img src=x onerror=alert(1)>', '\u202e2001', 'x'.repeat(300), '2001'];
  const attributeValues = {
    view: ['overview', 'partner', 'timeline', 'figures', 'sources', 'map', ''],
    partner: ['IR', 'KZ', 'RU', 'XX', ''],
    theme: ['trade', 'security water', 'gossip', ''],
    from: ['1990', '-5', 'soon', '99999', ''],
    to: ['2010', '1', '', 'later'],
    q: words,
  };
  const log = [];
  for (let step = 0; step < 1000; step++) {
    const kind = pick(['click', 'click', 'click', 'key', 'type', 'attribute', 'years']);
    let action;
    if (kind === 'click') {
      action = await card.evaluate((host, r) => {
        const targets = [...host.shadowRoot.querySelectorAll('button, [role=tab], rect.year')].filter((t) => !t.disabled);
        const target = targets[Math.floor(r * targets.length)];
        if (!target) return 'click: nothing to click';
        if (target.dataset.copy !== undefined || /Copy|Download/.test(target.textContent)) return 'click: skipped a download';
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        return `click ${target.className.baseVal ?? target.className} "${target.textContent.slice(0, 30)}"`;
      }, random());
    } else if (kind === 'key') {
      const key = pick(['Tab', 'Shift+Tab', 'Enter', 'Escape', 'ArrowRight', 'ArrowLeft', 'Home', 'End', ' ']);
      await page.keyboard.press(key);
      action = `key ${key}`;
    } else if (kind === 'type') {
      const text = pick(words);
      await card.getByRole('searchbox').fill(text);
      action = `type ${JSON.stringify(text.slice(0, 20))}`;
    } else if (kind === 'attribute') {
      const name = pick(Object.keys(attributeValues));
      const value = pick(attributeValues[name]);
      await card.evaluate((host, [n, v]) => (v ? host.setAttribute(n, v) : host.removeAttribute(n)), [name, value]);
      action = `attribute ${name}=${JSON.stringify(value)}`;
    } else {
      const boxes = card.locator('input[type=number]');
      if ((await boxes.count()) === 0) continue;
      const value = pick(['1990', '2030', '-9999', '99999', '', '1e3']);
      await boxes.nth(Math.floor(random() * (await boxes.count()))).fill(value);
      await page.keyboard.press('Enter');
      action = `years ${value}`;
    }
    log.push(action);
    assert.deepEqual(problems, [], `seed ${seed}, after: ${log.slice(-5).join(' | ')}`);
  }
  if (process.env.MONKEY_LOG) console.log(log.join('\n'));
  // Still a working card: the title shows and a reset brings back the first view.
  await card.evaluate((host) => ['view', 'partner', 'theme', 'from', 'to', 'q'].forEach((n) => host.removeAttribute(n)));
  await card.locator('.title').waitFor();
  await card.getByRole('tab', { name: 'Partners' }).click();
  await ready(card);
  assert.deepEqual(problems, [], `seed ${seed}`);
  await page.close();
});
