// What the end-to-end test files that run in Chromium share: the demo server
// and headless Debian Chromium (driven by playwright-core), started once per
// file, and the small steps the tests take on the demo page (the dataset and
// paths come from dataset.mjs).
import { before, after } from 'node:test';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { datasetInEveryLanguage } from './dataset.mjs';

export { root, dataset, datasetInEveryLanguage, shots } from './dataset.mjs';
export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server;
/** Set before the tests of a file run (live bindings). */
export let baseUrl;
export let browser;

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
export async function openPage(path, { width = 1280, height = 900 } = {}) {
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
export const mainCard = (page) => page.locator('relations-card').first();

/** Walks from the partner list through a partner's page and every tab,
 * calling `visit(name)` once each view is up. */
export async function visitEveryView(card, partner, visit) {
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

/** Waits for the card's first view (a partner button) with the core behind
 * it: a view made ahead of time shows before the core is there. */
export async function ready(card) {
  await card.locator('.partner').first().waitFor();
  await card.page().waitForFunction((host) => host.state.view !== undefined, await card.elementHandle());
}

export const sortKey = (date) => {
  const [start, end = start] = date.replace('~', '').split('/');
  const pad = (d, last) => {
    const [y, m = last ? '12' : '01', day = last ? '31' : '01'] = d.split('-');
    return `${y}-${m}-${day}`;
  };
  return `${pad(start, false)}|${pad(end, true)}`;
};

/** Adds a card for a dataset URL to the demo page; returns its locator. */
export async function addCard(page, src) {
  await page.evaluate((url) => {
    const card = document.createElement('relations-card');
    card.id = 'added';
    card.setAttribute('src', url);
    document.querySelector('main').prepend(card);
  }, src);
  return page.locator('#added');
}

/** Counts calls into the WebAssembly by name: the page's instance gets a
 * copy of its exports whose functions count (wasm-bindgen's own helpers,
 * `__wbindgen_*`, are the marshalling of one call, not calls of their own). */
export async function countCrossings(page) {
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

/** Every dataset string, so what is left of a text once they are taken out is the interface's. */
export function datasetStrings() {
  const strings = new Set();
  const walk = (value) => {
    if (typeof value === 'string') strings.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(datasetInEveryLanguage);
  return [...strings].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
}
