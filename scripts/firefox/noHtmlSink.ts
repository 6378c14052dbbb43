// Removes Preact's one HTML sink, `dangerouslySetInnerHTML`, from the Firefox build. The project never uses it
// (test/firefox/noHtmlSink.test.ts checks src/), so the only `innerHTML = <dynamic>` in the bundle is dead
// code — which Mozilla's linter still reports (UNSAFE_VAR_ASSIGNMENT) and a reviewer must then clear by
// hand. Replacing it with a throw makes the sink truly unreachable instead of asking anyone to trust that.
import type { Plugin } from 'vite';

const PREACT_BUNDLE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
// In preact.mjs: `h?(…||(t.innerHTML=h.__html),r.__k=[])` — the sink, with minified names.
const SINK = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
const REFUSE = "(()=>{throw new TypeError('dangerouslySetInnerHTML is disabled in this extension')})()";

/** Fails the build if Preact's bundle no longer has exactly one sink, so an upgrade cannot slip past. */
export function stripPreactHtmlSink(code: string): string {
  const found = code.match(SINK)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `expected 1 innerHTML sink in preact.mjs, found ${found}: update scripts/firefox/noHtmlSink.ts`,
    );
  }
  return code.replace(SINK, REFUSE);
}

export function noHtmlSink(): Plugin {
  let seen = false;
  return {
    name: 'webmail-launcher:no-html-sink',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_BUNDLE.test(id)) return null;
      seen = true;
      return { code: stripPreactHtmlSink(code), map: null };
    },
    buildEnd(error) {
      // The pages render with Preact; if it was never bundled from this path, the check above proved nothing.
      // (After a failed build, that failure is the one to report.)
      if (!error && !seen)
        this.error('preact/dist/preact.mjs was not bundled: update scripts/firefox/noHtmlSink.ts');
    },
  };
}
