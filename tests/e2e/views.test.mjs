// The views as a reader uses them on the demo page: what each shows against
// the dataset file itself, filters and search, keyboard, focus, print,
// theming, accessibility (axe-core) and screenshots at phone and desktop widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { root, dataset, axePath, shots, baseUrl, browser, openPage, mainCard, visitEveryView, ready, sortKey } from './helpers.mjs';

test('the overview opens on a map of partner countries by tone, organisations beside it, the list one tap away', async () => {
  const { page, problems, requests } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  assert.equal(requests.filter((url) => url.endsWith('/pkg/map.json')).length, 1, 'the map is fetched once');
  const countries = dataset.partners.filter((p) => p.kind === 'country');
  const onMap = await card.locator('.map-chart .country').evaluateAll((paths) => paths.map((p) => p.dataset.code));
  assert.deepEqual([...onMap].sort(), countries.map((p) => p.code).sort());
  const afghanistan = card.locator('.map-chart .country[data-code="AF"]');
  assert.match(await afghanistan.getAttribute('aria-label'), /^Afghanistan: tense · \d+ events$/);
  assert.match(await afghanistan.getAttribute('class'), /tone-fill-tense/);
  assert.equal(await card.locator('.map-chart .land.subject').count(), 1, 'Tajikistan is marked');
  assert.match(await card.locator('svg.map-chart').getAttribute('aria-label'), /^Map of the countries Tajikistan deals with, coloured by the tone of their latest period; /);
  // Pointing at a country, or focusing it, says it under the map.
  await afghanistan.hover();
  assert.match(await card.locator('.map-status').textContent(), /^Afghanistan: tense/);
  await card.locator('.map-chart .country[data-code="CN"]').focus();
  assert.match(await card.locator('.map-status').textContent(), /^China: /);
  const organisations = await card.getByRole('group', { name: 'Organisations' }).getByRole('button').allTextContents();
  // Those with events, and those the subject is a member of though no event names them (ECO).
  const named = (p) => dataset.events.some((e) => e.partners.includes(p.code)) || dataset.memberships.some((m) => m.organisation === p.code);
  assert.equal(organisations.length, dataset.partners.filter((p) => p.kind === 'organisation' && named(p)).length);
  assert.ok(organisations.includes('ECO'), organisations.join(', '));

  await card.getByRole('button', { name: 'List of partners' }).click();
  await card.locator('.partner-name').first().waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.dataset.key), 'layout', 'focus stays on the switch');
  const shown = await card.locator('.partner-name').allTextContents();
  assert.deepEqual([...shown].sort(), dataset.partners.map((p) => p.name).sort());
  // A member-only organisation says its membership, not "0 events".
  assert.equal(await card.locator('.partner', { hasText: 'Economic Cooperation Organization' }).locator('.partner-detail').textContent(), 'member since 1993–1994');
  assert.equal(await card.locator('.partner-detail', { hasText: /^0 events/ }).count(), 0);
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

  // The tone strip is said once, in the text under it; the picture is hidden from screen readers.
  const strip = await card.locator('.strip .caption').textContent();
  assert.match(strip, new RegExp(`^Kazakhstan: ${kzEvents.length} events from \\d{4} to \\d{4}; close`));
  assert.equal(await card.locator('svg.tone-strip').getAttribute('aria-hidden'), 'true');
  // An event is one row; opened, it gives its summary and numbered citations with
  // their locators, and each number points to its source, written out once in the view.
  const first = kzEvents.find((e) => e.title === oldest);
  const row = card.locator('.events-section .event').first();
  assert.equal(await row.locator('.event-summary').isVisible(), false, 'closed rows keep their details hidden');
  await row.getByRole('button', { name: new RegExp(first.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await row.locator('.event-summary').waitFor();
  assert.equal(await row.locator('.event-toggle').getAttribute('aria-expanded'), 'true');
  assert.equal(await row.locator('.event-summary').textContent(), first.summary);
  const cited = await card.locator('.cited-source').allTextContents();
  for (const citation of first.sources) {
    const source = dataset.sources.find((s) => s.id === citation.source);
    const number = cited.findIndex((t) => t.includes(`${source.title}, ${source.publisher}`)) + 1;
    assert.ok(number > 0, `${source.title} is written out in the view`);
    assert.ok((await row.locator('.source').allTextContents()).includes(`[${number}]${citation.locator}`));
  }
  assert.equal(cited.length, new Set(cited).size, 'each source written out once');
  await row.locator('.source .mark').first().click();
  await page.waitForFunction(() => document.querySelector('relations-card').shadowRoot.activeElement?.classList.contains('cited-source'));
  // Focus moved to the heading when the partner opened.
  assert.deepEqual(changes[0], { view: "partner", partner: "KZ", themes: [], kinds: [], from: null, to: null, q: '', oldestFirst: false, more: 0, list: false, filters: false, open: [] });

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
  const histogram = await card.locator('.histogram .caption').textContent();
  assert.match(histogram, /^Events per year from \d{4} to \d{4}; busiest years: /);
  // A drag across the picture picks the years it crosses.
  const chart = card.locator('svg.histogram-chart');
  const box = await chart.boundingBox();
  const years = await chart.locator('rect.column title').allTextContents();
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((to) => document.querySelector('relations-card').getAttribute('to') === to, years.at(-1).match(/\d{4}/)[0]);
  assert.equal(await card.getAttribute('from'), years[0].match(/\d{4}/)[0]);

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
  assert.deepEqual(titles, dataset.sources.map((s, i) => `[${i + 1}]${s.title}`), 'numbered, as the claims below cite them');
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
  // A page at a time, whole units; show more brings the rest.
  const first = await card.locator('.figure-rows > li').count();
  assert.ok(first >= 20 && first < dataset.figures.length, `${first} on the first page`);
  await card.getByRole('button', { name: /^Show more/ }).click();
  await page.waitForFunction((n) => document.querySelector('relations-card').shadowRoot.querySelectorAll('.figure-rows > li').length === n, dataset.figures.length);
  assert.equal(await card.getByRole('button', { name: /^Show more/ }).count(), 0);
  const units = await card.locator('.figure-chart .section-title').allTextContents();
  assert.deepEqual([...units].sort(), [...new Set(dataset.figures.map((f) => f.unit))].sort());
  assert.ok(await card.getByText('20 or 29 years', { exact: true }).isVisible());
  assert.ok(await card.getByText('50,000–70,000 people', { exact: true }).first().isVisible());
  // Like a row, a figure opens on its note and citations.
  const lease = card.getByRole('button', { name: /^20 or 29 years/ });
  await lease.click();
  await card.locator('.figure .event-summary:visible').first().waitFor();
  assert.equal(await lease.getAttribute('aria-expanded'), 'true');
  assert.doesNotMatch(await card.locator('.figure .event-summary:visible').first().textContent(), /^20 or 29 years/, 'the value is said once');
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
  await card.locator('.partner').first().focus();
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: /All partners/ }).waitFor();
  // Escape closes the partner page and focus returns to the partner.
  await page.keyboard.press('Escape');
  await card.locator('.partner').first().waitFor();
  const first = await card.locator('.partner').first().getAttribute('data-code');
  assert.equal(await page.evaluate(() => document.querySelector('relations-card').shadowRoot.activeElement?.dataset.code), first);
  await page.close();
});

