/**
 * The library's doc index, read from its TypeScript sources with the compiler API: the namespaces an entry
 * module re-exports (`export * as series from './series'`), each namespace's exported values with their
 * signatures as written and their doc comments. Build-time only (the Vite plugin calls it).
 */
import { relative } from 'node:path';
import ts from 'typescript';
import type { DocEntry, DocIndex, DocNamespace } from '../../web/library-docs/doc-index';
import { parseJsDoc, type JsDocText } from './jsdoc-text.ts';
import { signatureOf, type SignatureNode } from './signature.ts';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/**
 * @example
 * extractDocIndex('cells/index.ts', process.cwd()).namespaces.map((n) => n.name); // ['random', 'options', …]
 */
export function extractDocIndex(entryFile: string, root: string): DocIndex {
  const program = ts.createProgram([entryFile], COMPILER_OPTIONS);
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(entryFile);
  const entrySymbol = entry && checker.getSymbolAtLocation(entry);
  if (!entrySymbol) throw new Error(`cannot read ${relative(root, entryFile)}`);
  const namespaces: DocNamespace[] = [];
  for (const exported of checker.getExportsOfModule(entrySymbol)) {
    const target = resolveAlias(checker, exported);
    const file = target.declarations?.find(ts.isSourceFile);
    if (!file) continue;
    const header = fileHeader(file);
    namespaces.push({
      name: exported.name,
      doc: header.doc,
      examples: header.examples,
      file: relative(root, file.fileName),
      entries: checker
        .getExportsOfModule(target)
        .map((symbol) => entryOf(checker, symbol, root))
        .filter((e): e is DocEntry => e !== null)
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  return { namespaces };
}

function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function entryOf(checker: ts.TypeChecker, exported: ts.Symbol, root: string): DocEntry | null {
  const symbol = resolveAlias(checker, exported);
  const declarations = symbol.declarations ?? [];
  const first = declarations[0];
  if (!first) return null;
  const base = { name: exported.name, file: relative(root, first.getSourceFile().fileName) };
  if (symbol.flags & ts.SymbolFlags.Function) {
    const fns = declarations.filter(ts.isFunctionDeclaration);
    // Overloads: the signatures callers see, not the implementation's.
    const overloads = fns.filter((f) => !f.body);
    const shown = overloads.length > 0 ? overloads : fns;
    return {
      ...base,
      kind: 'function',
      signatures: shown.map((f) => signatureOf(checker, f)),
      ...docOf(fns),
    };
  }
  if (symbol.flags & ts.SymbolFlags.Class && ts.isClassDeclaration(first)) {
    const ctors = first.members.filter(ts.isConstructorDeclaration);
    const overloads = ctors.filter((c) => !c.body);
    const shown = overloads.length > 0 ? overloads : ctors;
    return {
      ...base,
      kind: 'class',
      signatures: shown.length > 0 ? shown.map((c) => signatureOf(checker, c)) : ['()'],
      ...docOf([first]),
    };
  }
  if (symbol.flags & ts.SymbolFlags.Variable && ts.isVariableDeclaration(first)) {
    const init = first.initializer;
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
      return {
        ...base,
        kind: 'function',
        signatures: [signatureOf(checker, init)],
        ...docOf([first]),
      };
    }
    const type = first.type
      ? first.type.getText()
      : checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, first));
    return { ...base, kind: 'const', signatures: [`: ${squash(type)}`], ...docOf([first]) };
  }
  return null;
}

/** The first doc comment among the declarations (an overloaded function documents its first overload). */
function docOf(declarations: readonly (SignatureNode | ts.Declaration)[]): JsDocText {
  for (const declaration of declarations) {
    const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
    const last = docs[docs.length - 1];
    if (last) return parseJsDoc(last.getText());
  }
  return { doc: '', examples: [] };
}

/** A module's header: the doc comment it starts with. */
function fileHeader(file: ts.SourceFile): JsDocText {
  const text = file.getFullText();
  const first = ts.getLeadingCommentRanges(text, 0)?.find((r) => text.startsWith('/**', r.pos));
  return first ? parseJsDoc(text.slice(first.pos, first.end)) : { doc: '', examples: [] };
}

function squash(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/,\s*\)/g, ')');
}
