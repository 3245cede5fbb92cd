/**
 * The wire contract between the sidecar (`server/`) and the workbench (`web/`): every type that crosses HTTP or
 * WebSocket, and nothing else. Type-only with no imports, so the browser bundle never reaches server code; ESLint
 * lets `web/` import from `server/` only through this folder.
 */
export type * from './catalog';
export type * from './errors';
export type * from './models';
export type * from './notebooks';
export type * from './slice';
export type * from './sql';
export type * from './share';
export type * from './chat';
export type * from './surface';
export type * from './polymarket';
export type * from './alerts';
export type * from './portfolio';
