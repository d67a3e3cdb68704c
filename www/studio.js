// The studio page: gathers the sheets (pasted, chosen, dropped) and the
// form, asks the core (its own wasm, pkg/studio/) what they make after each
// change, and draws the answer: problems at their cells, a live card, the
// files and snippets to take away. Every decision is the core's; every
// string from a sheet reaches the page as text. Nothing is sent anywhere.
import init, { importSheets, embedSnippets, singleFile, themeKeys } from '../pkg/studio/relations_card_studio.js';

const $ = (id) => document.getElementById(id);
const PASTED = 'the pasted sheet';
/** Chosen or dropped files, kept until removed: { name, bytes }. */
const chosen = [];
/** What the editor says of partners nothing knows, by the sheet's name for them. */
const partnerForms = new Map();
let askedFor = '';
let answer = null;
let previewUrl = null;
let template = null;

// Served from the site's root (www/ or the package), with the wasm in pkg/studio/.
const base = new URL('./', import.meta.url);
const ready = init({ module_or_path: new URL('pkg/studio/relations_card_studio_bg.wasm', base) }).then(() => {
  for (const key of themeKeys()) $('theme').append(new Option(key, key));
  performance.mark('relations-studio-ready');
  check();
  // The single file's template, fetched once the checker is up, so that it
  // is here when the network is not.
  setTimeout(fetchTemplate, 500);
});
ready.catch((error) => say(`The checker could not start: ${error.message}`));

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function say(text) {
  $('status').textContent = text;
}

/** The choices of the form, as the core reads them. */
function options() {
  const value = (id) => $(id).value.trim();
  return {
    subject: value('subject'),
    title: value('title'),
    language: value('language'),
    group: value('group'),
    partners: value('partner') ? [value('partner')] : [],
    themes: value('theme') ? [value('theme')] : [],
    newPartners: [...partnerForms].map(([name, form]) => ({ name, ...form })),
    source: {
      title: value('source-title'),
      publisher: value('source-publisher'),
      asOf: value('source-as-of'),
      reliability: value('source-reliability'),
      url: value('source-url'),
    },
  };
}

/** Asks the core what the sheets make now, and draws it. */
function check() {
  const files = [...chosen];
  const pasted = $('sheet').value;
  if (pasted.trim()) files.unshift({ name: PASTED, bytes: new TextEncoder().encode(pasted) });
  if (!files.length) {
    answer = null;
    say('Paste a sheet, choose a file or start from the template.');
    drawProblems([], [], []);
    return;
  }
  const started = performance.now();
  answer = importSheets(files.map((f) => f.name), files.map((f) => f.bytes), options());
  const millis = Math.round(performance.now() - started);
  performance.mark('relations-studio-checked', { detail: { millis } });
  const count = answer.problems.length;
  say(answer.dataset
    ? `No problems: ${answer.counts}. Checked in ${millis} ms.`
    : `${count} problem${count === 1 ? '' : 's'} to mend (checked in ${millis} ms). The card shows once there are none.`);
  drawProblems(answer.problems, answer.rows, answer.notes);
  if (answer.dataset) showCard(answer.dataset);
  if (answer.dataset) $('preview-note').textContent = `${answer.title}: ${answer.counts}.`;
  else if (previewUrl) $('preview-note').textContent = 'The card below is the last version without problems; mend the sheet to update it.';
  $('download-json').disabled = $('download-single').disabled = !answer.dataset;
  drawPartners(answer.partners);
  askForPartners(answer.unknownPartners);
  drawSnippets();
}

/** A row of fields for each partner nothing knows (and each already
 * described), redrawn only when the names change, so typing keeps its place. */
function askForPartners(unknown) {
  const names = [...new Set([...partnerForms.keys(), ...unknown])];
  if (names.join('\n') === askedFor) return;
  askedFor = names.join('\n');
  $('new-partners').hidden = names.length === 0;
  $('new-partner-rows').replaceChildren(...names.map((name, i) => {
    const form = partnerForms.get(name) ?? { code: '', kind: '', region: '' };
    const group = element('div', undefined, 'fields new-partner');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', name);
    group.append(element('p', name, 'partner-name'));
    const field = (label, control, key) => {
      control.id = `new-partner-${i}-${key}`;
      control.value = form[key];
      control.addEventListener('input', () => {
        partnerForms.set(name, { ...(partnerForms.get(name) ?? form), [key]: control.value.trim() });
        checkSoon();
      });
      const wrapper = element('label', `${label} `);
      wrapper.append(control);
      return wrapper;
    };
    const kind = element('select');
    kind.append(new Option('(from the code)', ''), new Option('country', 'country'), new Option('organisation', 'organisation'));
    group.append(
      field(`Code of ${name}`, Object.assign(element('input'), { autocomplete: 'off' }), 'code'),
      field(`Kind of ${name}`, kind, 'kind'),
      field(`Region of ${name}`, Object.assign(element('input'), { autocomplete: 'off' }), 'region'),
    );
    return group;
  }));
}

/** Where a problem is, in words: "the pasted sheet, row 14, Date". */
function place(problem) {
  const parts = [problem.file || 'the sheet'];
  if (problem.row) parts.push(`row ${problem.row}`);
  if (problem.column) parts.push(problem.column);
  return parts.join(', ');
}

