// A benchmark, not a test: what reading a dataset costs the WebAssembly's
// memory, at 1,000, 10,000 and 100,000 synthetic events (`relations synth`),
// as the card reads one: its bytes handed to the core, then the word index
// made. Each size gets a fresh instance, so its numbers are its own.
//
//   node scripts/bench-memory.mjs [--sizes 1000,10000,100000] [--seed 42]
//
// peak  = the instance's linear memory once ready: WebAssembly memory never
//         shrinks, so this is the most it held, allocator gaps included, and
//         what the reader's device gives it for as long as the page is open;
// most  = the most bytes the core had allocated at one moment (the counting
//         allocator in src/wasm.rs);
// held  = what it keeps once ready (dataset, index and word index).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { relationsBin, wasmPath } from './built.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const sizes = option('sizes', '1000,10000,100000').split(',').map(Number);
const seed = Number(option('seed', 42));
const module = await WebAssembly.compile(readFileSync(wasmPath));
const synth = (n) => execFileSync(relationsBin, ['synth', '--seed', String(seed), '--events', String(n)], { maxBuffer: 1 << 30 });

const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
const columns = [
  ['events', 8], ['JSON MB', 8], ['ready ms', 9], ['search ms', 10], ['peak MB', 8], ['× JSON', 7], ['most MB', 8], ['held MB', 8],
];
console.log(`wasm memory of reading a dataset (relations synth --seed ${seed}): the card's path, ` +
  'Relations.fromBytes + prepareSearch, in a fresh instance per size');
console.log(columns.map(([name, width]) => name.padStart(width)).join(' '));
for (const n of sizes) {
  const bytes = synth(n);
  // A distinct URL is a distinct module in Node: a fresh instance, a fresh memory.
  const glue = await import(new URL(`../pkg/relations_card.js?memory=${n}`, import.meta.url));
  const wasm = await glue.default({ module_or_path: module });
  const started = performance.now();
  const relations = glue.Relations.fromBytes(bytes);
  const ready = performance.now() - started;
  const search = relations.prepareSearch();
  const peak = wasm.memory.buffer.byteLength;
  const row = [n.toLocaleString('en-US'), mb(bytes.length), ready.toFixed(0), search.toFixed(0), mb(peak),
    `${(peak / bytes.length).toFixed(2)}×`, mb(glue.mostHeldBytes()), mb(glue.heldBytes())];
  console.log(row.map((cell, i) => String(cell).padStart(columns[i][1])).join(' '));
  relations.free();
}
console.log('ready = the bytes to a card\'s first view (parse, validate, index); search = the word index, made after it; ' +
  'peak = linear memory once ready (the high-water mark); most = most bytes allocated at once; held = kept once ready');
