import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripPreactHtmlSink } from '../../scripts/firefox/noHtmlSink';
import { FIREFOX_BUILD } from './firefox';

// Any `x.innerHTML = …` or `+=` (not a comparison): what Mozilla's linter reports as UNSAFE_VAR_ASSIGNMENT.
const ASSIGNMENT = /\.(inner|outer)HTML\s*\+?=(?!=)/;

function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));
}

describe('stripPreactHtmlSink', () => {
  it('removes nothing the extension uses: no source sets dangerouslySetInnerHTML', () => {
    const src = join(import.meta.dirname, '../../src');
    const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|tsx)$/.test(name))
      .filter((name) => readFileSync(join(src, name), 'utf8').includes('dangerouslySetInnerHTML'));
    expect(sources).toEqual([]);
  });

  const preact = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');

  it("replaces Preact's one innerHTML assignment with a refusal", () => {
    expect(preact).toMatch(ASSIGNMENT);
    const stripped = stripPreactHtmlSink(preact);
    expect(stripped).not.toMatch(ASSIGNMENT);
    expect(stripped).toContain('dangerouslySetInnerHTML is disabled');
  });

  it('fails the build when Preact no longer looks as expected', () => {
    expect(() => stripPreactHtmlSink('export const h = 1;')).toThrow(/found 0/);
  });

  it('leaves no HTML assignment anywhere in dist/firefox', () => {
    const offenders = scripts(FIREFOX_BUILD).filter((file) => ASSIGNMENT.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
