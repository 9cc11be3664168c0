// index.html names, as modulepreload links, every module the first screen
// needs: what js/main.js imports and what the circles list (the screen a
// launch opens on) imports, all the way down. A module without a link is
// asked for only once the module importing it has arrived: one round trip
// over the window's wails:// scheme per import level. A link to a module the
// first screen does not import is parse work at launch for nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIRST_SCREEN = ['js/main.js', 'js/views/circles.js'];

/**
 * The modules a file imports statically (import/export ... from, bare
 * imports), as paths under frontend/; import() is left out: it loads later.
 * @param {string} file path under frontend/
 * @returns {string[]}
 */
function staticImports(file) {
  const src = readFileSync(join(root, file), 'utf8');
  const specs = [...src.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] || m[2]);
  return specs.map((s) => relative(root, resolve(root, dirname(file), s)));
}

/**
 * Every module the entries import, directly or not (the entries left out).
 * @param {string[]} entries
 * @returns {string[]} sorted
 */
function importedBy(entries) {
  const seen = new Set(entries);
  for (const queue = [...entries]; queue.length;) {
    for (const dep of staticImports(queue.shift())) {
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...seen].filter((f) => f !== 'js/main.js').sort();
}

test('index.html preloads exactly the modules the first screen imports', () => {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  const needed = importedBy(FIRST_SCREEN);
  assert.deepEqual(preloaded, needed, 'index.html\'s modulepreload links should name exactly: ' + needed.join(', '));
});

test('the walk follows static imports only', () => {
  assert.ok(importedBy(['js/main.js']).includes('js/lib/dom.js'));
  assert.ok(!importedBy(['js/main.js']).includes('js/views/circles.js'), 'main.js loads its views with import()');
  assert.ok(importedBy(['js/views/circles.js']).includes('js/lib/vlist.js'), 'two levels down, through views/vlist.js');
});
