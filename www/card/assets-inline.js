// The card's WebAssembly and styles carried inside the script, for the single
// file that must work opened from disk. scripts/single-file.mjs swaps this in
// for assets.js and provides the virtual module with the wasm and the CSS.
import { css, map, texts, wasmBase64 } from 'relations-card:inline';

/** The .wasm's bytes: the glue instantiates them directly, no request. */
export function wasmSource() {
  return Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
}

/** No second glue in a single file: after a trap the first instance goes on. */
export async function freshGlue() {
  return null;
}

/** The map's geometry, carried inside too. */
export async function mapSource() {
  return map;
}

/** The built-in dataset's texts in another language, carried inside too. */
export async function textsSource(language) {
  if (!(language in texts)) throw new Error(`no ${language} texts in this file`);
  return texts[language];
}

/** The card's styles, as a style element (the page is a file, no CSP). */
export function styles() {
  const style = document.createElement('style');
  style.textContent = css;
  return style;
}