test('no accessibility violations (axe-core) in any view, light and dark, at 360 and 1280 px', async () => {
  for (const width of [360, 1280]) {
    const { page } = await openPage('/', { width });
    await page.addScriptTag({ path: axePath });
    const card = mainCard(page);
    await ready(card);
    const check = async (label) => {
      const result = await page.evaluate(() => window.axe.run('relations-card'));
      const violations = result.violations.map(
        (v) => `${label} at ${width}px: ${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`,
      );
      assert.deepEqual(violations, []);
    };
    await visitEveryView(card, 'Iran', check);
    // A row open, with its citations and their marks.
    await card.locator('.event-toggle').first().click();
    await card.locator('.event-details:not([hidden])').first().waitFor();
    await check('an open row');
    await card.getByRole('tab', { name: 'Partners' }).click();
    await card.getByRole('button', { name: 'List of partners' }).click();
    await card.locator('.partner-name').first().waitFor();
    await check('the list of partners');
    await card.getByRole('button', { name: 'Map' }).click();
    // Colour contrast holds in the dark scheme too; without motion, so no
    // colour is measured halfway through a transition.
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await card.getByRole('tab', { name: 'Partners' }).click();
    await ready(card);
    await visitEveryView(card, 'Iran', (view) => check(`${view}, dark`));
    await page.close();
  }
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

test('printing shows the current view whole, rows open, without its controls or its frame', async () => {
  const { page } = await openPage('/');
  const card = mainCard(page);
  await ready(card);
  await card.getByRole('button', { name: /^Iran/ }).click();
  await card.getByRole('heading', { level: 3, name: 'Iran' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const shown = await card.evaluate((host) => {
    const root = host.shadowRoot;
    const visible = (selector) => [...root.querySelectorAll(selector)].some((n) => getComputedStyle(n).display !== 'none');
    const panel = root.querySelector('.panel');
    return {
      tools: visible('.tools'),
      back: visible('.back'),
      footer: visible('.footer'),
      events: visible('.event'),
      title: visible('.partner-title'),
      // The view whole, not the frame: every row open, nothing scrolled away.
      details: [...root.querySelectorAll('.event-details')].every((n) => getComputedStyle(n).display !== 'none'),
      framed: host.getBoundingClientRect().height <= 640 || panel.scrollHeight > panel.clientHeight + 1,
    };
  });
  assert.deepEqual(shown, { tools: false, back: false, footer: false, events: true, title: true, details: true, framed: false });
  await page.pdf({ path: `${shots}/print-iran.pdf` }).catch(() => {});
  await page.close();
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
