// Prints what a reader downloads: each shipped file raw, gzip and brotli
// (maximum quality, as a CDN would serve it), and the totals.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
// What a page downloads: the built package's files (minified), as served.
const shipped = [
  ['dist/package/pkg/relations_card_bg.wasm', 'wasm (core + built-in data)'],
  ['dist/package/relations-card.css', 'css (card styles, minified)'],
  ['dist/package/relations-card.js', 'js (custom element + wasm-bindgen glue, minified)'],
];
const reference = [
  ['dist/package/pkg/relations_card.js', 'glue alone, for the JS engine API (the card has it bundled)'],
  ["data/tajikistan.json", "the data file, every language (its English compiled into the wasm)"],
  ['dist/relations-card.html', 'single file: all of the above inlined, for offline use'],
  ['dist/package/pkg/studio/relations_card_studio_bg.wasm', 'the studio page\'s wasm (core + spreadsheet importer): not a card\'s'],
  ['dist/package/studio.js', 'the studio page\'s script with its glue, minified'],
  ['dist/package/pkg/map.json', 'map geometry: fetched only when a map is shown, not in the total'],
  ...readdirSync(join(root, 'dist/package/pkg'))
    .filter((file) => /^texts\.[a-z-]+\.json$/.test(file))
    .map((file) => [`dist/package/pkg/${file}`, `the dataset in ${file.split('.')[1]}: fetched only by a card in that language`]),
];

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
function measure(path) {
  const bytes = readFileSync(join(root, path));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
function row(path, what, m) {
  return `${path.padEnd(42)}${kb(m.raw)}${kb(m.gzip)}${kb(m.brotli)}  ${what}`;
}

console.log(`\nsize report${' '.repeat(31)}       raw      gzip    brotli`);
if (process.env.RELATIONS_WASM_TOOLCHAIN) console.log(`(wasm built by ${process.env.RELATIONS_WASM_TOOLCHAIN})`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const [path, what] of shipped) {
  const m = measure(path);
  for (const k of Object.keys(total)) total[k] += m[k];
  console.log(row(path, what, m));
}
console.log(row('total downloaded by a page', '', total));
// A bare card on the built-in data draws its first view (made at build
// time, in the script) before the WebAssembly is here: script, styles, map.
const early = { raw: 0, gzip: 0, brotli: 0 };
for (const path of ['dist/package/relations-card.js', 'dist/package/relations-card.css', 'dist/package/pkg/map.json']) {
  const m = measure(path);
  for (const k of Object.keys(early)) early[k] += m[k];
}
console.log(row('before a bare card\'s first view', 'js + css + map: the first view waits for no wasm', early));
for (const [path, what] of reference) console.log(row(path, what, measure(path)));
