/**
 * A small syntax highlighter for the chat's code blocks: keywords, strings, numbers and comments of SQL and
 * JavaScript wrapped in `<span class="hl-…">`, everything HTML-escaped. Pure; no grammar, just tokens.
 */
const SQL_KEYWORDS = new Set(
  'select from where group by order having limit offset with as and or not in is null join left right inner outer full cross on using union all distinct case when then else end over partition window asc desc between like ilike cast qualify filter values recursive exists true false interval'.split(
    ' ',
  ),
);
const JS_KEYWORDS = new Set(
  'const let var function return if else for while of in new class extends import export from await async yield try catch finally throw typeof instanceof null undefined true false this'.split(
    ' ',
  ),
);

const TOKEN =
  /(--[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^'\\]|\\.|'')*'?|"(?:[^"\\]|\\.)*"?|`(?:[^`\\]|\\.)*`?)|(\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b)|([A-Za-z_$][\w$]*)/g;

/**
 * @example
 * highlightCode('SELECT 1', 'sql'); // '<span class="hl-kw">SELECT</span> <span class="hl-num">1</span>'
 */
export function highlightCode(code: string, lang: string): string {
  const keywords = lang === 'sql' ? SQL_KEYWORDS : JS_KEYWORDS;
  const sql = lang === 'sql';
  let out = '';
  let last = 0;
  for (const match of code.matchAll(TOKEN)) {
    const [token, comment, string, number, word] = match;
    const at = match.index;
    out += escapeHtml(code.slice(last, at));
    last = at + token.length;
    if (
      comment &&
      (sql ? comment.startsWith('--') || comment.startsWith('/*') : !comment.startsWith('--'))
    )
      out += span('cm', comment);
    else if (comment) out += escapeHtml(comment);
    else if (string) out += span('str', string);
    else if (number) out += span('num', number);
    else if (word && keywords.has(sql ? word.toLowerCase() : word)) out += span('kw', word);
    else out += escapeHtml(token);
  }
  return out + escapeHtml(code.slice(last));
}

function span(kind: string, text: string): string {
  return `<span class="hl-${kind}">${escapeHtml(text)}</span>`;
}

/** Escape text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
