// `make bench-card`: how fast the demo page's card shows its first view in
// headless Chromium with a cold cache, how many bytes it transfers (gzip, as
// served by scripts/serve.mjs), the JS heap and the card's DOM nodes — at
// full speed and with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate),
// as on a mid-range phone. Prints medians; asserts nothing.
//
// The first view is timed twice: when it is in the DOM (the element's
// `relations-card-ready` event) and when it is on screen (the frame after).
// The same page is also loaded with a placeholder element that shows one line
// at once and loads nothing: that "floor" is what the browser and the page
// take before any card could show, so the difference is the card's own cost.
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const { server, url } = await startServer();
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

/** The demo page as served, or with the card's files swapped for the
 * placeholder (inline, so it costs no request). Both runs pass through the
 * same interception, so they pay the same for it. */
async function routeDocument(page, placeholder) {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    if (placeholder) {
      body = body
        .replace(/\s*<link rel="preload"[^>]*>/g, '')
        .replace(/<script type="module" src="relations-card.js"><\/script>/, () =>
          `<script type="module" src="data:text/javascript,${encodeURIComponent(PLACEHOLDER)}"></script>`);
      if (!body.includes('data:text/javascript')) throw new Error('the demo page no longer loads relations-card.js as expected');
    }
    await route.fulfill({ response, body });
  });
}

async function once(throttle, placeholder) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable');
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const bytes = new Map();
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(urls.get(e.requestId), e.encodedDataLength));
  await routeDocument(page, placeholder);
  // Both times from navigation start, taken by the page itself.
  await page.addInitScript(() => {
    addEventListener('relations-card-ready', () => {
      window.firstCardView ??= performance.now();
      // requestAnimationFrame runs just before the next frame is drawn; a
      // task queued from there runs once it is.
      requestAnimationFrame(() => setTimeout(() => { window.firstCardShown ??= performance.now(); }));
    }, { once: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.firstCardShown !== undefined, null, { timeout: 60000 });
  const { firstView, firstShown } = await page.evaluate(() => ({ firstView: window.firstCardView, firstShown: window.firstCardShown }));
  const nodes = await page.evaluate(() => document.querySelector('relations-card').shadowRoot.querySelectorAll('*').length);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const card = [...bytes].filter(([u]) => /relations[-_]card|\/pkg\//.test(u ?? ''));
  await context.close();
  return {
    firstView,
    firstShown,
    cardBytes: card.reduce((sum, [, n]) => sum + n, 0),
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
  await page.waitForFunction(() => document.querySelector('#card')?.shadowRoot.querySelector('button.partner'));
  await page.waitForTimeout(300);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const timed = async (action) => {
    const ms = await page.evaluate((action) => new Promise((resolve) => {
      const root = document.querySelector('#card').shadowRoot;
      const search = root.querySelector('input[type=search]');
      const start = performance.now();
      if (action === 'partner') root.querySelector('button.partner').click();
      else if (action === 'timeline') [...root.querySelectorAll('[role=tab]')].find((t) => t.dataset.key === 'tab-timeline').click();
      else {
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
    type: await timed('type'),
    clear: await timed('clear'),
  };
  await context.close();
  return result;
}

console.log(`card load benchmark: ${RUNS} cold loads of ${url} each, medians (Chromium ${browser.version()})`);
for (const throttle of [1, 4]) {
  const runs = [];
  const floor = [];
  // Interleaved, so both see the same machine.
  for (let i = 0; i < RUNS; i++) {
    runs.push(await once(throttle, false));
    floor.push(await once(throttle, true));
  }
  const m = (key, list = runs) => median(list.map((r) => r[key]));
  const ms = (key) => `${m(key).toFixed(0)} ms (floor ${m(key, floor).toFixed(0)}, card's own ${(m(key) - m(key, floor)).toFixed(0)})`;
  console.log(`CPU ${throttle}x: first view in the DOM ${ms('firstView')}, on screen ${ms('firstShown')}`);
  console.log(
    `  card transfer ${(m('cardBytes') / 1024).toFixed(1)} KiB gzip (whole page ${(m('pageBytes') / 1024).toFixed(1)} KiB) · ` +
      `JS heap ${(m('heap') / 1048576).toFixed(1)} MB (floor ${(m('heap', floor) / 1048576).toFixed(1)}) · ${m('nodes')} DOM nodes in the card`,
  );
  if (throttle === 1) console.log(`  files: ${runs[0].files.join(', ')}`);
  const acts = [];
  for (let i = 0; i < RUNS; i++) acts.push(await interactions(throttle));
  const a = (key) => `${m(key, acts).toFixed(0)} ms`;
  console.log(
    `  after acting, to the next frame: open a partner ${a('partner')} · open the timeline ${a('timeline')} · ` +
      `type a word in the search box ${a('type')} · clear it ${a('clear')}`,
  );
}
await browser.close();
server.close();
