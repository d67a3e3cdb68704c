// Writes dist/relations-card.html: the whole card in one file — WebAssembly
// (base64), wasm-bindgen glue, element, styles and an HTML summary for
// readers without scripts — that works opened from disk (file://) and
// uploaded to a learning platform. The same esbuild bundle as the package,
// with www/card/assets.js replaced by assets-inline.js, which reads the wasm
// and the CSS from a virtual module this script provides.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(`${root}${path}`, 'utf8');

const wasmBase64 = readFileSync(`${root}pkg/relations_card_bg.wasm`).toString('base64');
const css = transformSync(read('www/relations-card.css'), { loader: 'css', minify: true }).code;
const fallback = read('pkg/static.html');

let swapped = false;
const inline = {
  name: 'inline-assets',
  setup(on) {
    // The element's assets module, wherever it is imported from in www/card/.
    on.onResolve({ filter: /^\.\/assets\.js$/ }, (args) => {
      if (!args.importer.startsWith(`${root}www/card/`)) return undefined;
      swapped = true;
      return { path: `${root}www/card/assets-inline.js` };
    });
    on.onResolve({ filter: /^relations-card:inline$/ }, () => ({ path: 'inline', namespace: 'relations-card-inline' }));
    on.onLoad({ filter: /.*/, namespace: 'relations-card-inline' }, () => ({
      contents: `export const wasmBase64 = ${JSON.stringify(wasmBase64)};\nexport const css = ${JSON.stringify(css)};\nexport const map = ${read('pkg/map.json').trim()};\n` +
        `export const texts = ${JSON.stringify(Object.fromEntries(readdirSync(`${root}pkg`).filter((f) => /^texts\.[a-z-]+\.json$/.test(f)).map((f) => [f.split('.')[1], read(`pkg/${f}`)])))};\n`,
      loader: 'js',
    }));
  },
};

// One module, minified like the package (esbuild: the same code, smaller).
const { outputFiles } = await build({
  entryPoints: [`${root}www/relations-card.js`],
  plugins: [inline],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  // The page says it is UTF-8: Cyrillic and Persian text stays as it is,
  // not six bytes of \uXXXX a letter.
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
});
if (!swapped) throw new Error('single-file: the element no longer imports ./assets.js from www/card/; update scripts/single-file.mjs');
const script = outputFiles[0].text;

// Text that ends a script element must not appear inside one.
const safe = (js) => js.replace(/<\/script/gi, '<\\/script');

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tajikistan's foreign relations — relations-card</title>
<style>body { margin: 0; padding: 1rem; font-family: system-ui, sans-serif; } main { max-width: 72rem; margin: 0 auto; }</style>
</head>
<body>
<main>
<!-- relations-card: the card -->
<relations-card>
${fallback}</relations-card>
<!-- relations-card: end of the card -->
</main>
<script type="module">
${safe(script)}
</script>
</body>
</html>
`;

mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/relations-card.html`, html);
