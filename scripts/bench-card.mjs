// `make bench-card`: how fast the demo page's card shows its first view in
// headless Chromium with a cold cache, how many bytes it transfers (gzip, as
// served by scripts/serve.mjs), the JS heap and the card's DOM nodes — at
// full speed and with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate),
// as on a mid-range phone. Prints medians; asserts nothing.
//
// The first view is timed twice: when it is in the DOM (the element's
// `relations-card-first-view` User Timing mark, set when a view made ahead
// of time or by the core is drawn, map and all) and when it is on screen
// (the frame after). Apart, when the core answers (`relations-card-ready`).
// The same page is also loaded with two stand-ins for the card, so the
// numbers say where the time goes:
// - the floor: an element that shows one line at once and loads nothing,
//   which is what the browser and the page take before any card could show;
// - the wasm alone: an element that loads the card's own WebAssembly and its
//   glue (requested as early as the card's) and shows one line from it,
//   without reading the dataset or drawing a view.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

// The placeholder: a <relations-card> that shows one line as soon as it is
// defined and announces it as the real one does.
const PLACEHOLDER = `customElements.define('relations-card', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('p'), { textContent: 'A card.' }));
    queueMicrotask(() => this.dispatchEvent(new CustomEvent('relations-card-ready', { bubbles: true, composed: true })));
  }
});`;

// The wasm alone: the card's glue and WebAssembly, one line from the core.
// The element itself is inline (no request) and the glue and the wasm are
// preloaded: the same requests, as early, as the card's bundle and wasm.
const WASM_ALONE = `const core = import(new URL('pkg/relations_card.js', document.baseURI).href).then(async (glue) => {
  await glue.default({ module_or_path: fetch(new URL('pkg/relations_card_bg.wasm', document.baseURI)) });
  return glue;
});
customElements.define('relations-card', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    core.then((glue) => {
      const loading = new glue.Card({}, 'en', true).frame().screen.body.text;
      root.append(Object.assign(document.createElement('p'), { textContent: loading }));
      this.dispatchEvent(new CustomEvent('relations-card-ready', { bubbles: true, composed: true }));
    });
  }
});`;

/** The kinds of load, each the demo page: as it ships, or with its script
 * swapped for a stand-in (inline, so the stand-in costs no request). The
 * variants are served as pages of their own, not rewritten on the way: an
 * interception would slow every request, the card's more than the floor's. */
const demo = readFileSync(new URL('../www/index.html', import.meta.url), 'utf8');
function standInPage(script, keepWasmPreload) {
  // With the wasm, the glue is preloaded too: the card's bundle, which
  // holds it, is requested as early.
  const glue = '\n  <link rel="modulepreload" href="pkg/relations_card.js">';
  const page = demo
    .replace(/\s*<link rel="preload"[^>]*>/g, (link) => (keepWasmPreload && link.includes('.wasm') ? link + glue : ''))
    .replace(/<script type="module" src="relations-card.js"><\/script>/, () =>
      `<script type="module" src="data:text/javascript,${encodeURIComponent(script)}"></script>`);
  if (!page.includes('data:text/javascript')) throw new Error('the demo page no longer loads relations-card.js as expected');
  return page;
}

/** For comparison, the yardstick: TimelineJS on the same page, in
 * the main card's place (and none in the sidebar), with 150 of the same
 * events as a JSON file; timed to its first event marker, as the issue did.
 * Its web fonts come from Google's servers, so they are turned off (`font:
 * null`): the benchmark makes no request to another origin. */
const TIMELINEJS = createRequire(import.meta.url).resolve('@knight-lab/timelinejs/package.json').replace(/package\.json$/, 'dist');
const TIMELINEJS_VERSION = JSON.parse(readFileSync(join(TIMELINEJS, '..', 'package.json'), 'utf8')).version;
function timelineJsPage() {
  const page = demo
    .replace(/\s*<link rel="preload"[^>]*>/g, '')
    .replace(/<script type="module" src="relations-card.js"><\/script>/, () =>
      '<link rel="stylesheet" href="bench-timelinejs/css/timeline.css">\n  <script src="bench-timelinejs/js/timeline.js"></script>')
    .replace(/<relations-card id="card"[^]*?<\/relations-card>/, () =>
      `<div id="timeline-embed" style="height: 600px"></div>
        <script>new TL.Timeline('timeline-embed', 'bench-timelinejs-events.json', { hash_bookmark: false, font: null });</script>`)
    .replace(/<relations-card[^]*?<\/relations-card>/g, '');
  if (/<relations-card|relations-card\.js/.test(page) || !page.includes('TL.Timeline')) throw new Error('the demo page changed: update timelineJsPage');
  return page;
}
/** The newest 150 events of the built-in dataset, as TimelineJS reads them. */
function timelineJsEvents() {
  const dataset = JSON.parse(readFileSync(new URL('../data/tajikistan.json', import.meta.url), 'utf8'));
  const day = (text) => {
    const [, year, month, dayOfMonth] = /(-?\d{1,4})(?:-(\d\d))?(?:-(\d\d))?/.exec(text);
    return { year: Number(year), ...(month && { month: Number(month) }), ...(dayOfMonth && { day: Number(dayOfMonth) }) };
  };
  const events = dataset.events.slice(-150).map((event) => {
    const [start, end] = event.date.split('/');
    // The English of each text (the file gives some in several languages).
    const english = (text) => (typeof text === 'string' ? text : text.en);
    return { start_date: day(start), ...(end && { end_date: day(end) }), text: { headline: english(event.title), text: english(event.summary) } };
  });
  return JSON.stringify({ title: { text: { headline: dataset.title.en ?? dataset.title } }, events });
}

