import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { themeStyles } from '../../../web/components/theme';

const webDir = join(import.meta.dirname, '../../../web');
const themeFile = join(webDir, 'components/theme.ts');

/** The workbench's own sources (the build output and images aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('dist') ? [] : sources(path);
    return /\.(ts|html|css)$/.test(entry.name) ? [path] : [];
  });
}

const HEX = /#[0-9a-fA-F]{3,8}\b/g;
const theme = themeStyles.cssText;
const [light, dark] = theme.split('@media (prefers-color-scheme: dark)');

const defined = (block: string) =>
  new Set([...block.matchAll(/(--vol-[a-z-]+):/g)].map((m) => m[1]));

describe('the colour theme', () => {
  it('is the only place in web/ that writes a colour literal', () => {
    const offenders = sources(webDir)
      .filter((file) => file !== themeFile)
      .flatMap((file) =>
        (readFileSync(file, 'utf8').match(HEX) ?? []).map(
          (hex) => `${relative(webDir, file)}: ${hex}`,
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('defines every colour the components use, in the light theme and in the dark variant', () => {
    const used = new Set(
      sources(webDir).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/var\((--vol-[a-z-]+)/g)].map((m) => m[1]),
      ),
    );
    expect(used.size).toBeGreaterThan(10);
    expect(dark).toBeDefined();
    expect([...used].filter((name) => !defined(light!).has(name))).toEqual([]);
    expect([...used].filter((name) => !defined(dark!).has(name))).toEqual([]);
    expect(defined(dark!)).toEqual(defined(light!));
  });
});
