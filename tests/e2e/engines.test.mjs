// The reader's paths in the two engines besides Chromium that readers meet:
// WebKit (every browser on an iPhone) and Firefox. Load, every view, a
// partner, search and the keyboard, checked by what the card shows; the
// features the card falls back from, said when an engine lacks them; and
// screenshots at phone and desktop widths. The drivers are in engines.mjs.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';
import { root, dataset, shots } from './dataset.mjs';
import { launch } from './engines.mjs';

/** Put in the demo page before anything else: what went wrong on the page
 * (WebDriver classic has no console to read, so both engines use this), when
 * the main card said it is ready, and two look-ups in the main card. */
function testPage() {
  window.problems = [];
  addEventListener('error', (event) => {
    const what = event.target;
    problems.push(event.message ? `pageerror: ${event.message}` : `failed to load ${what.src ?? what.href}`);
  }, true);
  addEventListener('unhandledrejection', (event) => problems.push(`unhandledrejection: ${event.reason}`));
  const consoleError = console.error;
  console.error = (...args) => {
    problems.push(`console.error: ${args.join(' ')}`);
    consoleError.apply(console, args);
  };
  window.cardReady = false;
  document.addEventListener('relations-card-ready', (event) => {
    if (event.target.id === 'card') window.cardReady = true;
  });
  const shadow = () => document.querySelector('#card').shadowRoot;
  /** The first element for a selector whose text or label starts with `text`. */
  window.inCard = (selector, text = '') => [...shadow().querySelectorAll(selector)]
    .find((node) => node.textContent.trim().startsWith(text) || (node.getAttribute('aria-label') ?? '').startsWith(text)) ?? null;
  window.textsInCard = (selector) => [...shadow().querySelectorAll(selector)].map((node) => node.textContent);
  window.focusedInCard = () => shadow().activeElement;
}
const page = readFileSync(`${root}www/index.html`, 'utf8').replace('<meta charset="utf-8">', `$&\n<script>(${testPage})()</script>`);

let server;
let pageUrl;
before(async () => {
  let url;
  ({ server, url } = await startServer({ pages: { '/engines.html': page } }));
  pageUrl = `${url}engines.html`;
});
after(() => server?.close());

