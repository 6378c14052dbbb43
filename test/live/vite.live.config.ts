// `LIVE_HOSTS=a.example.com,b.example.com vite build -c test/live/vite.live.config.ts` writes dist/chrome-live:
// the store build, granted host access to exactly the named servers (headless Chromium cannot answer the
// permission prompt the options page would show). Everything else comes from the main config.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type PluginOption, type UserConfig } from 'vite';
import manifest from '../../manifest.json' with { type: 'json' };
import mainConfig from '../../vite.config.ts';
import { LIVE_BUILD } from './paths.ts';

/** `https://HOST/*` for each host in LIVE_HOSTS; no port, so one grant covers 2083, 2087 and 2096. */
export function liveHostPermissions(hostsVariable: string | undefined): string[] {
  const hosts = (hostsVariable ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  if (hosts.length === 0)
    throw new Error('LIVE_HOSTS names no host: the live build grants those hosts only.');
  return [...new Set(hosts)].map((host) => `https://${host}/*`);
}

export default defineConfig(async (env) => {
  const base: UserConfig =
    typeof mainConfig === 'function' ? await mainConfig({ ...env, mode: 'production' }) : await mainConfig;
  // The main config's CRX plugin carries the store manifest; swap it for one with the live hosts.
  const plugins = (base.plugins ?? []).flat(Number.POSITIVE_INFINITY as 1) as PluginOption[];
  const others = plugins.filter((plugin) => !isCrxPlugin(plugin));
  const liveManifest = { ...manifest, host_permissions: liveHostPermissions(process.env.LIVE_HOSTS) };
  return {
    ...base,
    plugins: [...others, crx({ manifest: liveManifest as ManifestV3Export })],
    build: { ...base.build, outDir: LIVE_BUILD, emptyOutDir: true },
  };
});

function isCrxPlugin(plugin: PluginOption): boolean {
  return !!plugin && typeof plugin === 'object' && 'name' in plugin && String(plugin.name).startsWith('crx');
}
