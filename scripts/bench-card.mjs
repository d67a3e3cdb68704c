// `make bench-card`: how fast the demo page's card shows its first view in
// headless Chromium with a cold cache, how many bytes it transfers (gzip, as
// served by scripts/serve.mjs), the JS heap and the card's DOM nodes — at
// full speed and with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate),
// as on a mid-range phone. Prints medians; asserts nothing.
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

async function once(throttle) {
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
  // The first view's time, from navigation start, taken by the page itself.
  await page.addInitScript(() => {
    addEventListener('relations-card-ready', () => { window.firstCardView ??= performance.now(); }, { once: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.firstCardView !== undefined, null, { timeout: 60000 });
  const firstView = await page.evaluate(() => window.firstCardView);
  const nodes = await page.evaluate(() => document.querySelector('relations-card').shadowRoot.querySelectorAll('*').length);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const card = [...bytes].filter(([u]) => /relations[-_]card|\/pkg\//.test(u ?? ''));
  await context.close();
  return {
    firstView,
    cardBytes: card.reduce((sum, [, n]) => sum + n, 0),
    pageBytes: [...bytes.values()].reduce((sum, n) => sum + n, 0),
    heap: metrics.JSHeapUsedSize,
    nodes,
    files: card.map(([u, n]) => `${new URL(u).pathname} ${(n / 1024).toFixed(1)} KiB`),
  };
}

console.log(`card load benchmark: ${RUNS} cold loads of ${url} each, medians (Chromium ${browser.version()})`);
for (const throttle of [1, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(throttle));
  const m = (key) => median(runs.map((r) => r[key]));
  console.log(
    `CPU ${throttle}x: first view ${m('firstView').toFixed(0)} ms · card transfer ${(m('cardBytes') / 1024).toFixed(1)} KiB gzip ` +
      `(whole page ${(m('pageBytes') / 1024).toFixed(1)} KiB) · JS heap ${(m('heap') / 1048576).toFixed(1)} MB · ${m('nodes')} DOM nodes in the card`,
  );
  if (throttle === 1) console.log(`  files: ${runs[0].files.join(', ')}`);
}
await browser.close();
server.close();
