/**
 * The fitted surface in 3D with three.js: IV over log-moneyness (−0.6…0.6) × expiry, coloured by height, turned
 * by dragging. Loaded with a dynamic import only when the user asks for it (three is ~600 KB), and drawn on
 * demand (on data or a drag), not in a render loop.
 */
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DoubleSide,
  Group,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Scene,
  WebGLRenderer,
} from 'three';
import { sviImpliedVol } from '../../../cells/surface/svi';
import type { CompactSurface } from '../../../server/contract';

const COLUMNS = 25;

export interface Surface3d {
  update(surface: CompactSurface): void;
  dispose(): void;
}

/** Vertex positions (x: ln(K/F), y: IV scaled to [0, 1], z: expiry index) and colours of the fitted grid. */
export function surfaceGrid(s: CompactSurface): {
  positions: Float32Array;
  colors: Float32Array;
  rows: number;
} {
  const fitted = s.expiries.filter((e) => e.svi);
  const ivs = fitted.map((e) =>
    Array.from({ length: COLUMNS }, (_, j) =>
      sviImpliedVol(e.svi!, -0.6 + (1.2 * j) / (COLUMNS - 1), e.T),
    ),
  );
  const flat = ivs.flat();
  const lo = Math.min(...flat);
  const span = Math.max(...flat) - lo || 1;
  const positions = new Float32Array(flat.length * 3);
  const colors = new Float32Array(flat.length * 3);
  const color = new Color();
  ivs.forEach((row, i) =>
    row.forEach((iv, j) => {
      const v = i * COLUMNS + j;
      const t = (iv - lo) / span;
      positions.set(
        [-1 + (2 * j) / (COLUMNS - 1), t, -1 + (2 * i) / Math.max(1, fitted.length - 1)],
        3 * v,
      );
      color.setHSL((1 - t) * 0.66, 0.8, 0.5);
      colors.set([color.r, color.g, color.b], 3 * v);
    }),
  );
  return { positions, colors, rows: fitted.length };
}

/**
 * @example
 * const view = mountSurface3d(container, surface); view.update(next); view.dispose();
 */
export function mountSurface3d(container: HTMLElement, first: CompactSurface): Surface3d {
  const renderer = new WebGLRenderer({ antialias: true, alpha: true });
  renderer.setSize(560, 320);
  container.replaceChildren(renderer.domElement);
  const scene = new Scene();
  const camera = new PerspectiveCamera(40, 560 / 320, 0.1, 100);
  camera.position.set(0, 2.2, 3.4);
  camera.lookAt(0, 0.3, 0);
  const group = new Group();
  scene.add(group);
  const material = new MeshBasicMaterial({ vertexColors: true, side: DoubleSide });
  const wire = new MeshBasicMaterial({
    wireframe: true,
    color: new Color(0, 0, 0),
    transparent: true,
    opacity: 0.15,
  });
  let geometry = new BufferGeometry();
  const draw = () => renderer.render(scene, camera);

  const update = (s: CompactSurface) => {
    const { positions, colors, rows } = surfaceGrid(s);
    const next = new BufferGeometry();
    next.setAttribute('position', new BufferAttribute(positions, 3));
    next.setAttribute('color', new BufferAttribute(colors, 3));
    const index: number[] = [];
    for (let i = 0; i + 1 < rows; i++)
      for (let j = 0; j + 1 < COLUMNS; j++) {
        const v = i * COLUMNS + j;
        index.push(v, v + 1, v + COLUMNS, v + 1, v + COLUMNS + 1, v + COLUMNS);
      }
    next.setIndex(index);
    group.clear();
    group.add(new Mesh(next, material), new Mesh(next, wire));
    geometry.dispose();
    geometry = next;
    container.dataset.asOf = String(s.asOf);
    draw();
  };

  let dragFrom: number | null = null;
  const canvas = renderer.domElement;
  canvas.addEventListener('pointerdown', (e) => {
    dragFrom = e.clientX;
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (dragFrom === null) return;
    group.rotation.y += (e.clientX - dragFrom) / 150;
    dragFrom = e.clientX;
    draw();
  });
  canvas.addEventListener('pointerup', () => (dragFrom = null));

  update(first);
  return {
    update,
    dispose() {
      geometry.dispose();
      material.dispose();
      wire.dispose();
      renderer.dispose();
      canvas.remove();
    },
  };
}
