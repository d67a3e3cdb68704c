// A benchmark, not a test: our wasm query engine against FlexSearch,
// MiniSearch and a plain Array.filter scan, in one Node process, on the same
// synthetic datasets (`relations synth`) and the same queries.
//
//   node --expose-gc scripts/bench.mjs [--sizes 200,10000,100000] [--queries 1000] [--seed 42]
//
// Timings depend on the machine; what it does check is correctness: the
// Array.filter engine re-implements the wasm engine's documented semantics,
// and any disagreement between the two sets a failing exit code.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { relationsBin, wasmPath } from './built.mjs';
import { Charset, Document, Encoder } from 'flexsearch';
import MiniSearch from 'minisearch';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
// Smallest first: quick feedback before the long 100,000-event run.
const sizes = option('sizes', '200,10000,100000').split(',').map(Number).sort((a, b) => a - b);
const queryCount = Number(option('queries', 1000));
const seed = Number(option('seed', 42));
const WARM_UP = 100; // queries per kind run untimed first, so timings are of JIT-compiled code
const PAGE = 20;
// MiniSearch expands a short prefix into every indexed term it starts, which at
// 100,000 events costs seconds per query kind; it gets fewer queries there.
const MINISEARCH_CAP = { size: 100_000, queries: 200 };

