// The map's geometry (pkg/map.json, written by scripts/build-map.mjs during
// `make build`): every country partner of the built-in dataset and the
// dataset's own country are on it, as well-formed SVG paths, within the size
// budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The whole file, gzip -9. The asset is about 10 KiB; the budget leaves room
// for more detail but catches a simplification that stopped working.
const BUDGET_GZIP = 16 * 1024;

const bytes = readFileSync(`${root}pkg/map.json`);
const map = JSON.parse(bytes);
const dataset = JSON.parse(readFileSync(`${root}data/tajikistan.json`, 'utf8'));
// Only M/m, l and z, integers (or one decimal) and the separators the
// script writes.
const PATH = /^M-?\d+(\.\d)?[ -]\d+(\.\d)?[lmz0-9 .-]*z$/;

test('the map is version 1, with a size and its source', () => {
  assert.equal(map.version, 1);
  assert.ok(Number.isFinite(map.width) && map.width > 0, `width ${map.width}`);
  assert.ok(Number.isFinite(map.height) && map.height > 0, `height ${map.height}`);
  assert.match(map.source, /^Natural Earth via world-atlas \d+\.\d+\.\d+, public domain$/);
});

test('the dataset’s country and every country partner are on the map', () => {
  const codes = new Set([...map.countries, ...(map.inset?.countries ?? [])].map((c) => c.code));
  const wanted = [dataset.subject.code, ...dataset.partners.filter((p) => p.kind === 'country').map((p) => p.code)];
  assert.ok(wanted.length > 10, 'the dataset has country partners');
  const missing = wanted.filter((code) => !codes.has(code));
  assert.deepEqual(missing, [], `missing from the map: ${missing.join(', ')}`);
  // The dataset's own country is on the main map, not only in the inset.
  assert.ok(map.countries.some((c) => c.code === dataset.subject.code));
});

test('codes are two capital letters, once each per map; paths are plain SVG path data', () => {
  const lists = [['main', map.countries]];
  if (map.inset) lists.push(['inset', map.inset.countries]);
  for (const [where, countries] of lists) {
    assert.ok(Array.isArray(countries) && countries.length > 0, where);
    const codes = countries.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length, `${where}: a code twice`);
    for (const { code, d } of countries) {
      assert.match(code, /^[A-Z]{2}$/, `${where}: ${code}`);
      assert.match(d, PATH, `${where}: ${code}'s path`);
    }
  }
  for (const { name, d } of map.disputed ?? []) {
    assert.ok(typeof name === 'string' && name.length > 0);
    assert.match(d, PATH, name);
  }
});

test('the inset is a rectangle inside the map', () => {
  if (!map.inset) return;
  const { x, y, width, height } = map.inset;
  assert.ok(width > 0 && height > 0 && x >= 0 && y >= 0, JSON.stringify({ x, y, width, height }));
  assert.ok(x + width <= map.width && y + height <= map.height, 'inside the map');
});

test(`the map is under ${BUDGET_GZIP / 1024} KiB gzip`, () => {
  const gzip = gzipSync(bytes, { level: 9 }).length;
  console.log(`map.json: ${(bytes.length / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`);
  assert.ok(gzip < BUDGET_GZIP, `${gzip} B gzip`);
});
