/**
 * A Vite plugin that keeps Hypertext Literal (htl, under Observable Inputs and the notebooks' `html`) from
 * tripping the strict Content-Security-Policy (server/http/security-headers.ts, no 'unsafe-inline').
 *
 * htl writes a template with placeholders such as `onclick="::3"`, imports the template's content into the page's
 * document and only then swaps each placeholder for the function (`element.onclick = fn`) and removes the
 * attribute. Importing an element that carries an `on…` attribute into a document with a browsing context is
 * already an inline event handler to the CSP, so chromium logs "Executing inline event handler violates … script-src"
 * on every page with an input, although the handler never runs. Returning the template's own (inert) content
 * instead lets htl swap the placeholders while no page is watching; the nodes join the page's document when the
 * output is inserted, with no `on…` attribute left.
 *
 * @example
 * defineConfig({ plugins: [htlInertTemplates()] });
 */
import type { Plugin } from 'vite';

const IMPORTED = 'return document.importNode(template.content, true);';
const INERT = 'return template.content;';

/** The htl module's source with the inert rendering; throws if htl's code no longer has the expected line. */
export function inertTemplateSource(code: string): string {
  if (!code.includes(IMPORTED))
    throw new Error(
      'htl-inert-templates: htl no longer renders with importNode; re-check the CSP fix',
    );
  return code.replace(IMPORTED, INERT);
}

export function htlInertTemplates(): Plugin {
  return {
    name: 'vollab:htl-inert-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]htl[\\/]dist[\\/]index\.js$/.test(id.split('?')[0]!)) return null;
      return { code: inertTemplateSource(code), map: null };
    },
  };
}
