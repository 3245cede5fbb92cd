import type { Identifier, Node, Pattern } from 'acorn';
import { base, recursive, simple } from 'acorn-walk';

/** A problem in a cell's code at `pos` (offset into the cell's source). */
export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/**
 * Throws if the code assigns to a free name: an input (`cannot assign to input x`) or a global
 * (`cannot assign to global x`). Observable forbids both; a cell may only define its own names.
 */
export function checkAssignments(
  root: Node,
  free: readonly Identifier[],
  isGlobal: (name: string) => boolean,
): void {
  const freeNodes = new Set<Node>(free);
  const check = (node: Pattern | Node): void => {
    switch (node.type) {
      case 'Identifier': {
        const { name, start } = node as Identifier;
        if (!freeNodes.has(node)) return;
        const what = isGlobal(name) ? 'global' : 'input';
        throw new CellSyntaxError(`cannot assign to ${what} ${name}`, start);
      }
      case 'ObjectPattern':
        for (const p of (node as Extract<Pattern, { type: 'ObjectPattern' }>).properties) {
          check(p.type === 'Property' ? p.value : p);
        }
        break;
      case 'ArrayPattern':
        for (const e of (node as Extract<Pattern, { type: 'ArrayPattern' }>).elements)
          if (e) check(e);
        break;
      case 'RestElement':
        check((node as Extract<Pattern, { type: 'RestElement' }>).argument);
        break;
      case 'AssignmentPattern':
        check((node as Extract<Pattern, { type: 'AssignmentPattern' }>).left);
        break;
    }
  };
  simple(root, {
    AssignmentExpression: (node) => check(node.left),
    UpdateExpression: (node) => check(node.argument),
    ForOfStatement: (node) => check(node.left),
    ForInStatement: (node) => check(node.left),
  });
}

/** Whether the code awaits at top level (`await` or `for await` outside any function). */
export function hasTopLevelAwait(root: Node): boolean {
  let found = false;
  recursive(root, null, {
    FunctionDeclaration() {},
    FunctionExpression() {},
    ArrowFunctionExpression() {},
    ForOfStatement(node, state, c) {
      if (node.await) found = true;
      base.ForOfStatement!(node, state, c);
    },
    AwaitExpression() {
      found = true;
    },
  });
  return found;
}

/** Rejects `import` / `export` declarations: cells get libraries as builtins instead. */
export function checkModuleSyntax(root: Node): void {
  simple(root, {
    ImportDeclaration(node) {
      throw new CellSyntaxError('import declarations are not supported; use a builtin', node.start);
    },
    ExportNamedDeclaration(node) {
      throw new CellSyntaxError('export is not allowed in a cell', node.start);
    },
    ExportDefaultDeclaration(node) {
      throw new CellSyntaxError('export is not allowed in a cell', node.start);
    },
    ExportAllDeclaration(node) {
      throw new CellSyntaxError('export is not allowed in a cell', node.start);
    },
  });
}
