// The built page is valid HTML: the Nu Html Checker (npm `vnu-jar`, the W3C validator, run on
// Debian's Java) finds no error in the prerendered index.html. Leptos's hydration markers (`<!>`,
// a bogus comment each) are stripped at build time; anything else it finds fails here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const VNU = String(require('vnu-jar'));

/** The checker's messages for `file`, as JSON (it exits 1 when it finds errors). */
function check(file) {
  let out;
  try {
    out = execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--stdout', file], { encoding: 'utf8' });
  } catch (error) {
    out = error.stdout;
  }
  return JSON.parse(out).messages;
}

test('the prerendered index.html has no Nu Html Checker errors', () => {
  const file = `${DIST}/index.html`;
  assert.ok(fs.existsSync(file), `no release build in ${DIST}: run make e2e-build`);
  const html = fs.readFileSync(file, 'utf8');
  assert.equal((html.match(/<!>/g) ?? []).length, 0, 'no hydration markers');
  const errors = check(file).filter((m) => m.type === 'error');
  assert.deepEqual(errors.map((m) => `${m.lastLine}:${m.lastColumn} ${m.message}`), []);
});

test('the checker does find errors: a copy with one marker put back fails', () => {
  const copy = `${fs.mkdtempSync('/tmp/vnu-')}/index.html`;
  fs.writeFileSync(copy, fs.readFileSync(`${DIST}/index.html`, 'utf8').replace('<main', '<!><main'));
  const errors = check(copy).filter((m) => m.type === 'error');
  assert.ok(errors.some((m) => /Bogus comment/.test(m.message)), JSON.stringify(errors.slice(0, 2)));
});
