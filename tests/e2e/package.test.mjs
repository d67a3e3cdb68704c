// The npm package: `npm pack --dry-run` lists exactly the files a site needs
// (element, styles, types, WebAssembly and glue, the map's geometry, README;
// the studio, its own WebAssembly and the single file it fills) and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('npm pack --dry-run publishes the element, its types, the WebAssembly, the map, the dataset’s other languages, the iframe embed and the studio, nothing else', () => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', `${root}dist/package`], { encoding: 'utf8' });
  const [pack] = JSON.parse(output);
  const files = pack.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'README.md',
    'embed-host.js',
    'embed.css',
    'embed.html',
    'embed.js',
    'package.json',
    'pkg/map.json',
    'pkg/relations_card.d.ts',
    'pkg/relations_card.js',
    'pkg/relations_card_bg.wasm',
    'pkg/relations_card_bg.wasm.d.ts',
    'pkg/relations_card_types.d.ts',
    'pkg/studio/relations_card_studio.js',
    'pkg/studio/relations_card_studio_bg.wasm',
    'pkg/texts.ru.json',
    'pkg/texts.tg.json',
    'relations-card.css',
    'relations-card.d.ts',
    'relations-card.html',
    'relations-card.js',
    'studio.css',
    'studio.html',
    'studio.js',
    'template.csv',
  ]);
  const manifest = JSON.parse(readFileSync(`${root}dist/package/package.json`, 'utf8'));
  assert.equal(manifest.name, 'relations-card');
  assert.equal(manifest.version, /^version = "([^"]+)"/m.exec(readFileSync(`${root}Cargo.toml`, 'utf8'))[1]);
  assert.equal(manifest.types, './relations-card.d.ts');
  const types = readFileSync(`${root}dist/package/pkg/relations_card.d.ts`, 'utf8');
  for (const name of ['export * from "./relations_card_types"', 'class Card', 'class Relations']) assert.ok(types.includes(name), name);
  const frame = readFileSync(`${root}dist/package/pkg/relations_card_types.d.ts`, 'utf8');
  for (const name of ['interface Frame', 'interface Screen', 'interface CardState', 'type Msg', 'type Body']) assert.ok(frame.includes(name), name);
  console.log(`package: ${pack.filename}, ${pack.entryCount} files, ${(pack.size / 1024).toFixed(1)} KiB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KiB unpacked`);
});
