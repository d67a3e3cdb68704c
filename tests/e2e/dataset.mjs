// What the end-to-end tests know without a browser: the repository's root,
// the folder screenshots go to, and the built-in dataset as the card reads
// it. No test hooks here, so a file that drives other browsers than
// helpers.mjs's Chromium (engines.test.mjs) can share it.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
/** The built-in dataset as its file has it: texts in every language. */
export const datasetInEveryLanguage = JSON.parse(readFileSync(`${root}data/tajikistan.json`, 'utf8'));
/** The same in its own language (English), as an English card shows it:
 * each `{"en": …, "ru": …}` text read as its English string. */
export const dataset = inLanguage(datasetInEveryLanguage, 'en');
function inLanguage(value, language) {
  if (Array.isArray(value)) return value.map((item) => inLanguage(item, language));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const isText = entries.length > 0 && entries.every(([key, v]) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(key) && typeof v === 'string');
  if (isText && language in value) return value[language];
  return Object.fromEntries(entries.map(([key, v]) => [key, inLanguage(v, language)]));
}
export const shots = `${root}test-results/screenshots`;
mkdirSync(shots, { recursive: true });