const LOADS = {
  card: '/',
  floor: '/bench-floor.html',
  wasmAlone: '/bench-wasm-alone.html',
  timelineJs: '/bench-timelinejs.html',
};
const { server, url } = await startServer({
  pages: {
    [LOADS.floor]: standInPage(PLACEHOLDER, false),
    [LOADS.wasmAlone]: standInPage(WASM_ALONE, true),
    [LOADS.timelineJs]: timelineJsPage(),
    '/bench-timelinejs-events.json': timelineJsEvents(),
  },
  extraMounts: [['/bench-timelinejs/', TIMELINEJS]],
});

/** Lighthouse's mobile network: 150 ms round trips, 1.6 Mbps down, 750 kbps up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function once(throttle, path, network) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A new context has an empty cache. Bytes are counted by the page itself
  // (Resource Timing): the CDP Network domain keeps a copy of every body,
  // which slowed the card's larger responses more than the floor's (it is
  // enabled only to slow the network, for every kind of load alike).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  // Both times from navigation start, taken by the page itself.
  await page.addInitScript((watchForMarkers) => {
    const shown = () => {
      window.firstCardView ??= performance.now();
      // requestAnimationFrame runs just before the next frame is drawn; a
      // task queued from there runs once it is.
      requestAnimationFrame(() => setTimeout(() => { window.firstCardShown ??= performance.now(); }));
    };
    // The card marks its first view (made ahead of time, or by the core)
    // with User Timing; the stand-ins have only the ready event.
    // (Watched as it is made: a PerformanceObserver is told only once the
    // main thread is free, after the work that follows the view.)
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'relations-card-first-view') shown();
      return mark(name, ...rest);
    };
    addEventListener('relations-card-ready', () => { window.cardReady ??= performance.now(); shown(); }, { once: true });
    // TimelineJS has no such event: its first event marker is watched for,
    // on its page alone, so no other load pays for the watching.
    if (!watchForMarkers) return;
    const markers = new MutationObserver(() => {
      if (document.querySelector('.tl-timemarker')) { markers.disconnect(); shown(); }
    });
    markers.observe(document, { childList: true, subtree: true });
  }, path === LOADS.timelineJs);
  await page.goto(new URL(path, url).href);
  await page.waitForFunction(() => window.firstCardShown !== undefined && (window.cardReady !== undefined || !document.querySelector('relations-card')), null, { timeout: 60000 });
  const { firstView, firstShown, ready } = await page.evaluate(() => ({ firstView: window.firstCardView, firstShown: window.firstCardShown, ready: window.cardReady ?? window.firstCardView }));
  const nodes = await page.evaluate(() =>
    (document.querySelector('relations-card')?.shadowRoot ?? document.querySelector('#timeline-embed')).querySelectorAll('*').length);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  // Once the page has settled, so the second card and the favicon count too.
  await page.waitForLoadState('load');
  await page.waitForTimeout(200);
  const entries = await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .map((entry) => [entry.name, entry.transferSize, entry.responseEnd]));
  const bytes = new Map(entries.map(([name, size]) => [name, size]));
  // What the card (or TimelineJS) brings, not the page around it.
  const ours = (u) => /relations[-_]card|\/pkg\/|\/bench-timelinejs(\/|-events\.json)/.test(u);
  const card = [...bytes].filter(([u]) => ours(u));
  await context.close();
  return {
    firstView,
    firstShown,
    ready,
    cardBytes: card.reduce((sum, [, n]) => sum + n, 0),
    // Of those, what had arrived when the first view was drawn.
    firstViewBytes: entries.filter(([u, , end]) => ours(u) && end <= firstView).reduce((sum, [, n]) => sum + n, 0),
    pageBytes: [...bytes.values()].reduce((sum, n) => sum + n, 0),
    heap: metrics.JSHeapUsedSize,
    nodes,
    files: card.map(([u, n]) => `${new URL(u).pathname} ${(n / 1024).toFixed(1)} KiB`),
  };
}

/** What a reader waits for after acting, to the next frame drawn (as the
 * browser's "interaction to next paint" counts it): opening a partner, the
 * timeline, and typing into the search box. Once the card has loaded. */
