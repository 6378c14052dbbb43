// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures are source code, templates included
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { catalogue, ROOT, sourceFiles } from './catalogue';
import { type Node, shownLiterals } from './scan';

const english = catalogue('en');
const files = sourceFiles('src', ['.ts', '.tsx', '.html']);
const read = (file: string) => readFileSync(file, 'utf8');
const name = (file: string) => relative(ROOT, file);

/** Message keys by their prefixes (see DESIGN of the catalogue): quoted in code, in data-i18n, in __MSG_…__. */
const KEY = /(?<=['"`])(?:popup|options|launch|notify|error|advice|ext|command|compose)_[a-z0-9_]+(?=['"`])/g;
const MANIFEST_KEY = /(?<=__MSG_)[a-z0-9_]+?(?=__)/g;

/** Keys kept for code that is not written yet: the Firefox menu item naming the clicked address. */
const RESERVED = ['ext_context_menu_for'];

function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const note = (key: string, file: string) => used.set(key, [...(used.get(key) ?? []), name(file)]);
  for (const file of files) for (const [key] of read(file).matchAll(KEY)) note(key, file);
  const manifest = `${ROOT}/manifest.json`;
  for (const [key] of read(manifest).matchAll(MANIFEST_KEY)) note(key, manifest);
  return used;
}

/** `new LauncherError(code, message)` whose message is written out in code instead of taken from the catalogue. */
function literalErrors(source: string, file: string): string[] {
  const program = parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }) as unknown as Node;
  const found: string[] = [];
  const visit = (node: Node) => {
    const callee = node.callee as Node | undefined;
    if (node.type === 'NewExpression' && callee?.type === 'Identifier' && callee.name === 'LauncherError') {
      const message = (node.arguments as Node[])[1];
      for (const { text } of shownLiterals(message)) found.push(`${name(file)}: “${text}”`);
    }
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child === 'object' && child !== null && typeof child.type === 'string') visit(child);
      }
    }
  };
  visit(program);
  return found;
}

describe('message keys in the code', () => {
  it('all exist in the English catalogue (so in every locale)', () => {
    const missing = [...usedKeys()].filter(([key]) => !(key in english));
    expect(missing.map(([key, where]) => `${key} (${where.join(', ')})`)).toEqual([]);
  });

  it('include every error key a LauncherError is made with', () => {
    const errorKeys = [...usedKeys().keys()].filter((key) => key.startsWith('error_'));
    expect(errorKeys.length).toBeGreaterThan(60);
    for (const key of errorKeys) expect(english).toHaveProperty(key);
  });

  it('leave no message unused', () => {
    const used = usedKeys();
    expect(Object.keys(english).filter((key) => !used.has(key) && !RESERVED.includes(key))).toEqual([]);
  });

  it('make every LauncherError from a key; only a server’s own words are passed as text', () => {
    const found = files
      .filter((file) => /\.tsx?$/.test(file))
      .flatMap((file) => literalErrors(read(file), file));
    expect(found).toEqual([]);
  });

  it('would notice a LauncherError written out in English', () => {
    const source =
      "throw new LauncherError('bad_input', `“${x}” is wrong.`); new LauncherError('x', ok ? 'Yes' : msg('a'));";
    expect(literalErrors(source, `${ROOT}/src/fixture.ts`)).toEqual([
      'src/fixture.ts: ““…” is wrong.”',
      'src/fixture.ts: “Yes”',
    ]);
  });
});
