// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build must not depend on the .git folder or bake in configuration: every
  // setting is read from the environment when the server starts (see lib/config.ts).
  generateBuildId: async () => process.env.npm_package_version ?? 'hangar',
};

module.exports = nextConfig;
