// What each first-load kilobyte is: a page's scripts attributed to the modules they were built
// from, through the browser source maps `HANGAR_SOURCEMAPS=1 npm run build` writes beside them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
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
const BASE64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** A segment's Base64 VLQ fields (Source Map Revision 3: https://tc39.es/ecma426/#sec-mappings). */
function vlqFields(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.get(char);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value % 2 ? -Math.floor(value / 2) : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/**
 * Each generated segment of a source map (index maps' sections flattened): its line and column
 * (from 0) and the source it maps to (null when none). By hand: the format is small and stable,
 * and the benchmark needs no library for it.
 */
function mappedSegments(map, lineOffset = 0, columnOffset = 0) {
  if (map.sections) {
    return map.sections.flatMap((section) => mappedSegments(section.map, lineOffset + section.offset.line, section.offset.column));
  }
  const out = [];
  let sourceIndex = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const [columnDelta, sourceDelta] = vlqFields(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) sourceIndex += sourceDelta;
      out.push({
        line: lineIndex + lineOffset,
        column: column + (lineIndex === 0 ? columnOffset : 0),
        source: sourceDelta === undefined ? null : (map.sources[sourceIndex] ?? null),
      });
    }
  });
  return out;
}

function chunkModules(file, mapFile) {
  const code = readFileSync(file, 'utf8');
  const starts = lineStarts(code);
  const segments = mappedSegments(JSON.parse(readFileSync(mapFile, 'utf8'))).map((m) => ({
    at: starts[m.line] + m.column,
    source: m.source ? moduleName(m.source) : null,
  }));
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
 * The modules of the scripts at `urls` (a page's first-load JS), gzipped, largest first, or null
 * when the build has no source maps. Paths are read from the build that served them (`buildDir`,
 * Hangar's `.next` unless said).
 */
export function attributeScripts(urls, buildDir = path.join(root, '.next')) {
  const files = urls.map((url) => path.join(buildDir, decodeURIComponent(new URL(url).pathname).replace(/^\/_next\//, '')));
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
  return [...modules.values()].sort((a, b) => b.gzip - a.gzip);
}

/**
 * Where a module comes from, as one decides what to move: its package (`@tanstack/query-core`,
 * `react-dom`, `next` for Next.js's own client code), or Hangar's folder (`lib/attention/domain`).
 */
function moduleGroup(name) {
  if (name.startsWith('(') || name.endsWith('(no source map)')) return '(no source: runtime, glue)';
  const compiled = /^next\/dist\/compiled\/([^/]+)\//.exec(name);
  if (compiled) return compiled[1];
  const scoped = /^(@[^/]+\/[^/]+)\//.exec(name);
  if (scoped) return scoped[1];
  // lucide-react's maps name its shared helpers by their path in lucide's own repository.
  if (name.startsWith('shared/src/')) return 'lucide-react';
  const slash = name.lastIndexOf('/');
  if (/^(app|components|lib)\//.test(name)) return slash > 0 ? name.slice(0, slash) : name;
  return name.split('/')[0];
}

/**
 * What one page's modules add over another's (Hangar's `/` over the bare app's), by module name:
 * each module's gzipped bytes less the same module's in `base` (none below zero), grouped with
 * `moduleGroup`, largest group first; each group lists its modules of at least `minimum` bytes.
 */
export function modulesOver(modules, base, minimum = 512) {
  const baseBytes = new Map(base.map((m) => [m.name, m.gzip]));
  const groups = new Map();
  for (const m of modules) {
    const gzip = m.gzip - (baseBytes.get(m.name) ?? 0);
    if (gzip <= 0) continue;
    const name = moduleGroup(m.name);
    const group = groups.get(name) ?? { name, gzip: 0, modules: [], smaller: 0 };
    group.gzip += gzip;
    if (gzip >= minimum) group.modules.push({ name: m.name, gzip });
    else group.smaller += 1;
    groups.set(name, group);
  }
  return [...groups.values()].sort((a, b) => b.gzip - a.gzip).map((g) => ({ ...g, modules: g.modules.sort((a, b) => b.gzip - a.gzip) }));
}
