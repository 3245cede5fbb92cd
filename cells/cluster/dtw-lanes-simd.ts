import type { LaneBuffers, LaneKernel } from './dtw-lanes';
import { wasmBytes } from './dtw-lanes-wasm';

const LANES = 8;
const PAGE = 65536;

/** The part of the WebAssembly API used here: cells/ compiles without DOM or Node types. */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface BandExports {
  memory: WasmMemory;
  band(a: number, n: number, b: number, m: number, w: number, row: number, squared: number): void;
}

let exportsCache: BandExports | null | undefined;

/** Compiled once per thread; small enough (< 4 KB) for a synchronous compile on a browser's main thread. */
function instantiate(): BandExports | null {
  if (exportsCache !== undefined) return exportsCache;
  exportsCache = null;
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  const bytes = wasmBytes();
  try {
    // validate() is false where SIMD is unsupported; a CSP without 'wasm-unsafe-eval' throws instead.
    if (api?.validate(bytes))
      exportsCache = new api.Instance(new api.Module(bytes)).exports as unknown as BandExports;
  } catch {
    exportsCache = null;
  }
  return exportsCache;
}

/**
 * The WebAssembly SIMD lane kernel (8 pairs per step), or null where the runtime cannot run it.
 *
 * @example
 * const kernel = simdLaneKernel() ?? jsLaneKernel();
 */
export function simdLaneKernel(): LaneKernel | null {
  const wasm = instantiate();
  if (!wasm) return null;
  let longest = -1;
  let layout = { a: 0, b: 0, row: 0 };
  let buffers: LaneBuffers | null = null;
  return {
    engine: 'wasm',
    lanes: LANES,
    reserve(length) {
      // Byte offsets: a, then b and row, each 16-byte aligned for the v128 loads.
      const a = 0;
      const b = a + 16 * Math.ceil(length / 2);
      const row = b + 8 * LANES * length;
      const end = row + 8 * LANES * (length + 1);
      const pages = Math.ceil(end / PAGE) - wasm.memory.buffer.byteLength / PAGE;
      if (pages > 0) wasm.memory.grow(pages);
      if (length !== longest || !buffers || buffers.a.buffer !== wasm.memory.buffer) {
        const memory = wasm.memory.buffer;
        layout = { a, b, row };
        buffers = {
          a: new Float64Array(memory, a, length),
          b: new Float64Array(memory, b, LANES * length),
          row: new Float64Array(memory, row, LANES * (length + 1)),
        };
        longest = length;
      }
      return buffers;
    },
    run(n, m, w, squared) {
      const row = buffers!.row;
      row.fill(Infinity, 0, LANES * (m + 1));
      row.fill(0, 0, LANES);
      wasm.band(layout.a, n, layout.b, m, w, layout.row, squared ? 1 : 0);
    },
  };
}
