// What cards on a page share: one download and one instance of the core, each
// dataset fetched once, first views one frame apart. Why a dataset could not
// be had is reported as facts (a Failure); the core words it for the reader.
import { freshGlue, mapSource, textsSource, wasmSource } from './assets.js';

let core = null;

/** First views made ahead of time (pkg/first-views.js) that are being
 * drawn. Starting the core (compiling, reading a dataset) holds the main thread
 * for tens of milliseconds, so it waits for every early view on the page,
 * map and all. */
const earlyViews = new Set();
export function drawingEarly(drawn) {
  const shown = drawn.finally(nextFrame);
  earlyViews.add(shown);
  shown.finally(() => earlyViews.delete(shown));
}

/** Resolves once the next frame is on screen (or soon, on a hidden page,
 * which has no frames). */
function nextFrame() {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); resolve(); };
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() => setTimeout(done));
  });
}
const datasets = new Map();

/** Which generation of the core is current. A trap leaves the instance it
 * was in (its memory, its allocator) and every object in it half-changed,
 * so the card that met it drops them all (`afterTrap`): the next call makes
 * a fresh instance, and every card makes itself again in it, with its
 * dataset read again. */
let generation = 0;
export const coreGeneration = () => generation;
export function afterTrap() {
  generation++;
  datasets.clear();
  core = null;
}

/** The first glue: bundled with the element, it keeps one instance. */
let firstGlue = null;

/** The core's glue, initialised. The .wasm is requested at once, beside the
 * glue module (bundled into the element: then no request at all), not after
 * it; it is compiled once the early views are drawn. */
export function loadCore() {
  if (firstGlue && generation > 0) {
    core ??= freshCore();
    return core;
  }
  core ??= (async () => {
    const wasm = wasmSource();
    // Early views first: compiling and instantiating would hold them back
    // on a phone's few cores. After a task, every card the page made in
    // this one has said whether it draws one.
    await new Promise((resolve) => setTimeout(resolve));
    await Promise.allSettled(earlyViews);
    const glue = await import('../../pkg/relations_card.js');
    await glue.default({ module_or_path: wasm });
    firstGlue = glue;
    return glue;
  })();
  return core;
}

/** A fresh instance after a trap, in a glue of its own (one glue holds one
 * instance), from the .wasm again (the browser's cache has it). Where no
 * second glue can be had (the single file), the first instance goes on,
 * with fresh objects. */
async function freshCore() {
  const fresh = await freshGlue(generation);
  if (!fresh) return firstGlue;
  await fresh.default({ module_or_path: wasmSource() });
  return fresh;
}

let geometry = null;
/** The map's shapes once they are here (maps drawn after that draw at once). */
export let mapShapes = null;

/** The map's shapes, fetched once per page and only when a map is shown; a
 * failed fetch may be tried again by the next map drawn. */
export function loadMap() {
  geometry ??= mapSource().then(
    (shapes) => (mapShapes = shapes),
    (error) => {
      geometry = null;
      throw error;
    },
  );
  return geometry;
}

/** A dataset that could not be had; `failure` is what card.fail reads. */
export class DatasetError extends Error {
  constructor(failure, message) {
    super(message);
    this.failure = failure;
  }
}

const texts = new Map();
/** The built-in dataset's texts in `language`, requested once per page (as
 * soon as a card knows it speaks it, beside the wasm). */
export function loadTexts(language) {
  if (!texts.has(language)) {
    const loading = textsSource(language);
    loading.catch(() => texts.delete(language));
    texts.set(language, loading);
  }
  return texts.get(language);
}

/** The dataset at `src`, or the built-in one with its texts in `language`
 * (null: its own, English), loaded once per page: `dataset` is its promise,
 * and `release` says the card no longer wants it (a new src, say), so a
 * fetch that no card wants any more is cancelled. */
export function loadDataset(src, language = null) {
  const key = src ? new URL(src, document.baseURI).href : `built-in ${language ?? ''}`;
  const entry = datasets.get(key) ?? startLoading(key, src, language);
  entry.users++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    entry.users--;
    if (entry.users === 0 && !entry.settled) {
      entry.controller.abort();
      if (datasets.get(key) === entry) datasets.delete(key);
    }
  };
  return { dataset: entry.loading, release };
}

