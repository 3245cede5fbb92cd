/** A call signature as the source writes it, for the docs: parameters without their defaults, one line. */
import ts from 'typescript';

export type SignatureNode =
  ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.ConstructorDeclaration;

/**
 * @example
 * signatureOf(checker, declarationOf('function f(x: number, o: Opts = {}): number {}')); // '(x: number, o?: Opts): number'
 */
export function signatureOf(checker: ts.TypeChecker, node: SignatureNode): string {
  const typeParameters = node.typeParameters
    ? `<${node.typeParameters.map((t) => t.getText()).join(', ')}>`
    : '';
  const parameters = node.parameters.map((p) => {
    const optional = p.questionToken || p.initializer ? '?' : '';
    const type = p.type
      ? `: ${p.type.getText()}`
      : `: ${checker.typeToString(checker.getTypeAtLocation(p))}`;
    return `${p.dotDotDotToken ? '...' : ''}${parameterName(p.name)}${optional}${type}`;
  });
  let result = '';
  if (!ts.isConstructorDeclaration(node)) {
    if (node.type) result = `: ${node.type.getText()}`;
    else {
      const signature = checker.getSignatureFromDeclaration(node);
      if (signature) result = `: ${checker.typeToString(signature.getReturnType())}`;
    }
  }
  return oneLine(`${typeParameters}(${parameters.join(', ')})${result}`);
}

/** A destructured parameter shows its names, not their defaults: `{every, how}`. */
function parameterName(name: ts.BindingName): string {
  if (ts.isIdentifier(name)) return name.text;
  const names = name.elements.map((e) =>
    ts.isOmittedExpression(e) ? '' : `${e.dotDotDotToken ? '...' : ''}${parameterName(e.name)}`,
  );
  return ts.isObjectBindingPattern(name) ? `{${names.join(', ')}}` : `[${names.join(', ')}]`;
}

function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([([{<]) /g, '$1')
    .replace(/,? ([)\]}>])/g, '$1');
}