/** Polls the page until fn answers truthily; fails saying what it waited for. */
async function waitFor(engine, what, fn, ...args) {
  const deadline = Date.now() + 15_000;
  let last;
  while (Date.now() < deadline) {
    last = await engine.evaluate(fn, ...args);
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${engine.name}: waited 15 s for ${what} (last answer: ${JSON.stringify(last)})`);
}

async function openDemo(engine, size = { width: 1280, height: 900 }) {
  await engine.open(pageUrl, size);
  await waitFor(engine, 'relations-card-ready and a partner on the overview', () => window.cardReady && inCard('.partner') !== null);
}

const noProblems = async (engine) => assert.deepEqual(await engine.evaluate(() => window.problems), []);
const eventsOf = (code) => dataset.events.filter((e) => e.partners.includes(code));
const count = (n) => `${n} ${n === 1 ? 'event' : 'events'}`;

for (const name of ['firefox', 'webkit']) {
  describe(`in ${name}`, () => {
    let engine;
    before(async () => {
      engine = await launch[name]();
    });
    after(() => engine?.close());

    test('the overview, a partner opened from the map and from the list, and every tab show the dataset', async (t) => {
      t.diagnostic(`${name} ${engine.version}`);
      await openDemo(engine);
      assert.equal(await engine.evaluate(() => inCard('h2').textContent), dataset.title);
      const onMap = await engine.evaluate(() => [...document.querySelector('#card').shadowRoot.querySelectorAll('.map-chart .country')].map((p) => p.dataset.code));
      assert.deepEqual(onMap.sort(), dataset.partners.filter((p) => p.kind === 'country').map((p) => p.code).sort());

      // A tap on the map opens the partner (the middle of Afghanistan's shape is Afghanistan).
      await engine.click(() => inCard('.map-chart .country[data-code="AF"]'));
      await waitFor(engine, "Afghanistan's page", () => inCard('h3.partner-title')?.textContent === 'Afghanistan');
      assert.equal(await engine.evaluate(() => inCard('.events-section .section-title').textContent), count(eventsOf('AF').length));
      await engine.click(() => inCard('.back'));
      await waitFor(engine, 'the overview again', () => inCard('.map-chart') !== null);

      await engine.click(() => inCard('button', 'List of partners'));
      await waitFor(engine, 'the list of partners', () => inCard('.partner-name') !== null);
      assert.deepEqual((await engine.evaluate(() => textsInCard('.partner-name'))).sort(), dataset.partners.map((p) => p.name).sort());
      assert.deepEqual((await engine.evaluate(() => textsInCard('.region-title'))).sort(), [...new Set(dataset.partners.map((p) => p.region))].sort());

      await engine.click(() => inCard('.partner', 'Kazakhstan'));
      await waitFor(engine, "Kazakhstan's page", () => inCard('h3.partner-title')?.textContent === 'Kazakhstan');
      assert.equal(await engine.evaluate(() => document.querySelector('#card').getAttribute('partner')), 'KZ');
      const kz = eventsOf('KZ');
      assert.equal(await engine.evaluate(() => inCard('.events-section .section-title').textContent), count(kz.length));
      const titles = await engine.evaluate(() => textsInCard('.events-section .event-title'));
      assert.equal(titles.length, Math.min(20, kz.length));
      for (const title of titles) assert.ok(kz.some((e) => e.title === title), title);
      // A row opens on its summary.
      await engine.click(() => inCard('.events-section .event-toggle'));
      const summary = await waitFor(engine, 'the first row open', () => inCard('.events-section .event-summary')?.checkVisibility() && inCard('.events-section .event-summary').textContent);
      assert.equal(summary, kz.find((e) => e.title === titles[0]).summary);

      await engine.click(() => inCard('[role=tab]', 'Timeline'));
      await waitFor(engine, 'the timeline', () => inCard('svg.histogram-chart') !== null);
      // The partner chosen stays as the timeline's filter.
      assert.equal(await engine.evaluate(() => inCard('.list-head .section-title').textContent), count(kz.length));
      assert.match(await engine.evaluate(() => inCard('.histogram .caption').textContent), /^Events per year from \d{4} to \d{4}; busiest years: /);

      await engine.click(() => inCard('[role=tab]', 'Figures'));
      await waitFor(engine, 'the figures', () => inCard('svg.figures-chart') !== null);
      const units = new Set(dataset.figures.map((f) => f.unit));
      const shownUnits = await engine.evaluate(() => textsInCard('.figure-chart .section-title'));
      assert.ok(shownUnits.length > 0 && shownUnits.every((u) => units.has(u)), shownUnits.join(', '));
      assert.ok(await engine.evaluate(() => textsInCard('.figure-rows > li').length >= 20));

      await engine.click(() => inCard('[role=tab]', 'Sources'));
      await waitFor(engine, 'the sources', () => inCard('.source-card') !== null);
      assert.deepEqual(await engine.evaluate(() => textsInCard('.source-card .source-title')), dataset.sources.map((s, i) => `[${i + 1}]${s.title}`));
      assert.equal(await engine.evaluate(() => textsInCard('section.dispute').length), dataset.disputes.length);
      await noProblems(engine);
    });

    test('searching answers as the reader types and keeps the caret in the box', async () => {
      await openDemo(engine);
      await engine.click(() => inCard('input[type=search]'));
      await engine.type('pyanj');
      await waitFor(engine, 'the timeline with the bridge over the Panj', () => inCard('[role=tab][aria-selected=true]').textContent === 'Timeline'
        && textsInCard('.event-title').some((t) => t.includes('bridge over the Panj')));
      await waitFor(engine, 'q="pyanj"', () => document.querySelector('#card').getAttribute('q') === 'pyanj');
      assert.equal(await engine.evaluate(() => focusedInCard()?.dataset.key), 'search');
      const shown = await engine.evaluate(() => textsInCard('.events .event').length);
      await waitFor(engine, 'the count said', () => /^\d+ events? match/.test(document.querySelector('#card').shadowRoot.querySelector('.visually-hidden[role=status]').textContent));
      const said = await engine.evaluate(() => document.querySelector('#card').shadowRoot.querySelector('.visually-hidden[role=status]').textContent);
      assert.equal(said, `${shown} ${shown === 1 ? 'event matches' : 'events match'}`);
      await noProblems(engine);
    });

    test('keyboard: Tab reaches the tabs, arrow keys move between them, Enter opens a partner, Escape goes back', async () => {
      await openDemo(engine);
      /** Presses Tab until the focus is where `wanted` (a page function) says. */
      const tabTo = async (what, wanted) => {
        const seen = [];
        for (let presses = 0; presses < 40; presses++) {
          await engine.press('Tab');
          if (await engine.evaluate(wanted)) return;
          seen.push(await engine.evaluate(() => focusedInCard()?.dataset.key ?? `page: ${document.activeElement?.tagName}`));
        }
        assert.fail(`${name}: Tab never reached ${what}; focus went ${seen.join(' → ')}`);
      };
      await tabTo('the Partners tab', () => focusedInCard()?.dataset.key === 'tab-overview');
      await engine.press('ArrowRight');
      await waitFor(engine, 'Timeline chosen and focused', () => inCard('[role=tab][aria-selected=true]').textContent === 'Timeline' && focusedInCard()?.dataset.key === 'tab-timeline');
      await engine.press('End');
      await waitFor(engine, 'Sources chosen', () => inCard('[role=tab][aria-selected=true]').textContent === 'Sources');
      await engine.press('Home');
      await waitFor(engine, 'Partners chosen and focused', () => inCard('[role=tab][aria-selected=true]').textContent === 'Partners' && focusedInCard()?.dataset.key === 'tab-overview');
      // On to the first country of the map, then into it with Enter.
      await tabTo('a country on the map', () => focusedInCard()?.classList.contains('country'));
      const code = await engine.evaluate(() => focusedInCard().dataset.code);
      const label = await engine.evaluate(() => focusedInCard().getAttribute('aria-label'));
      await engine.press('Enter');
      await waitFor(engine, "the partner's page", (l) => l.startsWith(`${inCard('h3.partner-title')?.textContent}:`), label);
      await engine.press('Escape');
      await waitFor(engine, 'the overview with focus back on the partner', (c) => focusedInCard()?.dataset.code === c, code);
      await noProblems(engine);
    });

    test('what the card falls back from: the clipboard and idle callbacks, each said when the engine lacks it', async (t) => {
      await openDemo(engine);
      const has = await engine.evaluate(() => ({ requestIdleCallback: typeof requestIdleCallback === 'function', clipboard: typeof navigator.clipboard?.writeText === 'function' }));
      if (!has.requestIdleCallback) t.diagnostic(`${name} has no requestIdleCallback: the search index is made 200 ms after the first view instead (searching is tested above)`);
      // Copy citation: to the clipboard, or, where the engine has none or refuses, a box to copy from.
      await engine.click(() => inCard('.footer button', 'Copy citation'));
      const outcome = await waitFor(engine, 'the citation copied or shown to copy by hand', () => {
        const root = document.querySelector('#card').shadowRoot;
        if (root.querySelector('.visually-hidden[role=status]').textContent === 'Citation copied') return 'copied';
        const box = root.querySelector('textarea.citation');
        return box && { shown: box.value };
      });
      if (outcome !== 'copied') {
        t.diagnostic(`${name} ${has.clipboard ? 'refused or failed navigator.clipboard.writeText' : 'has no navigator.clipboard'}: the citation is shown in a box to copy by hand`);
        assert.match(outcome.shown, new RegExp(dataset.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      }
      await noProblems(engine);
    });

    // Headless Firefox here draws classic 12 px scrollbars (as Firefox on
    // Windows with scrollbars always shown), beside the page, the panel and
    // the tab row: at 360 px its card is 12 px narrower than in Chromium or
    // WebKit (overlay scrollbars), and the tabs may not fit.
    test('screenshots of the overview and a partner at 360 and 1280 px, nothing wider than the screen', async (t) => {
      for (const [width, height] of [[360, 800], [1280, 900]]) {
        await openDemo(engine, { width, height });
        const overflow = () => engine.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(await overflow() <= 0, `${name}: the page is wider than a ${width} px screen`);
        // Tabs too wide for the card scroll sideways, none lost.
        const tabs = await engine.evaluate(() => {
          const row = document.querySelector('#card').shadowRoot.querySelector('.tabs');
          return { over: row.scrollWidth - row.clientWidth, scrolls: getComputedStyle(row).overflowX, scrollbar: row.offsetHeight - row.clientHeight };
        });
        if (tabs.over > 0) {
          assert.equal(tabs.scrolls, 'auto', `${name}: the tab row is ${tabs.over} px too wide at ${width} px and does not scroll`);
          t.diagnostic(`${name} at ${width} px: the tab row is ${tabs.over} px wider than the card (scrollbars take ${tabs.scrollbar} px here) and scrolls sideways`);
        }
        await engine.screenshot(() => document.querySelector('#card'), `${shots}/${name}-overview-${width}.png`);
        await engine.click(() => inCard('button', 'List of partners'));
        await engine.click(() => inCard('.partner', 'Afghanistan'));
        await waitFor(engine, "Afghanistan's page", () => inCard('h3.partner-title')?.textContent === 'Afghanistan');
        assert.ok(await overflow() <= 0, `${name}: a partner's page is wider than a ${width} px screen`);
        await engine.screenshot(() => document.querySelector('#card'), `${shots}/${name}-partner-${width}.png`);
        await noProblems(engine);
      }
    });
  });
}
