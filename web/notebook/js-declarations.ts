import type { Identifier, Pattern, Program } from 'acorn';

/**
 * The names a program cell declares at top level (its outputs): `const`/`let`/`var` bindings
 * including destructuring patterns, functions and classes, in source order.
 * @example findDeclarations(parseProgram('const {a, b: [c]} = o; function f() {}')) // a, c, f
 */
export function findDeclarations(program: Program): Identifier[] {
  const declarations: Identifier[] = [];
  const declarePattern = (node: Pattern): void => {
    switch (node.type) {
      case 'Identifier':
        declarations.push(node);
        break;
      case 'ObjectPattern':
        for (const p of node.properties) declarePattern(p.type === 'Property' ? p.value : p);
        break;
      case 'ArrayPattern':
        for (const e of node.elements) if (e) declarePattern(e);
        break;
      case 'RestElement':
        declarePattern(node.argument);
        break;
      case 'AssignmentPattern':
        declarePattern(node.left);
        break;
      case 'MemberExpression':
        break;
    }
  };
  for (const statement of program.body) {
    if (statement.type === 'VariableDeclaration') {
      for (const d of statement.declarations) declarePattern(d.id);
    } else if (
      (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') &&
      statement.id
    ) {
      declarations.push(statement.id);
    }
  }
  return declarations;
}
