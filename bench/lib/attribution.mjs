// What each first-load kilobyte is: a page's scripts attributed to the modules they were built
// from, through the browser source maps `HANGAR_SOURCEMAPS=1 npm run build` writes beside them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { root } from './paths.mjs';

/** A module's name as a person reads it: `react-dom/cjs/react-dom-client.production.js`, `components/codespaces/codespace-row.tsx`. */
function moduleName(source) {
  const text = decodeURIComponent(source)
    .replace(/^turbopack:\/\/\/?/, '')
    .replace(/^\[project\]\//, '')
    .replace(/^webpack:\/\/[^/]*\//, '');
  const inModules = text.lastIndexOf('node_modules/');
  return inModules >= 0 ? text.slice(inModules + 'node_modules/'.length).replace(/^next\/dist\/compiled\//, 'next/dist/compiled/') : text;
}

/** The byte offset of each line's start in `code`. */
function lineStarts(code) {
  const starts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Bytes of one built chunk by module: each generated segment runs to the next one, and belongs to
 * the source its mapping names (code with none: `(no source)`). Gzipped at the chunk's own ratio.
 */
function chunkModules(file, mapFile) {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  const starts = lineStarts(code);
  const segments = [];
  eachMapping(map, (m) =>
    segments.push({ at: starts[m.generatedLine - 1] + m.generatedColumn, source: m.source ? moduleName(m.source) : null }),
  );
  segments.sort((a, b) => a.at - b.at);
  const bytes = new Map();
  const add = (name, n) => bytes.set(name, (bytes.get(name) ?? 0) + n);
  if (segments.length === 0 || segments[0].at > 0) add('(no source)', segments[0]?.at ?? code.length);
  segments.forEach((segment, i) => add(segment.source ?? '(no source)', (segments[i + 1]?.at ?? code.length) - segment.at));
  const ratio = gzipSync(code).byteLength / Math.max(1, code.length);
  return [...bytes].map(([name, raw]) => ({ name, raw, gzip: raw * ratio }));
}

/** A built script's source map, as its last line names it (Turbopack's names differ from the script's). */
function mapOf(file) {
  if (!existsSync(file)) return null;
  const named = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'))?.[1];
  const mapFile = named && !named.startsWith('data:') ? path.join(path.dirname(file), named) : null;
  return mapFile && existsSync(mapFile) ? mapFile : null;
}

function unmapped(file) {
  if (!existsSync(file)) return [];
  const code = readFileSync(file);
  return [{ name: `${path.basename(file)} (no source map)`, raw: code.byteLength, gzip: gzipSync(code).byteLength }];
}

/**
 * The `top` largest modules of the scripts at `urls` (a page's first-load JS), gzipped, or null when
 * the build has no source maps. Paths are read from the build (`.next/static/...`).
 */
export function attributeScripts(urls, top = 10) {
  const files = urls.map((url) => path.join(root, '.next', decodeURIComponent(new URL(url).pathname).replace(/^\/_next\//, '')));
  const maps = new Map(files.map((file) => [file, mapOf(file)]));
  if (![...maps.values()].some(Boolean)) return null;
  const modules = new Map();
  for (const file of files) {
    // A script built without a map (Turbopack's runtime) counts as itself.
    const parts = maps.get(file) ? chunkModules(file, maps.get(file)) : unmapped(file);
    for (const { name, raw, gzip } of parts) {
      const held = modules.get(name) ?? { name, raw: 0, gzip: 0 };
      held.raw += raw;
      held.gzip += gzip;
      modules.set(name, held);
    }
  }
  return [...modules.values()].sort((a, b) => b.gzip - a.gzip).slice(0, top);
}