/** A dataset's loading, kept under `key` with who wants it. */
function startLoading(key, src, language) {
  const controller = new AbortController();
  const loading = loadCore().then((glue) =>
    src ? fetchDataset(glue, key, controller.signal) : language ? builtinIn(glue, language) : glue.Relations.builtin());
  const entry = { loading, controller, users: 0, settled: false };
  loading.then(
    () => (entry.settled = true),
    // A failure is not kept: the next card to ask (or a new src) tries again,
    // so a brief network error does not last the page's life.
    () => {
      entry.settled = true;
      if (datasets.get(key) === entry) datasets.delete(key);
    },
  );
  datasets.set(key, entry);
  return entry;
}

/** The built-in dataset with its texts in `language`; without them (a
 * network error) in English, which the card marks as not translated. */
async function builtinIn(glue, language) {
  try {
    return glue.Relations.builtinWithTexts(await loadTexts(language));
  } catch (error) {
    console.warn(`relations-card: the dataset in English: ${error?.message ?? error}`);
    return glue.Relations.builtin();
  }
}

/** Fetches and reads a dataset, within the card's limits: its bytes are
 * counted as they stream in (a missing or compressed Content-Length, or an
 * endless body, cannot get past them), and a server that has not answered
 * whole within the time allowed is given up on. `cancelled` aborts it. */
async function fetchDataset(glue, url, cancelled) {
  const fail = (facts, message) => new DatasetError({ url, status: null, bytes: null, detail: null, ...facts }, `${url}: ${message}`);
  const max = glue.maxDatasetBytes();
  const seconds = glue.fetchTimeoutMillis() / 1000;
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new DOMException(`no answer within ${seconds} s`, 'TimeoutError')), seconds * 1000);
  const onCancel = () => stop.abort(new DOMException('the card no longer wants it', 'AbortError'));
  cancelled.addEventListener('abort', onCancel, { once: true });
  // Why it stopped, when it did: the time ran out, or the card let it go.
  const stopped = (error) => {
    if (stop.signal.reason?.name === 'TimeoutError') return fail({ reason: 'timeout' }, `no answer within ${seconds} s`);
    if (cancelled.aborted) return new DatasetError({ url, reason: 'cancelled', status: null, bytes: null, detail: null }, `${url}: cancelled`);
    return fail({ reason: 'network', detail: error.message }, `could not fetch: ${error.message}`);
  };
  try {
    let response;
    try {
      response = await fetch(url, { signal: stop.signal });
    } catch (error) {
      throw stopped(error);
    }
    if (!response.ok) throw fail({ reason: 'http', status: response.status }, `could not fetch: HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length'));
    if (declared > max) throw fail({ reason: 'tooLarge', bytes: declared }, `${declared} bytes, over the card's ${max}`);
    // Bytes as they arrive, decompressed: what the reader's memory holds.
    // They go to the core as bytes (no string made of them in between).
    const reader = response.body.getReader();
    const parts = [];
    let bytes = 0;
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw stopped(error);
      }
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      if (bytes > max) {
        reader.cancel().catch(() => {});
        throw fail({ reason: 'tooLarge', bytes }, `over the card's ${max} bytes`);
      }
      parts.push(chunk.value);
    }
    // One array of them, which the core reads its records from.
    const whole = new Uint8Array(bytes);
    let at = 0;
    for (const part of parts) {
      whole.set(part, at);
      at += part.byteLength;
    }
    parts.length = 0;
    try {
      return glue.Relations.fromBytes(whole);
    } catch (error) {
      // The core's message says "invalid dataset:", then every problem with
      // its line and JSON path; said once, not after a second such prefix.
      throw fail({ reason: 'invalid', detail: error.message }, error.message);
    }
  } finally {
    clearTimeout(timer);
    cancelled.removeEventListener('abort', onCancel);
  }
}

/** The word index is made after the first view, while the reader looks,
 * so the first search does not wait for it; once per dataset. */
const prepared = new WeakSet();
export function prepareSearchWhenIdle(relations) {
  if (!relations || prepared.has(relations)) return;
  prepared.add(relations);
  const idle = globalThis.requestIdleCallback ?? ((task) => setTimeout(task, 200));
  idle(() => relations.prepareSearch());
}

/** Cards show their first views one frame apart: on a page with several,
 * the first is on screen before the next is built (with two cards at 4x
 * slower CPU, 175 ms sooner). A hidden page has no frames, hence the
 * timeout; a card that fails to show does not hold up the next. */
let previousFirstView = Promise.resolve();
export function inTurn(showFirstView) {
  const turn = previousFirstView.then(showFirstView);
  previousFirstView = turn.catch(() => {}).then(nextFrame);
  return turn;
}
