// Assembles dist/package/: the publishable npm package of the element —
// the element, its styles and types, the WebAssembly and its glue, a README.
// `npm pack --dry-run dist/package` lists exactly what would be published.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/package/`;
const version = /^version = "([^"]+)"/m.exec(readFileSync(`${root}Cargo.toml`, 'utf8'))[1];

rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}pkg`, { recursive: true });
// Scripts and styles are minified (esbuild, whitespace and local names
// only: the same code, a third smaller after gzip); the sources stay in www/.
const banner = `/* relations-card ${version}, MIT licence. Readable source: www/ and pkg/ of the repository. */`;
function minified(from, to, loader) {
  const { code } = transformSync(readFileSync(from, 'utf8'), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: 'es2022', banner, legalComments: 'none' });
  writeFileSync(to, code);
}
// The element (www/relations-card.js and www/card/) and the wasm-bindgen glue
// in one module: the glue arrives with the element instead of through a
// second import once the element runs. www/card/load.js imports the glue by
// its path in the repository (../../pkg/), so esbuild finds it as it is.
/** A page's script and what it imports, in one minified module. */
function bundled(entry, outfile) {
  return build({
    entryPoints: [`${root}www/${entry}`],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    banner: { js: banner },
    legalComments: 'none',
    outfile: `${out}${outfile}`,
    logLevel: 'warning',
  });
}
await bundled('relations-card.js', 'relations-card.js');
minified(`${root}www/relations-card.css`, `${out}relations-card.css`, 'css');
minified(`${root}www/embed-host.js`, `${out}embed-host.js`, 'js');
// The iframe embed's page, as the README's iframe snippet links it.
minified(`${root}www/embed.js`, `${out}embed.js`, 'js');
minified(`${root}www/embed.css`, `${out}embed.css`, 'css');
copyFileSync(`${root}www/embed.html`, `${out}embed.html`);
minified(`${root}pkg/relations_card.js`, `${out}pkg/relations_card.js`, 'js');
// The studio (make a card from a spreadsheet): its page, its script with the
// importer's glue bundled in, its own wasm, the sheet template, and the
// single-file card it fills with the editor's dataset.
await bundled('studio.js', 'studio.js');
minified(`${root}www/studio.css`, `${out}studio.css`, 'css');
copyFileSync(`${root}www/studio.html`, `${out}studio.html`);
copyFileSync(`${root}www/template.csv`, `${out}template.csv`);
copyFileSync(`${root}dist/relations-card.html`, `${out}relations-card.html`);
mkdirSync(`${out}pkg/studio`, { recursive: true });
copyFileSync(`${root}pkg/studio/relations_card_studio_bg.wasm`, `${out}pkg/studio/relations_card_studio_bg.wasm`);
minified(`${root}pkg/studio/relations_card_studio.js`, `${out}pkg/studio/relations_card_studio.js`, 'js');
copyFileSync(`${root}www/relations-card.d.ts`, `${out}relations-card.d.ts`);
const texts = readdirSync(`${root}pkg`).filter((file) => /^texts\.[a-z-]+\.json$/.test(file));
for (const file of ['relations_card_bg.wasm', 'relations_card.d.ts', 'relations_card_types.d.ts', 'relations_card_bg.wasm.d.ts', 'map.json', ...texts]) {
  copyFileSync(`${root}pkg/${file}`, `${out}pkg/${file}`);
}
writeFileSync(
  `${out}package.json`,
  `${JSON.stringify(
    {
      name: 'relations-card',
      version,
      description: "An embeddable card for exploring a country's foreign relations, every fact with its source. Runs in the reader's browser (WebAssembly); no server, no tracker.",
      license: 'MIT',
      type: 'module',
      main: './relations-card.js',
      module: './relations-card.js',
      types: './relations-card.d.ts',
      exports: {
        '.': { types: './relations-card.d.ts', default: './relations-card.js' },
        './relations-card.css': './relations-card.css',
        './embed-host.js': './embed-host.js',
        './pkg/*': './pkg/*',
      },
      files: ['relations-card.js', 'relations-card.css', 'relations-card.d.ts', 'embed-host.js', 'embed.html', 'embed.js', 'embed.css',
        'studio.html', 'studio.js', 'studio.css', 'template.csv', 'relations-card.html', 'pkg/', 'README.md'],
      sideEffects: ['./relations-card.js', './embed-host.js'],
      keywords: ['web-component', 'custom-element', 'webassembly', 'foreign-relations', 'journalism', 'education'],
    },
    null,
    2,
  )}\n`,
);
writeFileSync(
  `${out}README.md`,
  `# relations-card

An interactive card that lets readers explore a country's foreign relations —
partners, a searchable timeline, figures and sources, every fact with the
document it comes from. It runs in the reader's browser: no server, no
tracker, no request to any other site.

\`\`\`html
<script type="module" src="node_modules/relations-card/relations-card.js"></script>
<relations-card partner="IR"></relations-card>
\`\`\`

Optional, in the page's \`<head>\`, so the WebAssembly and styles load with
the script rather than after it:

\`\`\`html
<link rel="preload" href="node_modules/relations-card/pkg/relations_card_bg.wasm" as="fetch" type="application/wasm" crossorigin fetchpriority="low">
<link rel="preload" href="node_modules/relations-card/relations-card.css" as="style">
\`\`\`

Keep \`relations-card.js\`, \`relations-card.css\` and \`pkg/\` together. Attributes:
\`view\`, \`partner\`, \`theme\`, \`from\`, \`to\`, \`q\`, \`src\` (your own dataset), \`url-state\`,
\`color-scheme\`, \`lang\`. Events: \`relations-card-change\` (detail: the state) and
\`relations-card-ready\`. Full documentation: the project's README.
`,
);
