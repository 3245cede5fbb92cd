import type { CSSResult } from 'lit';

const adopted = new WeakSet<CSSResult>();

/** Add a component's styles to the document once, for components that render into light DOM. */
export function adoptDocumentStyles(styles: CSSResult): void {
  if (adopted.has(styles) || !styles.styleSheet) return;
  adopted.add(styles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles.styleSheet];
}
