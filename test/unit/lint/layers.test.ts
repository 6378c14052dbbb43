// The layer map and the cycle ban are rules of biome.json: this runs Biome with the project's own config on
// a small fixture tree and checks that it refuses each forbidden import and a cycle, and allows the rest.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');

const FIXTURE: Record<string, string> = {
  'src/rules.ts': 'export const RULE = 1;\n',
  'src/cpanel/ok.ts':
    "import { RULE } from '../rules';\nimport { other } from './other';\nexport const ok = [RULE, other];\n",
  'src/cpanel/other.ts': 'export const other = 1;\n',
  'src/cpanel/usesCore.ts': "import { core } from '../core/core';\nexport const bad = core;\n",
  'src/cpanel/usesI18n.ts': "import { t } from '../i18n/t';\nexport const bad = t;\n",
  'src/cpanel/usesPolyfill.ts': "import browser from 'webextension-polyfill';\nexport const bad = browser;\n",
  'src/cpanel/usesChrome.ts': 'export const bad = chrome.runtime;\n',
  'src/core/core.ts':
    "import { ok } from '../cpanel/ok';\nimport { RULE } from '../rules';\nexport const core = [ok, RULE];\n",
  'src/core/usesI18n.ts': "import { t } from '../i18n/t';\nexport const bad = t;\n",
  'src/core/usesWorker.ts': "import { worker } from '../background/worker';\nexport const bad = worker;\n",
  'src/i18n/t.ts': 'export const t = 1;\n',
  'src/presentation/text.ts': "import { t } from '../i18n/t';\nexport const text = t;\n",
  'src/ui/Note.ts': 'export const Note = 1;\n',
  'src/background/worker.ts':
    "import { core } from '../core/core';\nimport { text } from '../presentation/text';\nexport const worker = [core, text];\n",
  'src/background/usesUi.ts': "import { Note } from '../ui/Note';\nexport const bad = Note;\n",
  'src/background/usesPopup.ts': "import { page } from '../popup/page';\nexport const bad = page;\n",
  'src/messages/client.ts': 'export const send = 1;\n',
  'src/popup/page.ts':
    "import { send } from '../messages/client';\nimport { Note } from '../ui/Note';\nexport const page = [send, Note];\n",
  'src/popup/usesWorker.ts': "import { worker } from '../background/worker';\nexport const bad = worker;\n",
  'src/options/usesWorker.ts': "import { worker } from '../background/worker';\nexport const bad = worker;\n",
  'src/core/cycleA.ts': "import type { B } from './cycleB';\nexport interface A { b?: B }\n",
  'src/core/cycleB.ts': "import type { A } from './cycleA';\nexport interface B { a?: A }\n",
};

let dir = '';
let findings: { file: string; rule: string }[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wml-layers-'));
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  for (const [path, text] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  let output = '';
  try {
    output = execFileSync(BIOME, ['lint', '--max-diagnostics=200', 'src'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    output = `${failed.stdout ?? ''}\n${failed.stderr ?? ''}`;
  }
  findings = [...output.matchAll(/^(src\/\S+?):\d+:\d+ lint\/\w+\/(\w+)/gm)].map(([, file, rule]) => ({
    file: file as string,
    rule: rule as string,
  }));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rulesFor = (file: string) => [...new Set(findings.filter((f) => f.file === file).map((f) => f.rule))];

describe('the layer map in biome.json', () => {
  it.each([
    ['src/cpanel/usesCore.ts', 'noRestrictedImports'],
    ['src/cpanel/usesI18n.ts', 'noRestrictedImports'],
    ['src/cpanel/usesPolyfill.ts', 'noRestrictedImports'],
    ['src/cpanel/usesChrome.ts', 'noRestrictedGlobals'],
    ['src/core/usesI18n.ts', 'noRestrictedImports'],
    ['src/core/usesWorker.ts', 'noRestrictedImports'],
    ['src/background/usesUi.ts', 'noRestrictedImports'],
    ['src/background/usesPopup.ts', 'noRestrictedImports'],
    ['src/popup/usesWorker.ts', 'noRestrictedImports'],
    ['src/options/usesWorker.ts', 'noRestrictedImports'],
  ])('refuses %s (%s)', (file, rule) => {
    expect(rulesFor(file)).toContain(rule);
  });

  it('refuses a cycle, even of type-only imports', () => {
    expect(rulesFor('src/core/cycleA.ts')).toContain('noImportCycles');
    expect(rulesFor('src/core/cycleB.ts')).toContain('noImportCycles');
  });

  it.each([
    'src/cpanel/ok.ts',
    'src/core/core.ts',
    'src/presentation/text.ts',
    'src/background/worker.ts',
    'src/popup/page.ts',
  ])('allows the imports of %s', (file) => {
    expect(rulesFor(file)).toEqual([]);
  });
});
