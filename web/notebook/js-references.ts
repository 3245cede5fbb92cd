import type { AnyNode, Class, Function as FunctionNode, Identifier, Node, Pattern } from 'acorn';
import { ancestor } from 'acorn-walk';

// Scope analysis after Observable Framework's src/javascript/references.ts, itself based on
// acorn-globals (https://github.com/ForbesLindesay/acorn-globals, MIT).

const functionScopes = new Set([
  'FunctionExpression',
  'FunctionDeclaration',
  'ArrowFunctionExpression',
  'Program',
]);
const blockScopes = new Set([
  ...functionScopes,
  'BlockStatement',
  'SwitchStatement',
  'ForInStatement',
  'ForOfStatement',
  'ForStatement',
  'StaticBlock',
]);

/**
 * The identifiers read or assigned in `root` that no enclosing scope declares (every occurrence,
 * in source order). Top-level declarations of the cell are locals, so they are not returned.
 * @example findFreeIdentifiers(parseProgram('const a = b + Math.PI')).map((i) => i.name) // ['b', 'Math']
 */
export function findFreeIdentifiers(root: Node): Identifier[] {
  const locals = new Map<Node, Set<string>>();
  const declare = (scope: Node, name: string): void => {
    const set = locals.get(scope);
    if (set) set.add(name);
    else locals.set(scope, new Set([name]));
  };
  const declarePattern = (node: Pattern, scope: Node): void => {
    switch (node.type) {
      case 'Identifier':
        declare(scope, node.name);
        break;
      case 'ObjectPattern':
        for (const p of node.properties) declarePattern(p.type === 'Property' ? p.value : p, scope);
        break;
      case 'ArrayPattern':
        for (const e of node.elements) if (e) declarePattern(e, scope);
        break;
      case 'RestElement':
        declarePattern(node.argument, scope);
        break;
      case 'AssignmentPattern':
        declarePattern(node.left, scope);
        break;
    }
  };
  const nearest = (parents: AnyNode[], from: number, scopes: Set<string>): Node =>
    parents.slice(0, parents.length - from).findLast((p) => scopes.has(p.type)) ?? root;
  const declareFunction = (node: FunctionNode): void => {
    for (const param of node.params) declarePattern(param, node);
    if (node.id) declare(node, node.id.name);
    if (node.type !== 'ArrowFunctionExpression') declare(node, 'arguments');
  };
  const declareClass = (node: Class): void => {
    if (node.id) declare(node, node.id.name);
  };

  ancestor(root, {
    VariableDeclaration(node, _, parents) {
      const scope = nearest(parents, 1, node.kind === 'var' ? functionScopes : blockScopes);
      for (const d of node.declarations) declarePattern(d.id, scope);
    },
    FunctionDeclaration(node, _, parents) {
      if (node.id) declare(nearest(parents, 1, functionScopes), node.id.name);
      declareFunction(node);
    },
    FunctionExpression: declareFunction,
    ArrowFunctionExpression: declareFunction,
    ClassDeclaration(node, _, parents) {
      if (node.id) declare(nearest(parents, 1, blockScopes), node.id.name);
    },
    ClassExpression: declareClass,
    CatchClause(node) {
      if (node.param) declarePattern(node.param, node);
    },
    ImportDeclaration(node) {
      for (const s of node.specifiers) declare(root, s.local.name);
    },
  });

  const free: Identifier[] = [];
  const visit = (node: AnyNode, parents: AnyNode[]): void => {
    if (node.type !== 'Identifier') return;
    for (let i = parents.length - 2; i >= 0; i--) {
      if (locals.get(parents[i]!)?.has(node.name)) return;
    }
    free.push(node);
  };
  ancestor(root, {
    Pattern: (node, _, parents) => visit(node, parents),
    Identifier: (node, _, parents) => visit(node, parents),
  });
  return free.sort((a, b) => a.start - b.start);
}
