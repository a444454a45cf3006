// The benchmark's floor: a bare Next.js app, built and started by bench/run.mjs with the
// repository's own `next` (and React, from the root node_modules), so its figures show what
// Next.js costs by itself and Hangar's show what Hangar adds.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // As Hangar's: no X-Powered-By header, strict mode.
  reactStrictMode: true,
  poweredByHeader: false,
  // Browser source maps, as the benchmark's Hangar build has: its modules are subtracted from Hangar's by name.
  productionBrowserSourceMaps: true,
  // Dependencies live in the repository's node_modules, two folders up.
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default nextConfig;
