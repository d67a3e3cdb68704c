// `make bench-studio`: how long the spreadsheet importer takes on sheets of
// 200, 5,000 and 50,000 rows (synthetic datasets written as sheets by
// `relations export --format csv --out`): `relations import` natively, and
// in the studio page in headless Chromium from a keystroke to the problems
// or the card redrawn; and the studio's bytes and time to first use beside
// the card's. Prints medians; asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = (process.env.ROWS ?? '200,5000,50000').split(',').map(Number);
const root = new URL('..', import.meta.url).pathname;
const relations = join(root, 'target/release/relations');
execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'relations'], { cwd: root, stdio: 'inherit' });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (n) => `${n.toFixed(1)} ms`.padStart(10);

const work = mkdtempSync(join(tmpdir(), 'bench-studio-'));
const sheets = {};
for (const rows of SIZES) {
  const folder = join(work, String(rows));
  writeFileSync(join(work, `${rows}.json`), execFileSync(relations, ['synth', '--events', String(rows)], { maxBuffer: 1 << 30 }));
  execFileSync(relations, ['export', '--format', 'csv', '--out', folder, join(work, `${rows}.json`)], { stdio: 'ignore' });
  sheets[rows] = readdirSync(folder).sort().map((file) => join(folder, file));
}

console.log(`\nrelations import (native, release), median of ${RUNS}`);
for (const rows of SIZES) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    execFileSync(relations, ['import', ...sheets[rows]], { maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'ignore'] });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const bytes = sheets[rows].reduce((sum, file) => sum + readFileSync(file).length, 0);
  console.log(`${String(rows).padStart(6)} rows ${(bytes / 1024).toFixed(0).padStart(6)} KiB of sheets${ms(median(times))} (the whole process: read, import, check, write JSON)`);
}

const { server, url } = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

console.log(`\nthe studio in headless Chromium, median of ${RUNS}: a letter typed (in the card's title, which reads every sheet again) to`);
console.log('     (the page waits 120 ms for a next keystroke before it checks; not counted)');
console.log('              checked    status drawn    card redrawn, on screen');
for (const rows of SIZES) {
  const checked = [];
  const drawn = [];
  const card = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.goto(new URL('studio.html', url).href);
    await page.locator('#status').filter({ hasText: 'Paste a sheet' }).waitFor();
    // The records pasted, as an editor would; partners and sources as files;
    // whose relations and the title from the form (the card sheet left out).
    const records = sheets[rows].find((file) => file.endsWith('records.csv'));
    await page.locator('#files').setInputFiles(sheets[rows].filter((file) => /(partners|sources|places|disputes)\.csv$/.test(file)));
    await page.locator('#subject').fill('TJ');
    await page.locator('#title').fill('Bench');
    // As a paste puts it there (Playwright's fill types into the box, too slowly for megabytes).
    await page.locator('#sheet').evaluate((box, text) => {
      box.value = text;
      box.dispatchEvent(new Event('input'));
    }, readFileSync(records, 'utf8'));
    await page.locator('#status').filter({ hasText: 'No problems' }).waitFor({ timeout: 120_000 });
    const shown = await page.waitForFunction(() => document.getElementById('preview').datasetTitle === 'Bench', null, { timeout: 300_000 })
      .then(() => true, () => false);
    if (!shown) {
      console.log(`${String(rows).padStart(6)} rows: the card did not show the sheet within 300 s`);
      await page.close();
      break;
    }
    // The keystroke: a letter typed in the title, which the card then shows.
    const result = await page.evaluate(() => new Promise((resolve) => {
      const title = document.getElementById('title');
      const card = document.getElementById('preview');
      const status = document.getElementById('status');
      const started = performance.now();
      let drawnAt = 0;
      new MutationObserver((_, observer) => {
        drawnAt = performance.now();
        observer.disconnect();
      }).observe(status, { childList: true, characterData: true, subtree: true });
      const poll = () => {
        if (card.datasetTitle !== 'Bench!') return requestAnimationFrame(poll);
        const checkedAt = performance.getEntriesByName('relations-studio-checked').at(-1).detail.millis;
        resolve({ checkedAt, drawn: drawnAt - started, card: performance.now() - started });
      };
      title.value = 'Bench!';
      title.dispatchEvent(new Event('input'));
      poll();
    }));
    checked.push(result.checkedAt);
    drawn.push(result.drawn - 120);
    card.push(result.card - 120);
    await page.close();
  }
  if (checked.length) console.log(`${String(rows).padStart(6)} rows${ms(median(checked))}${ms(median(drawn)).padStart(17)}${ms(median(card)).padStart(22)}`);
}

console.log(`\nthe studio's first use, cold cache, median of ${RUNS}`);
const firstUse = [];
const transferred = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', async (response) => {
    const length = Number((await response.allHeaders())['content-length'] ?? 0);
    bytes += length;
  });
  await page.goto(new URL('studio.html', url).href);
  await page.waitForFunction(() => performance.getEntriesByName('relations-studio-ready').length > 0);
  firstUse.push(await page.evaluate(() => performance.getEntriesByName('relations-studio-ready')[0].startTime));
  transferred.push(bytes);
  await context.close();
}
console.log(`checker ready ${ms(median(firstUse))} after navigation, ${(median(transferred) / 1024).toFixed(1)} KiB transferred by then (gzip, with the example card)`);
const gz = (path) => (gzipSync(readFileSync(join(root, path)), { level: 9 }).length / 1024).toFixed(1);
console.log(`studio's own files (gzip): wasm ${gz('dist/package/pkg/studio/relations_card_studio_bg.wasm')} KiB, script ${gz('dist/package/studio.js')} KiB, ` +
  `styles ${gz('dist/package/studio.css')} KiB, page ${gz('dist/package/studio.html')} KiB; the example card's are in the size report`);
await browser.close();
server.close();