async function interactions(throttle) {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#card')?.shadowRoot.querySelector('.partner'));
  await page.waitForTimeout(300);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const timed = async (action) => {
    const ms = await page.evaluate((action) => new Promise((resolve) => {
      const root = document.querySelector('#card').shadowRoot;
      const search = root.querySelector('input[type=search]');
      const start = performance.now();
      const click = (target) => target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const pointer = (type, share) => {
        const chart = root.querySelector('svg.histogram-chart');
        const box = chart.getBoundingClientRect();
        chart.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 1, isPrimary: true, button: 0, clientX: box.left + box.width * share, clientY: box.top + 10 }));
      };
      if (action === 'partner') click(root.querySelector('.partner'));
      else if (action === 'timeline') click([...root.querySelectorAll('[role=tab]')].find((t) => t.dataset.key === 'tab-timeline'));
      else if (action === 'row') click(root.querySelector('.event-toggle'));
      else if (action === 'years') {
        pointer('pointerdown', 0.4);
        pointer('pointermove', 0.7);
        pointer('pointerup', 0.7);
      } else {
        search.value = action === 'type' ? 'bord' : '';
        search.dispatchEvent(new Event('input', { bubbles: true }));
      }
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
    }), action);
    await page.waitForTimeout(100);
    return ms;
  };
  const result = {
    partner: await timed('partner'),
    timeline: await timed('timeline'),
    row: await timed('row'),
    years: await timed('years'),
    type: await timed('type'),
    clear: await timed('clear'),
  };
  await context.close();
  return result;
}

console.log(`card load benchmark: ${RUNS} cold loads of ${url} each, medians (Chromium ${browser.version()})`);
const PASSES = [
  { name: 'CPU 1x', throttle: 1 },
  { name: 'CPU 4x', throttle: 4 },
  { name: 'CPU 4x on a slow 4G network (Lighthouse\'s mobile: 150 ms, 1.6 Mbps)', throttle: 4, network: SLOW_4G },
];
for (const { name, throttle, network } of PASSES) {
  const loads = Object.fromEntries(Object.keys(LOADS).map((kind) => [kind, []]));
  // Interleaved, so every kind of load sees the same machine.
  for (let i = 0; i < RUNS; i++) {
    for (const [kind, path] of Object.entries(LOADS)) loads[kind].push(await once(throttle, path, network));
  }
  const runs = loads.card;
  const m = (key, list = runs) => median(list.map((r) => r[key]));
  const ms = (key) =>
    `${m(key).toFixed(0)} ms (floor ${m(key, loads.floor).toFixed(0)}, card's own ${(m(key) - m(key, loads.floor)).toFixed(0)}; ` +
    `the wasm alone ${m(key, loads.wasmAlone).toFixed(0)})`;
  console.log(`${name}: first view in the DOM ${ms('firstView')}, on screen ${ms('firstShown')}`);
  console.log(`  the core answering (relations-card-ready: the dataset read, the view made live) ${ms('ready')}`);
  const timelineJs = (key) => m(key, loads.timelineJs);
  console.log(
    `  for comparison, TimelineJS ${TIMELINEJS_VERSION} in the card's place with 150 of its events: first event marker in the DOM ` +
      `${timelineJs('firstView').toFixed(0)} ms, on screen ${timelineJs('firstShown').toFixed(0)} ms; ` +
      `${(timelineJs('cardBytes') / 1024).toFixed(1)} KiB gzip; ${timelineJs('nodes')} DOM nodes`,
  );
  console.log(
    `  card transfer ${(m('cardBytes') / 1024).toFixed(1)} KiB gzip, ${(m('firstViewBytes') / 1024).toFixed(1)} KiB of it in by the first view ` +
      `(TimelineJS ${(timelineJs('firstViewBytes') / 1024).toFixed(1)}; whole page ${(m('pageBytes') / 1024).toFixed(1)} KiB) · ` +
      `JS heap ${(m('heap') / 1048576).toFixed(1)} MB (floor ${(m('heap', loads.floor) / 1048576).toFixed(1)}) · ${m('nodes')} DOM nodes in the card`,
  );
  if (throttle === 1) console.log(`  files: ${runs[0].files.join(', ')}`);
  if (network) continue;
  const acts = [];
  for (let i = 0; i < RUNS; i++) acts.push(await interactions(throttle));
  const a = (key) => `${m(key, acts).toFixed(0)} ms`;
  console.log(
    `  after acting, to the next frame: open a partner ${a('partner')} · open the timeline ${a('timeline')} · ` +
      `open a row ${a('row')} · drag across years ${a('years')} · type a word in the search box ${a('type')} · clear it ${a('clear')}`,
  );
}
await browser.close();
server.close();
