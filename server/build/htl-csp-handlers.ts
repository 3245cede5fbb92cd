/**
 * A Vite plugin that keeps Hypertext Literal (htl, under Observable Inputs and the notebooks' `html`) from
 * tripping the strict Content-Security-Policy (server/http/security-headers.ts, no 'unsafe-inline').
 *
 * htl parses its template with placeholders such as `onclick="::3"` (`template.innerHTML = string`), then swaps
 * each placeholder for the function (`element.onclick = fn`) and removes the attribute. Chromium checks the CSP
 * as soon as the parser sets an `on…` attribute, even inside a template, so it logs "Executing inline event
 * handler violates … script-src" for every Inputs table header and checkbox, although the handler never runs.
 * The rewrite parses those placeholders under a harmless name (`data-htl-onclick="::3"`) and has the swap strip
 * the prefix again, so the element ends up with the same property handler and no `on…` attribute ever exists.
 *
 * @example
 * defineConfig({ plugins: [htlCspHandlers()] });
 */
import type { Plugin } from 'vite';

const PARSE = '.innerHTML = string;';
const PARSE_RENAMED =
  '.innerHTML = string.replace(/(\\s)(on[\\w-]*=["\']?::\\d)/gi, "$1data-htl-$2");';
const SWAP = '[name] = value;';
const SWAP_RENAMED = '[name.replace(/^data-htl-/, "")] = value;';
/** Every htl copy: the top-level one (dist/index.js) and Observable Inputs' own (htl 0.3, src/index.js). */
const HTL_MODULE = /[\\/]node_modules[\\/]htl[\\/](dist[\\/]index|src[\\/]index|dist[\\/]htl)\.js$/;

/** The htl module's source with the renamed handler placeholders; throws if htl's code no longer matches. */
export function cspSafeHtlSource(code: string): string {
  if (!code.includes(PARSE) || !code.includes(SWAP))
    throw new Error(
      'htl-csp-handlers: htl no longer parses and swaps as expected; re-check the CSP fix',
    );
  return code.replaceAll(PARSE, () => PARSE_RENAMED).replaceAll(SWAP, () => SWAP_RENAMED);
}

export function htlCspHandlers(): Plugin {
  return {
    name: 'vollab:htl-csp-handlers',
    enforce: 'pre',
    transform(code, id) {
      if (!HTL_MODULE.test(id.split('?')[0]!)) return null;
      return { code: cspSafeHtlSource(code), map: null };
    },
  };
}
