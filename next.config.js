// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // HANGAR_SOURCEMAPS=1 next build: browser source maps, to see what each first-load kilobyte is.
  productionBrowserSourceMaps: process.env.HANGAR_SOURCEMAPS === '1',
  // The build must not depend on the .git folder or bake in configuration: every
  // setting is read from the environment when the server starts (see lib/config.ts).
  generateBuildId: async () => process.env.npm_package_version ?? 'hangar',
  // The type check belongs to `npm test` (`npm run typecheck`, before the build), not to every start:
  // `next build` would run a second whole TypeScript pass (~65 s here) on a newcomer's first `npm start`.
  typescript: { ignoreBuildErrors: true },
  // Loaded from node_modules at run time, not bundled: PGlite reads its WebAssembly and data files
  // next to its own code, and BullMQ picks its Redis client and optional drivers when it runs.
  // (pg is on Next's own list.) The standalone build's tracing copies them with their files.
  serverExternalPackages: ['@electric-sql/pglite', 'bullmq'],
  // The container image (Dockerfile) ships Next's self-contained server; `npm start` does not need it.
  ...(process.env.HANGAR_STANDALONE === '1' ? { output: 'standalone' } : {}),
};

module.exports = nextConfig;