function drawProblems(problems, rows, notes) {
  const list = $('problems');
  list.replaceChildren(...problems.map((problem) => {
    const item = element('li');
    item.append(element('strong', `${place(problem)}: `), element('span', problem.message));
    return item;
  }));
  $('notes').replaceChildren(...notes.map((note) => element('li', note)));
  // The rows with problems, as the sheet has them, the wrong cells marked.
  const tables = new Map();
  for (const row of rows) {
    if (!tables.has(row.file)) {
      const table = element('table');
      table.append(element('caption', `Rows of ${row.file} with problems`));
      const head = element('tr');
      head.append(element('th', 'Row'), ...row.header.map((name) => Object.assign(element('th', name), { scope: 'col' })));
      table.append(element('thead'), element('tbody'));
      table.tHead.append(head);
      tables.set(row.file, table);
    }
    const bad = new Map();
    for (const p of problems) {
      if (p.file === row.file && p.row === row.number && p.columnIndex !== undefined && p.columnIndex !== null) {
        bad.set(p.columnIndex, [...(bad.get(p.columnIndex) ?? []), p.message]);
      }
    }
    const tr = element('tr');
    tr.append(Object.assign(element('th', String(row.number)), { scope: 'row' }));
    row.header.forEach((_, i) => {
      const cell = element('td', row.cells[i] ?? '');
      if (bad.has(i)) {
        cell.className = 'bad';
        cell.title = bad.get(i).join('\n');
        cell.append(element('span', ` (problem: ${bad.get(i).join(' ')})`, 'visually-hidden'));
      }
      tr.append(cell);
    });
    tables.get(row.file).tBodies[0].append(tr);
  }
  $('rows').replaceChildren(...tables.values());
}

/** The card on the current dataset: a URL of this page's memory, never a server's. */
function showCard(json) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const card = $('preview');
  card.setAttribute('src', url);
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = url;
  fetchTemplate();
}

/** The shipped single-file card, which the studio fills with the dataset. */
function fetchTemplate() {
  template ??= fetch(new URL('relations-card.html', base)).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.text();
  });
  template.catch(() => (template = null));
}

function drawPartners(partners) {
  const select = $('open-partner');
  const chosenCode = select.value;
  select.replaceChildren(new Option('(none)', ''), ...partners.map((p) => new Option(`${p.name} (${p.code})`, p.code)));
  if (partners.some((p) => p.code === chosenCode)) select.value = chosenCode;
}

function drawSnippets() {
  const title = answer?.title || 'Foreign relations';
  const s = embedSnippets($('files-url').value.trim(), $('dataset-url').value.trim(), $('open-on').value, $('open-partner').value, title);
  $('snippet-script').value = s.script;
  $('snippet-iframe').value = s.iframe;
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileName(extension) {
  const subject = $('subject').value.trim().replace(/[^A-Za-z0-9-]+/g, '-') || 'card';
  return `relations-${subject}.${extension}`;
}

let pending = 0;
function checkSoon() {
  clearTimeout(pending);
  pending = setTimeout(() => ready.then(check), 120);
}

async function addFiles(files) {
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const same = chosen.findIndex((f) => f.name === file.name);
    if (same >= 0) chosen.splice(same, 1);
    chosen.push({ name: file.name, bytes });
  }
  drawFiles();
  checkSoon();
}

function drawFiles() {
  $('file-list').replaceChildren(...chosen.map((file, i) => {
    const item = element('li', `${file.name} (${Math.ceil(file.bytes.length / 1024)} KiB) `);
    const remove = element('button', 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove ${file.name}`);
    remove.addEventListener('click', () => {
      chosen.splice(i, 1);
      drawFiles();
      checkSoon();
    });
    item.append(remove);
    return item;
  }));
}

for (const id of ['sheet', 'subject', 'title', 'language', 'group', 'partner', 'theme',
  'source-title', 'source-publisher', 'source-as-of', 'source-reliability', 'source-url']) {
  $(id).addEventListener('input', checkSoon);
}
for (const id of ['files-url', 'dataset-url', 'open-on', 'open-partner']) {
  $(id).addEventListener('input', () => ready.then(drawSnippets));
}
$('files').addEventListener('change', (event) => addFiles(event.target.files).then(() => (event.target.value = '')));
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => {
  event.preventDefault();
  if (event.dataTransfer?.files.length) addFiles(event.dataTransfer.files);
});
$('template').addEventListener('click', async () => {
  if ($('sheet').value.trim() && !confirm('Replace the pasted sheet with the template?')) return;
  const response = await fetch(new URL('template.csv', base));
  $('sheet').value = await response.text();
  checkSoon();
});
$('clear').addEventListener('click', () => {
  if (($('sheet').value.trim() || chosen.length) && !confirm('Clear the sheet and the chosen files?')) return;
  $('sheet').value = '';
  chosen.length = 0;
  drawFiles();
  checkSoon();
});
// Indented for a person to read; the core writes it compact for the live card.
$('download-json').addEventListener('click', () => download(fileName('json'), 'application/json', `${JSON.stringify(JSON.parse(answer.dataset), null, 2)}\n`));
$('download-single').addEventListener('click', async () => {
  try {
    const html = singleFile(await (template ?? Promise.reject(new Error('not fetched'))), answer.dataset);
    download(fileName('html'), 'text/html', html);
  } catch (error) {
    say(`The single file could not be made: ${error.message}`);
  }
});
for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const text = $(button.dataset.copy).value;
    try {
      await navigator.clipboard.writeText(text);
      $('copied').textContent = 'Copied.';
    } catch {
      $(button.dataset.copy).select();
      $('copied').textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
    }
  });
}
