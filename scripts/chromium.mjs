// The Chromium every browser-driving script here launches: Debian's (Playwright cannot download its
// own browsers on these machines), with the flags that keep it from reaching the network or a GPU.
// Shared by playwright.config.ts, bench/run.mjs and scripts/screenshots.mjs.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
