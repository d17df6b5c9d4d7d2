// Fills ikk's XForm with ODK's own form engine, as an enumerator would, and
// writes the export a form server would give of the submissions.
//
//   node fill.mjs FORM.xml HOUSEHOLDS.json OUT.csv central|kobo
//
// HOUSEHOLDS.json is {"households": [{"answers": {NAME: VALUE}, "relevant":
// [NAME...]}]}: the answers of every question the household could be asked
// and the questions that should be asked of it. For each household the
// script walks the form in order, answers every relevant question (a
// relevant question without an answer, an answer the engine refuses or
// flags, and any difference between the questions the engine finds
// relevant and those expected are errors), serialises the submission and
// reads its XML back. The export has the form's fields as columns, named by
// their group path ("identitas-kode_desa" for ODK Central, with its
// metadata columns; "identitas/kode_desa" and ';' for KoboToolbox), one row
// per submission. It prints a summary line as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

// The engine parses XML with the browser's DOMParser and builds nodes in
// a document; jsdom provides both.
const dom = new JSDOM('');
for (const name of ['DOMParser', 'XMLSerializer', 'Node', 'Element', 'Document', 'XMLDocument', 'Attr', 'Text', 'document']) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}
// The engine's bundled XPath parser (tree-sitter, compiled by emscripten)
// takes the CommonJS branch under Node and names __dirname and module,
// which an ES module does not have; it loads its grammar from memory, so
// empty stand-ins suffice.
globalThis.__dirname ??= '/';
globalThis.module ??= {};
const { loadForm } = await import('@getodk/xforms-engine');

const [formPath, householdsPath, outPath, style = 'central'] = process.argv.slice(2);
if (!formPath || !householdsPath || !outPath || !['central', 'kobo'].includes(style)) {
  console.error('usage: node fill.mjs FORM.xml HOUSEHOLDS.json OUT.csv central|kobo');
  process.exit(2);
}
const formXML = readFileSync(formPath, 'utf8');
const { households } = JSON.parse(readFileSync(householdsPath, 'utf8'));

const loaded = await loadForm(formXML);
if (loaded.status === 'failure') fail(`the engine cannot load the form: ${loaded.error?.message ?? loaded.error}`);
const warnings = loaded.warnings ? JSON.stringify(loaded.warnings) : '';

// The leaves of the form's primary instance, in document order: the columns
// of the export.
const schema = new DOMParser().parseFromString(formXML, 'text/xml');
const data = [...schema.getElementsByTagName('instance')].find((i) => !i.getAttribute('id')).firstElementChild;
const fields = leaves(data, []);
const formVersion = data.getAttribute('version') ?? '';

const rows = [];
let asked = 0;
let skipped = 0;
const languages = [];
for (const [i, hh] of households.entries()) {
  const instance = loaded.createInstance();
  const root = instance.root;
  if (i === 0) for (const l of root.languages) languages.push(l.language);
  const relevant = [];
  for (const node of controls(root)) {
    const name = nameOf(node);
    if (!node.currentState.relevant) {
      skipped++;
      continue;
    }
    relevant.push(name);
    const value = hh.answers[name];
    if (value === undefined || value === null || value === '') fail(`household ${i + 1}: ${name} is asked and has no answer`);
    answer(node, value, i);
    asked++;
  }
  const want = new Set(hh.relevant);
  const got = new Set(relevant);
  const missing = [...want].filter((n) => !got.has(n));
  const extra = [...got].filter((n) => !want.has(n));
  if (missing.length || extra.length) {
    fail(`household ${i + 1}: asked ${JSON.stringify(extra)} that should not be, not asked ${JSON.stringify(missing)}`);
  }
  const payload = await root.prepareInstancePayload();
  if (payload.status !== 'ready') {
    fail(`household ${i + 1}: the submission is ${payload.status}: ${JSON.stringify(payload.violations?.map((v) => v.reference))}`);
  }
  const xml = await payload.data[0].get('xml_submission_file').text();
  rows.push(values(new DOMParser().parseFromString(xml, 'text/xml').documentElement));
}

writeFileSync(outPath, exportCSV(rows));
console.log(JSON.stringify({ households: rows.length, asked, skipped, fields: fields.length, languages, warnings }));

function fail(msg) {
  console.error(`fill.mjs: ${msg}`);
  process.exit(1);
}

// controls are the questions of the form in order: inputs and selects.
function* controls(node) {
  for (const child of node.currentState.children ?? []) {
    if (child.nodeType === 'input' || child.nodeType === 'select') yield child;
    else if (child.nodeType === 'group') yield* controls(child);
  }
}

// answer sets a question's value as a client does, and checks that the
// engine took it and found it valid.
function answer(node, value, i) {
  if (node.nodeType === 'select') {
    if (!node.getValueOption(value)) fail(`household ${i + 1}: ${nameOf(node)} offers no choice ${value}`);
    node.selectValue(value);
    if (!node.isSelected(value)) fail(`household ${i + 1}: ${nameOf(node)} did not take ${value}`);
  } else {
    node.setValue(value);
  }
  const v = node.validationState.violation;
  if (v) fail(`household ${i + 1}: ${nameOf(node)} = ${value} violates its ${v.condition}: ${v.message?.asString ?? ''}`);
}

function leaves(el, path) {
  const out = [];
  for (const child of el.children) {
    const p = [...path, child.localName];
    if (child.children.length === 0) out.push(p);
    else out.push(...leaves(child, p));
  }
  return out;
}

// values reads a submission's leaves by path; a field the submission leaves
// out (a question not asked) is blank.
function values(root) {
  const byPath = new Map();
  for (const p of leaves(root, [])) {
    let el = root;
    for (const name of p) el = [...el.children].find((c) => c.localName === name);
    byPath.set(p.join('/'), el.textContent);
  }
  return byPath;
}

function exportCSV(rows) {
  const sep = style === 'kobo' ? ';' : ',';
  const joiner = style === 'kobo' ? '/' : '-';
  const head = fields.map((p) => p.join(joiner));
  let meta;
  if (style === 'central') {
    // The columns ODK Central adds around the form's fields.
    head.unshift('SubmissionDate');
    meta = ['KEY', 'SubmitterID', 'SubmitterName', 'AttachmentsPresent', 'AttachmentsExpected', 'Status', 'ReviewState', 'DeviceID', 'Edits', 'FormVersion'];
  } else {
    meta = ['_id', '_uuid', '_submission_time', '_validation_status', '_notes', '_status', '_submitted_by', '__version__', '_tags', '_index'];
  }
  head.push(...meta);
  const lines = [head];
  rows.forEach((r, i) => {
    const id = r.get('meta/instanceID') ?? '';
    const line = fields.map((p) => r.get(p.join('/')) ?? '');
    const when = `2026-01-${String(10 + (i % 20)).padStart(2, '0')}T03:00:00.000Z`;
    if (style === 'central') {
      line.unshift(when);
      line.push(id, '7', 'enumerator', '0', '0', '', '', '', '0', formVersion);
    } else {
      line.push(String(1000 + i), id.replace(/^uuid:/, ''), when, '', '', 'submitted_via_web', 'enumerator', formVersion, '', String(i + 1));
    }
    lines.push(line);
  });
  return lines.map((l) => l.map((v) => quote(v, sep)).join(sep)).join('\n') + '\n';
}

function quote(v, sep) {
  return /["\n\r]/.test(v) || v.includes(sep) ? `"${v.replaceAll('"', '""')}"` : v;
}

// nameOf is a question's name: the last step of its node's path.
function nameOf(node) {
  return node.currentState.reference.split('/').pop();
}
