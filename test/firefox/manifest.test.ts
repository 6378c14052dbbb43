import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { firefoxManifest, GECKO_ID, GECKO_MIN_VERSION, MAILTO_HANDLER } from '../../scripts/firefox/manifest';
import { FIREFOX_BUILD } from './firefox';

describe('firefoxManifest', () => {
  const firefox = firefoxManifest(manifest);

  it('runs the worker module as a background script, as Firefox MV3 wants', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
  });

  it('names the add-on and the first Firefox it supports', () => {
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: GECKO_ID, strict_min_version: GECKO_MIN_VERSION, data_collection_permissions: {} },
    });
  });

  it('drops only the Chrome-only keys and keeps everything else as it is', () => {
    const { minimum_chrome_version, storage, background, ...shared } = manifest as Record<string, unknown>;
    const {
      background: _background,
      browser_specific_settings: _settings,
      protocol_handlers: _handlers,
      ...rest
    } = firefox;
    expect(rest).toEqual(shared);
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox).not.toHaveProperty('storage');
  });

  it('handles mailto: links with the compose page, which Chromium also ships as web-accessible', () => {
    expect(firefox.protocol_handlers).toEqual([
      { protocol: 'mailto', name: 'Webmail Launcher', uriTemplate: '/src/compose/index.html?uri=%s' },
    ]);
    const page = MAILTO_HANDLER.uriTemplate.slice(1).split('?')[0];
    expect(manifest.web_accessible_resources[0]?.resources).toContain(page);
  });

  it('refuses a manifest without a worker', () => {
    expect(() => firefoxManifest({ manifest_version: 3 })).toThrow(/service_worker/);
  });
});

describe('dist/firefox', () => {
  const built = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));

  it('starts the background through an ES module that imports the bundled worker', () => {
    expect(built.background).toEqual({ scripts: [expect.any(String)], type: 'module' });
    const loader = readFileSync(join(FIREFOX_BUILD, built.background.scripts[0]), 'utf8');
    const imported = /^import '\.\/(.+)';$/m.exec(loader)?.[1];
    expect(imported && existsSync(join(FIREFOX_BUILD, imported))).toBe(true);
  });

  it('declares the mailto: handler and ships its page', () => {
    expect(built.protocol_handlers).toEqual([MAILTO_HANDLER]);
    expect(existsSync(join(FIREFOX_BUILD, 'src/compose/index.html'))).toBe(true);
  });

  it('ships no Chrome-only file', () => {
    expect(existsSync(join(FIREFOX_BUILD, 'managed_schema.json'))).toBe(false);
  });
});
