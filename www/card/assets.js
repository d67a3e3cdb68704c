// Where the card's WebAssembly and styles come from when served: files beside
// the element (dist/package/), fetched as files so a strict CSP allows them.
// The single-file build swaps in assets-inline.js instead of this module.

// Bundled, import.meta.url is the bundle's, beside pkg/ and the stylesheet;
// unbundled (www/ served as is), this module sits one folder down, in card/.
const base = new URL(import.meta.url.endsWith('/card/assets.js') ? '../' : './', import.meta.url);

/** The .wasm, requested now: the glue instantiates it as it streams in. */
export function wasmSource() {
  return fetch(new URL('pkg/relations_card_bg.wasm', base));
}

/** A glue module of its own for the `n`th instance (after a trap): the
 * shipped glue (pkg/relations_card.js), imported under another URL. */
export function freshGlue(n) {
  return import(new URL(`pkg/relations_card.js?instance=${n}`, base).href);
}

/** The map's geometry (pkg/map.json), fetched the first time a map is shown. */
export async function mapSource() {
  const response = await fetch(new URL('pkg/map.json', base));
  if (!response.ok) throw new Error(`could not fetch the map: HTTP ${response.status}`);
  return response.json();
}

/** The built-in dataset's texts in another language (pkg/texts.<language>.json), as text. */
export async function textsSource(language) {
  const response = await fetch(new URL(`pkg/texts.${language}.json`, base));
  if (!response.ok) throw new Error(`could not fetch the ${language} texts: HTTP ${response.status}`);
  return response.text();
}

/** The card's styles: a link to its stylesheet (allowed by a strict CSP). */
export function styles() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('relations-card.css', base).href;
  return link;
}
