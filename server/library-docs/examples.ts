/**
 * Every `@example` block in a set of TypeScript sources, with the name it documents: what the examples test
 * runs so that no example in `cells/` can rot. Parses each file on its own (no type checking).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { parseJsDoc } from './jsdoc-text';

export interface SourceExample {
  file: string;
  /** The documented declaration (`logReturns`, `Rng.next`), or `(module)` for a file's header comment. */
  name: string;
  /** 1-based line of the doc comment in the file. */
  line: number;
  code: string;
}

/**
 * @example
 * collectExamples(['cells/series/returns.ts']).map((e) => e.name); // ['logReturns', 'simpleReturns']
 */
export function collectExamples(files: readonly string[]): SourceExample[] {
  const found: SourceExample[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const seen = new Set<number>();
    const visit = (node: ts.Node, owner: string): void => {
      const name = declarationName(node);
      const qualified = name ? (owner ? `${owner}.${name}` : name) : owner;
      for (const doc of ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)) {
        // A doc comment belongs to the first node that starts at it (a statement, not its expression).
        if (seen.has(doc.pos)) continue;
        seen.add(doc.pos);
        const line = source.getLineAndCharacterOfPosition(doc.getStart()).line + 1;
        for (const code of parseJsDoc(doc.getText()).examples)
          found.push({ file, name: qualified || '(module)', line, code });
      }
      ts.forEachChild(node, (child) => visit(child, qualified));
    };
    ts.forEachChild(source, (child) => visit(child, ''));
  }
  return found;
}

function declarationName(node: ts.Node): string | null {
  if (ts.isVariableStatement(node)) {
    const first = node.declarationList.declarations[0];
    return first ? first.name.getText() : null;
  }
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isMethodSignature(node) ||
      ts.isPropertySignature(node) ||
      ts.isPropertyDeclaration(node)) &&
    node.name
  ) {
    return node.name.getText();
  }
  return null;
}
