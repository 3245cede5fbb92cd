// The notebook model: parse → edit/serialize → compile (pure), then define/session (runtime).
export { parse } from './parse';
export { serialize, renderBody } from './serialize';
export { updateCell, insertCell, deleteCell, moveCell, setFrontMatter, type NewCell } from './edit';
export { compile, compileCell, type CompiledNotebook } from './compile';
export { compileJs } from './compile-js';
export { compileSql } from './compile-sql';
export { compileMd } from './compile-md';
export { renderMarkdownCell, slotAttribute, escapeHtml, type MarkdownOutput } from './render-md';
export { inputGenerator, type InputLike } from './input-generator';
export {
  defineCell,
  undefineCell,
  cellVariable,
  type CellObserver,
  type CellEnvironment,
  type SqlContext,
  type DefinedCell,
} from './define';
export { NotebookSession, type SessionOptions, type SessionChanges } from './session';
export { tableVariable } from './compiled';
export type { CompiledCell, CellError, JsInfo, SqlInfo, MdInfo, MdInterpolation } from './compiled';
export type {
  Cell,
  CellKind,
  CellAttributes,
  Fence,
  FrontMatter,
  Notebook,
  NotebookError,
} from './types';
