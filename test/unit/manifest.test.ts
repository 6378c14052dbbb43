import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));

/** The extension pages' CSP as directive → sources. */
function directives(): Map<string, string[]> {
  const policy: string = manifest.content_security_policy.extension_pages;
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe("the extension pages' content security policy", () => {
  it('lets forms post only to https servers (the launch page signs in with a POST)', () => {
    expect(directives().get('form-action')).toEqual(['https:']);
  });

  it('runs only its own scripts and loads no plugins', () => {
    expect(directives().get('script-src')).toEqual(["'self'"]);
    expect(directives().get('object-src')).toEqual(["'none'"]);
  });
});