if (typeof global.gc !== 'function') {
  console.error('run with: node --expose-gc scripts/bench.mjs');
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Our text and date semantics, re-implemented in plain JS (see src/text.rs,
// src/date.rs and the query engine). Array.filter uses them as the reference; the
// other engines only borrow the folding and the stop words.

// src/text.rs STOP_WORDS: dropped from queries, but still indexed.
const STOP_WORDS = new Set(('a an and are as at be by for from has have in into is it its of on or that the ' +
  'their then there this to was were which who will with s').split(' '));
const MAX_QUERY_WORDS = 8;
// Lower case, accents off (NFD, then drop combining marks), plus the letters
// src/text.rs folds that NFD leaves whole, and the Arabic-script spellings it
// unifies (tatweel is dropped).
const EXTRA_FOLDS = new Map(Object.entries({
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ł: 'l', ŀ: 'l', ŧ: 't',
  'ي': 'ی', 'ى': 'ی', 'ك': 'ک', 'ة': 'ه', '\u0640': '',
}));
const EXTRA_FOLD_RE = new RegExp(`[${[...EXTRA_FOLDS.keys()].join('')}]`, 'gu');
const fold = (text) =>
  text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(EXTRA_FOLD_RE, (c) => EXTRA_FOLDS.get(c));
const words = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
function queryWords(text) {
  const kept = [];
  for (const word of words(text)) {
    if (!STOP_WORDS.has(word) && !kept.includes(word)) kept.push(word);
    if (kept.length === MAX_QUERY_WORDS) break;
  }
  return kept;
}
const THEMES = ['diplomacy', 'security', 'military', 'borders', 'trade', 'energy', 'water', 'transport',
  'investment', 'aid', 'culture', 'religion', 'refugees', 'drugs'];
const label = (key) => key[0].toUpperCase() + key.slice(1); // theme and kind labels: "Trade", "Agreement"

// Dates: "2007-09-12", "2007-09", "2007", "1992/1997", "~1995". Keys are the
// first and last day as yyyymmdd numbers; the engine orders by them, then by id.
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function dateSpan(text) {
  const [start, end = start] = text.replace(/^~/, '').split('/');
  const [y0, m0 = 1, d0 = 1] = start.split('-').map(Number);
  const [y1, m1 = 12, d1 = daysIn(y1, m1)] = end.split('-').map(Number);
  return { y0, y1, first: y0 * 10_000 + m0 * 100 + d0, last: y1 * 10_000 + m1 * 100 + d1 };
}

/** Per event: its year range and its rank in date order (higher = newer). */
function dateTables(events) {
  const spans = events.map((e) => dateSpan(e.date));
  const order = events.map((_, i) => i).sort((a, b) =>
    spans[a].first - spans[b].first || spans[a].last - spans[b].last ||
    (events[a].id < events[b].id ? -1 : events[a].id > events[b].id ? 1 : 0));
  const rank = new Int32Array(events.length);
  order.forEach((e, r) => { rank[e] = r; });
  return {
    y0: Int16Array.from(spans, (s) => s.y0),
    y1: Int16Array.from(spans, (s) => s.y1),
    rank,
  };
}
const newestFirst = (rank) => (a, b) => rank[b] - rank[a];

/** Names, aliases and code of each partner, as one text per code. */
function partnerTexts(dataset) {
  return new Map(dataset.partners.map((p) => [p.code, [p.name, ...(p.aliases ?? []), p.code].join(' ')]));
}

// ---------------------------------------------------------------------------
// The engines. Each builds from the dataset's JSON text (as the card gets it)
// and answers a text query or a structured one with { total, page }, page
// being the first PAGE results as objects a card could show.

async function wasmEngine(text, module, glue) {
  const wasm = await glue.default({ module_or_path: module });
  const before = wasm.memory.buffer.byteLength;
  const started = performance.now();
  const handle = glue.Relations.fromJson(text);
  // The card builds the word index after its first view; a search engine's
  // "ready" includes it.
  const searchMs = handle.prepareSearch();
  const readyMs = performance.now() - started;
  return {
    name: 'wasm',
    readyMs,
    indexMs: handle.indexBuildMillis + searchMs,
    memoryBytes: wasm.memory.buffer.byteLength,
    memoryGrowth: wasm.memory.buffer.byteLength - before,
    text: (q) => handle.query({ text: q, limit: PAGE }),
    filter: (q) => handle.query({ partners: [q.partner], themes: [q.theme], from: q.from, to: q.to, sort: '-date', limit: PAGE }),
    allIds: (q) => handle.query({ partners: [q.partner], themes: [q.theme], from: q.from, to: q.to, sort: '-date' })
      .hits.map((h) => h.id),
    free: () => handle.free(),
  };
}

/** The reference: a scan over every event, with the engine's semantics. */
function arrayFilterEngine(dataset) {
  const { events } = dataset;
  const { y0, y1, rank } = dateTables(events);
  // Events newest first, so a page is the first PAGE matches of the scan.
  // (Newest first is also the engine's order without search words; with
  // them the engine ranks by relevance, which this baseline does not do.)
  const order = events.map((_, i) => i).sort(newestFirst(rank));
  // Each event's distinct folded title and summary words between separators:
  // a query word is a prefix of one of them when `"\u0001" + word` occurs in
  // it (query words hold no separator). The words of partner names, theme
  // and kind labels are few and shared, so each query word is matched
  // against them once, not once per event.
  const SEP = '\u0001';
  const records = order.map((i) => {
    const e = events[i];
    return {
      i, partners: e.partners, themes: e.themes, kind: e.kind,
      text: SEP + [...new Set(words(`${e.title} ${e.summary}`))].join(SEP),
    };
  });
  const labelWords = (keys, text) => keys.map((key) => [key, words(text(key))]);
  const partnerWords = [...partnerTexts(dataset)].map(([code, t]) => [code, words(t)]);
  const themeWords = labelWords(THEMES, label);
  const kindWords = labelWords(['event', 'agreement'], label);
  const startingWith = (list, q) => new Set(list.filter(([, ws]) => ws.some((w) => w.startsWith(q))).map(([k]) => k));
  const matcher = (q) => {
    const partners = startingWith(partnerWords, q);
    const themes = startingWith(themeWords, q);
    const kinds = startingWith(kindWords, q);
    const needle = SEP + q;
    return (r) => r.text.includes(needle) || kinds.has(r.kind) ||
      (partners.size > 0 && r.partners.some((p) => partners.has(p))) ||
      (themes.size > 0 && r.themes.some((t) => themes.has(t)));
  };
  const answer = (matches) => {
    const page = [];
    let total = 0;
    for (const r of records) {
      if (!matches(r)) continue;
      if (total++ < PAGE) page.push(events[r.i]);
    }
    return { total, page };
  };
  const filter = (q) => (r) => y1[r.i] >= q.from && y0[r.i] <= q.to &&
    r.partners.includes(q.partner) && r.themes.includes(q.theme);
  return {
    name: 'Array.filter',
    text(q) {
      const tests = queryWords(q).map(matcher);
      return answer((r) => tests.every((test) => test(r)));
    },
    filter: (q) => answer(filter(q)),
    allIds: (q) => records.filter(filter(q)).map((r) => events[r.i].id),
  };
}

function flexSearchEngine(dataset) {
  const { events } = dataset;
  const { y0, y1, rank } = dateTables(events);
  const names = partnerTexts(dataset);
  // Its own tokeniser and accent folding; no letter de-duplication ("missing"
  // stays "missing"); our stop words. "forward" indexes every prefix of every
  // word, which is what type-ahead needs.
  const encoder = new Encoder(Charset.Normalize, { dedupe: false, filter: STOP_WORDS });
  const index = new Document({
    encoder,
    tokenize: 'forward',
    document: { id: 'i', index: ['title', 'summary', 'partnerNames'], tag: ['partners', 'themes'] },
  });
  events.forEach((e, i) => index.add({
    i, title: e.title, summary: e.summary, partnerNames: e.partners.map((c) => names.get(c)).join(' '),
    partners: e.partners, themes: e.themes,
  }));
  const all = events.length;
  return {
    name: 'FlexSearch',
    text(q) {
      // Each field is searched for all the words, the fields' results merged
      // (so two words found in different fields do not match). The limit is
      // the dataset size, to learn the total.
      const hits = index.search(q, { limit: all, merge: true });
      return { total: hits.length, page: hits.slice(0, PAGE).map((h) => events[h.id]) };
    },
    filter(q) {
      // Structured: FlexSearch's tags for partner and theme (a tag-only search
      // intersects them when left unresolved; resolved at once it returns each
      // tag's list separately), then the year overlap and the newest-first
      // sort in plain JS: it has no range filters or sort by a field.
      const tagged = index.search({ tag: { partners: q.partner, themes: q.theme }, resolve: false }).resolve({ limit: all });
      const ids = tagged.filter((i) => y1[i] >= q.from && y0[i] <= q.to).sort(newestFirst(rank));
      return { total: ids.length, page: ids.slice(0, PAGE).map((i) => events[i]) };
    },
  };
}

function miniSearchEngine(dataset) {
  const { events } = dataset;
  const { y0, y1, rank } = dateTables(events);
  const names = partnerTexts(dataset);
  // Its own tokeniser (space and punctuation), our folding; stop words are
  // indexed but dropped from queries, as in the engine.
  const index = new MiniSearch({
    idField: 'i',
    fields: ['title', 'summary', 'partnerNames'],
    processTerm: (term) => fold(term) || null,
    searchOptions: {
      prefix: true,
      combineWith: 'AND',
      processTerm: (term) => {
        const folded = fold(term);
        return folded && !STOP_WORDS.has(folded) ? folded : null;
      },
    },
  });
  index.addAll(events.map((e, i) => ({
    i, title: e.title, summary: e.summary, partnerNames: e.partners.map((c) => names.get(c)).join(' '),
  })));
  return {
    name: 'MiniSearch',
    text(q) {
      const hits = index.search(q);
      return { total: hits.length, page: hits.slice(0, PAGE).map((h) => events[h.id]) };
    },
    filter(q) {
      // Structured: MiniSearch filters only search results, so a wildcard
      // query (every document) with a `filter` callback on our side tables,
      // then the newest-first sort in plain JS.
      const hits = index.search(MiniSearch.wildcard, {
        filter: ({ id }) => y1[id] >= q.from && y0[id] <= q.to &&
          events[id].partners.includes(q.partner) && events[id].themes.includes(q.theme),
      });
      const ids = hits.map((h) => h.id).sort(newestFirst(rank));
      return { total: ids.length, page: ids.slice(0, PAGE).map((i) => events[i]) };
    },
  };
}

/** Builds a JS engine from the JSON text; time and heap growth after gc. */
function buildJs(make, text) {
  global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const dataset = JSON.parse(text);
  const parsed = performance.now();
  const engine = make(dataset);
  const done = performance.now();
  global.gc();
  return Object.assign(engine, {
    readyMs: done - started,
    indexMs: done - parsed,
    // The parsed events stay alive in the engine: a card needs them to show hits.
    memoryGrowth: process.memoryUsage().heapUsed - heapBefore,
  });
}

// ---------------------------------------------------------------------------
// Queries: deterministic, from a seeded PRNG (mulberry32).

function prng(s) {
  let a = s >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { below: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

function makeQueries(dataset, count) {
  const rng = prng(seed);
  const perEvent = dataset.events.map((e) => [...new Set(words(`${e.title} ${e.summary}`))]
    .filter((w) => !STOP_WORDS.has(w)));
  const vocabulary = [...new Set(perEvent.flat())].sort();
  // Half the words uniformly from the distinct vocabulary (at large sizes
  // mostly generated names, with few hits), half by frequency (a random word
  // of a random event: mostly template words, with many).
  const word = (i) => (i % 2 === 0 ? rng.pick(vocabulary) : rng.pick(rng.pick(perEvent)));

  const oneWord = Array.from({ length: count }, (_, i) => word(i));
  const twoWords = [];
  while (twoWords.length < count) {
    const list = rng.pick(perEvent);
    if (list.length < 2) continue;
    const a = rng.below(list.length);
    const b = (a + 1 + rng.below(list.length - 1)) % list.length;
    twoWords.push(`${list[a]} ${list[b]}`);
  }
  // What a reader types, keystroke by keystroke: 2 letters up to the word.
  const prefixes = [];
  for (let i = 0; prefixes.length < count; i++) {
    const w = word(i);
    for (let len = 2; len <= w.length; len++) prefixes.push(w.slice(0, len));
  }
  const partners = dataset.partners.map((p) => p.code);
  const filters = Array.from({ length: count }, () => {
    const years = 3 + rng.below(8); // 3..10 years within 1991..2025
    const from = 1991 + rng.below(2025 - 1991 + 2 - years);
    return { partner: rng.pick(partners), theme: rng.pick(THEMES), from, to: from + years - 1 };
  });
  return [
    { key: 'one', label: 'one word', queries: oneWord, run: 'text' },
    { key: 'two', label: 'two words', queries: twoWords, run: 'text' },
    { key: 'prefix', label: 'prefix typing', queries: prefixes, run: 'text' },
    { key: 'filter', label: 'filter+sort', queries: filters, run: 'filter' },
  ];
}

function timeKind(engine, kind, limit) {
  const queries = kind.queries.slice(0, limit);
  const run = engine[kind.run];
  for (let i = 0; i < Math.min(WARM_UP, Math.ceil(queries.length / 4)); i++) run(queries[i]);
  global.gc();
  const times = new Float64Array(queries.length);
  const totals = new Int32Array(queries.length);
  const pages = [];
  for (let i = 0; i < queries.length; i++) {
    const started = performance.now();
    const answer = run(queries[i]);
    times[i] = performance.now() - started;
    totals[i] = answer.total;
    pages.push(answer.page ?? answer.hits);
  }
  times.sort();
  const at = (p) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), totals, pages, count: queries.length };
}

// ---------------------------------------------------------------------------
// Output.

const ms = (v) => v.toFixed(3).padStart(8);
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1).padStart(8);
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(a / b < 1 ? 2 : 1)}×` : 'n/a').padStart(8);
const share = (agree, all) => `${agree}/${all}`;
const group = (n) => n.toLocaleString('en-US');

async function benchSize(n, module, glue) {
  const text = synth(n);
  global.gc();
  const heap0 = process.memoryUsage().heapUsed;
  const parseStart = performance.now();
  let dataset = JSON.parse(text);
  const parseMs = performance.now() - parseStart;
  global.gc();
  const parsedHeap = process.memoryUsage().heapUsed - heap0;
  const kinds = makeQueries(dataset, queryCount);
  dataset = null;

  const results = [];
  const notes = [];
  // Builds one engine, runs every query kind on it, and lets it go before
  // the next, so each heap measurement sees only its own engine.
  async function measure(build, cap) {
    const engine = await build();
    const row = { name: engine.name, readyMs: engine.readyMs, indexMs: engine.indexMs, engine };
    row.memory = engine.memoryBytes ?? engine.memoryGrowth;
    row.memoryGrowth = engine.memoryGrowth;
    for (const kind of kinds) row[kind.key] = timeKind(engine, kind, cap ?? Infinity);
    if (engine.allIds) {
      // Full results of the first 50 structured queries, for the id-set check.
      row.allIds = kinds[3].queries.slice(0, 50).map((q) => engine.allIds(q));
    }
    engine.free?.();
    delete row.engine;
    results.push(row);
    global.gc();
  }
  await measure(() => wasmEngine(text, module, glue));
  await measure(() => buildJs(flexSearchEngine, text));
  const miniCap = n >= MINISEARCH_CAP.size ? MINISEARCH_CAP.queries : undefined;
  if (miniCap) notes.push(`MiniSearch ran only the first ${miniCap} queries of each kind at this size (too slow for all).`);
  await measure(() => buildJs(miniSearchEngine, text), miniCap);
  await measure(() => buildJs(arrayFilterEngine, text));

  const [wasm, flex, mini, reference] = results;
  const counts = kinds.map((k) => `${k.label} ${group(k.queries.length)}`).join(', ');
  console.log(`\nN = ${group(n)} events: JSON ${(text.length / 2 ** 20).toFixed(1)} MB; ` +
    `JSON.parse ${parseMs.toFixed(1)} ms, +${(parsedHeap / 2 ** 20).toFixed(1)} MB heap`);
  console.log(`queries: ${counts} (+ up to ${WARM_UP} warm-up each); times in ms`);
  const head1 = `${''.padEnd(13)}${'build ms'.padStart(17)}${'memory'.padStart(8)} │`;
  const head2 = `${'engine'.padEnd(13)}${'ready'.padStart(9)}${'index'.padStart(8)}${'MB'.padStart(8)} │`;
  console.log(head1 + kinds.map((k) => ` ${k.label.padEnd(17)}│`).join(''));
  console.log(head2 + kinds.map(() => `${'p50'.padStart(8)}${'p99'.padStart(9)} │`).join(''));
  for (const row of results) {
    console.log(`${row.name.padEnd(13)}${row.readyMs.toFixed(1).padStart(9)}${row.indexMs.toFixed(1).padStart(8)}` +
      `${mb(row.memory)} │${kinds.map((k) => `${ms(row[k.key].p50)} ${ms(row[k.key].p99)} │`).join('')}`);
  }
  console.log(`${'ratios ÷ wasm'.padEnd(14)}${'ready'.padStart(8)}${'index'.padStart(8)}  │ p99:` +
    kinds.map((k) => k.label.padStart(15)).join(''));
  for (const row of [flex, mini, reference]) {
    console.log(`${row.name.padEnd(14)}${ratio(row.readyMs, wasm.readyMs)}${ratio(row.indexMs, wasm.indexMs)}  │     ` +
      kinds.map((k) => ratio(row[k.key].p99, wasm[k.key].p99).padStart(15)).join(''));
  }
  console.log('build: ready = from the JSON text to a queryable index (wasm: Relations.fromJson + prepareSearch, i.e. parse + ' +
    'validate + index; JS: JSON.parse + index); index = the index alone (wasm: indexBuildMillis, whole ms).');
  console.log(`memory: wasm = linear memory of a fresh instance after fromJson (high-water mark: wasm memory ` +
    `never shrinks; +${mb(wasm.memoryGrowth).trim()} MB over the empty instance); JS = heap growth after gc ` +
    'for JSON.parse + index, the parsed events included (a card needs them to show hits).');
  console.log('pages: wasm ranks text matches by relevance, FlexSearch and MiniSearch by their own scores; ' +
    'Array.filter returns the newest matches (unranked); filter+sort is newest first everywhere.');
  for (const note of notes) console.log(note);

  // Correctness: the wasm engine against the reference.
  let failed = false;
  console.log('correctness, wasm vs the Array.filter reference:');
  const mismatches = [];
  const agreement = kinds.map((k) => {
    let agree = 0;
    k.queries.forEach((q, i) => {
      if (wasm[k.key].totals[i] === reference[k.key].totals[i]) agree++;
      else mismatches.push(`${k.label} ${JSON.stringify(q)}: wasm ${wasm[k.key].totals[i]}, reference ${reference[k.key].totals[i]}`);
    });
    if (agree !== k.queries.length) failed = true;
    return `${k.label} ${share(agree, k.queries.length)}`;
  });
  console.log(`  same total: ${agreement.join(', ')}`);
  let sameSet = 0;
  let sameOrder = 0;
  wasm.allIds.forEach((ids, i) => {
    const expected = reference.allIds[i];
    const set = new Set(ids);
    if (ids.length === expected.length && set.size === ids.length && expected.every((id) => set.has(id))) sameSet++;
    else mismatches.push(`filter+sort ${JSON.stringify(kinds[3].queries[i])}: full result sets differ ` +
      `(wasm ${ids.length} ids, reference ${expected.length})`);
    if (ids.join() === expected.join()) sameOrder++;
  });
  if (sameSet !== wasm.allIds.length) failed = true;
  const pageOrder = wasm.filter.pages.filter((hits, i) =>
    hits.map((h) => h.id).join() === reference.filter.pages[i].map((e) => e.id).join()).length;
  console.log(`  same id set, full results of ${wasm.allIds.length} filter+sort queries: ` +
    `${share(sameSet, wasm.allIds.length)} (same order too: ${share(sameOrder, wasm.allIds.length)}); ` +
    `same first page, all filter+sort queries: ${share(pageOrder, kinds[3].queries.length)}`);
  for (const line of mismatches.slice(0, 10)) console.log(`  MISMATCH ${line}`);
  if (mismatches.length > 10) console.log(`  … and ${mismatches.length - 10} more`);
  // The libraries tokenise and combine fields their own way: information only.
  console.log('  (by design: neither library indexes theme or kind labels, so "agreement" or "cultur" finds fewer; ' +
    'FlexSearch wants all words in one field, so "meet minister", in summary and title, finds none)');
  for (const row of [flex, mini]) {
    const parts = kinds.map((k) => {
      const { totals, count } = row[k.key];
      let agree = 0;
      for (let i = 0; i < count; i++) if (totals[i] === reference[k.key].totals[i]) agree++;
      return `${k.label} ${(100 * agree / count).toFixed(1)}%`;
    });
    console.log(`  ${row.name} total agrees with the reference: ${parts.join(', ')}`);
  }
  return failed;
}

// Read pkg/ once, up front, so a rebuild during the run cannot mix versions.
// Each size gets a fresh module instance (a distinct import URL is a distinct
// module in Node), so its linear memory, which never shrinks, holds that
// dataset only: its size after the build is that size's high-water mark.
const wasmBytes = readFileSync(wasmPath);
const module = await WebAssembly.compile(wasmBytes);
const glues = [];
for (const n of sizes) glues.push(await import(new URL(`../pkg/relations_card.js?size=${n}`, import.meta.url)));
const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
console.log(`relations-card query benchmark: Node ${process.version}, ${process.platform} ${process.arch}, ` +
  `${cpus().length} CPUs; data: relations synth --seed ${seed}\nengines: pkg/relations_card_bg.wasm ` +
  `(${group(wasmBytes.length)} bytes, built ${statSync(wasmPath).mtime.toISOString()}), ` +
  `FlexSearch ${version('flexsearch')}, MiniSearch ${version('minisearch')}`);
const synth = (n) => execFileSync(relationsBin, ['synth', '--seed', String(seed), '--events', String(n)],
  { maxBuffer: 1 << 30, encoding: 'utf8' });

// The first builds of each engine also pay for compiling it (V8 compiles
// wasm functions lazily and optimises hot ones later, and JIT-compiles JS):
// build each a few times on a small dataset first, so the tables show
// steady-state builds; the very first (cold) build is printed on its own.
const started = performance.now();
{
  const text = synth(200);
  const warm = await import(new URL('../pkg/relations_card.js?size=warm-up', import.meta.url));
  const cold = [];
  for (let round = 0; round < 5; round++) {
    const engines = [await wasmEngine(text, module, warm)];
    for (const make of [flexSearchEngine, miniSearchEngine, arrayFilterEngine]) engines.push(buildJs(make, text));
    if (round === 0) cold.push(...engines.map((e) => `${e.name} ${e.readyMs.toFixed(1)} ms`));
    for (const e of engines) e.free?.();
  }
  console.log(`first (cold) build of each engine, 200 events, compilation included: ${cold.join(', ')}`);
}
for (const [i, n] of sizes.entries()) {
  if (await benchSize(n, module, glues[i])) process.exitCode = 1;
}
console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s` +
  (process.exitCode ? ': the wasm engine disagrees with the reference (see MISMATCH lines)' : ''));
