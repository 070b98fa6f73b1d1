import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './__fixtures__/source-files';

const SRC = dirname(fileURLToPath(import.meta.url));

/**
 * core's layers, lowest first. A module may import from its own layer or a lower one, never from a
 * higher one: the runner does not know the reports, the check contract does not know the provider's.
 * Keys are paths below `src/` without `.ts` (a folder covers every file in it); the longest key wins.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['internal', 'errors', 'version'],
  ['model'],
  ['findings', 'scope'],
  ['attestations', 'mutes'],
  ['checks'],
  ['provider', 'snapshot', 'config', 'sharding/partition'],
  ['runner'],
  ['reports'],
  ['merge', 'sharding'],
  ['index', 'testing'],
];

/** The layer of a module path (below `src/`, no extension). */
const layerOf = (module: string): number => {
  let best: { layer: number; length: number } | undefined;
  LAYERS.forEach((keys, layer) => {
    for (const key of keys) {
      const matches = module === key || module.startsWith(`${key}/`);
      if (matches && (!best || key.length > best.length)) best = { layer, length: key.length };
    }
  });
  if (!best) throw new Error(`${module} is in no layer of layers.test.ts: add it to LAYERS`);
  return best.layer;
};

/** Every relative import of every non-test source file (type imports included), as module paths. */
const edges = (): { from: string; to: string }[] =>
  sourceFiles(SRC)
    .filter((file) => !file.includes('__fixtures__') && !file.includes('/examples/'))
    .flatMap((file) => {
      const from = relative(SRC, file).replace(/\.ts$/, '');
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
      return specifiers.map((specifier) => ({
        from,
        to: relative(SRC, resolve(dirname(file), specifier)).replace(/\.ts$/, ''),
      }));
    });

describe("core's layers", () => {
  it('imports only from its own layer or a lower one', () => {
    const upward = edges()
      .filter(({ from, to }) => layerOf(to) > layerOf(from))
      .map(({ from, to }) => `${from} (layer ${layerOf(from)}) imports ${to} (layer ${layerOf(to)})`);
    expect(upward).toEqual([]);
  });

  it('has no import circle between files', () => {
    const graph = new Map<string, string[]>();
    for (const { from, to } of edges()) graph.set(from, [...(graph.get(from) ?? []), to]);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: readonly string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        circles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(circles).toEqual([]);
  });

  it('orders the layers as the design says', () => {
    expect(layerOf('runner/scan')).toBeGreaterThan(layerOf('checks/types'));
    expect(layerOf('provider/types')).toBeGreaterThan(layerOf('checks/types'));
    expect(layerOf('reports/json')).toBeGreaterThan(layerOf('runner/types'));
    expect(layerOf('merge/index')).toBeGreaterThan(layerOf('reports/json'));
    expect(layerOf('sharding/partition')).toBeLessThan(layerOf('runner/scan'));
  });
});
