/** The kinds of block a notebook file holds. `break` is a `---` slide separator, not run. */
export const CellKind = {
  js: 'js',
  sql: 'sql',
  md: 'md',
  code: 'code',
  break: 'break',
} as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];

/** A position in the notebook file: 1-based line and column, 0-based offset. */
export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

export interface NotebookError extends SourcePosition {
  message: string;
}

/** Attribute values from a fence info string: `id=daily` → `'daily'`, `echo` → `true`. */
export type CellAttributes = Record<string, string | true>;

export interface Fence {
  /** The fence characters as written: "```", "~~~~". */
  marker: string;
  /** Indentation of the opening fence (0–3 spaces), stripped from content lines. */
  indent: number;
  /** The info string's first word as written (`js`, `javascript`, `sql`, `python`, ``). */
  lang: string;
  /** The whole info string as written, trimmed. */
  info: string;
}

/**
 * One block of the file. Its text is `lead + body + trail`: `lead` and `trail` are blank lines kept
 * byte-for-byte; `body` is the raw text of the fence / prose / separator, or `null` once the cell
 * was edited (then it is re-rendered from `source`).
 */
export interface Cell {
  id: string;
  kind: CellKind;
  /** The cell's content, with `\n` line endings (fence content, or prose without edge blank lines). */
  source: string;
  attributes: CellAttributes;
  fence: Fence | null;
  /** Slide index (0-based): the number of `break` blocks before this one. */
  slide: number;
  lead: string;
  body: string | null;
  trail: string;
  /** Offsets of `lead + body + trail` in the parsed text; -1 for inserted cells. */
  start: number;
  end: number;
}

export interface FrontMatter {
  /** The parsed data (scalars, lists and maps). */
  data: Record<string, unknown>;
  /** The raw text from the opening `---` through the closing line's line ending. */
  raw: string;
  /** Set when `data` was replaced: the block is re-rendered. */
  edited?: boolean;
}

export interface Notebook {
  frontMatter: FrontMatter | null;
  cells: Cell[];
  /** Cell ids per slide, in order (breaks excluded). */
  slides: string[][];
  /** Parse errors; when non-empty, the notebook must not be serialized (keep the raw text). */
  errors: NotebookError[];
  /** The line ending used for re-rendered blocks: the file's first one, else `\n`. */
  eol: '\n' | '\r\n';
}
