// Writes dist/relations-card.html: the whole card in one file — WebAssembly
// (base64), wasm-bindgen glue, element, styles and an HTML summary for
// readers without scripts — that works opened from disk (file://) and
// uploaded to a learning platform. No bundler: a few exact text swaps, each
// checked, so a change in the sources fails the build instead of the file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(`${root}${path}`, 'utf8');

/** Replaces exactly one occurrence of `from`, or stops the build. */
function swap(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`single-file: cannot find exactly one "${from}" in ${what}; update scripts/single-file.mjs`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// The glue as a function returning what its module exported.
let glue = read('pkg/relations_card.js');
glue = swap(glue, 'export class Relations', 'class Relations', 'the glue');
glue = swap(glue, 'export function start', 'function start', 'the glue');
glue = swap(glue, 'export function interfaceLabels', 'function interfaceLabels', 'the glue');
glue = swap(glue, 'export { initSync, __wbg_init as default };', '', 'the glue');
if (/^export /m.test(glue)) throw new Error('single-file: the glue exports something new; update scripts/single-file.mjs');

let card = read('www/relations-card.js');
card = swap(card, "const wasm = fetch(new URL('./pkg/relations_card_bg.wasm', import.meta.url));", 'const wasm = WASM_BYTES;', 'the element');
card = swap(card, "const glue = await import('./pkg/relations_card.js');", 'const glue = GLUE;', 'the element');
card = swap(
  card,
  `  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  return link;`,
  `  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  return style;`,
  'the element',
);

const wasm = readFileSync(`${root}pkg/relations_card_bg.wasm`).toString('base64');
const css = transformSync(read('www/relations-card.css'), { loader: 'css', minify: true }).code;
const fallback = read('pkg/static.html');
// Text that ends a script element must not appear inside one.
const safe = (js) => js.replace(/<\/script/gi, '<\\/script');

// One module, minified like the package (esbuild: the same code, smaller).
const script = transformSync(
  `const WASM_BYTES = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));
const CARD_CSS = ${JSON.stringify(css)};
const GLUE = (() => {
${glue}
return { default: __wbg_init, initSync, Relations, interfaceLabels };
})();
${card}`,
  { loader: 'js', format: 'esm', minify: true, target: 'es2022' },
).code;

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
<relations-card>
${fallback}</relations-card>
</main>
<script type="module">
${safe(script)}
</script>
</body>
</html>
`;

mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/relations-card.html`, html);
