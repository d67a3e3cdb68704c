// What the benchmarks run: the release CLI and the card's wasm, as built;
// a benchmark stops with how to build them when they are not there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const relationsBin = join(root, 'target/release/relations');
export const wasmPath = join(root, 'pkg/relations_card_bg.wasm');
for (const [file, how] of [[relationsBin, 'cargo build --release --bin relations'], [wasmPath, 'make build']]) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: run \`${how}\` first`);
    process.exit(2);
  }
}
