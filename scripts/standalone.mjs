#!/usr/bin/env node
// Entry point of the container image: prepares the same environment as `npm start`, then runs
// Next's standalone server (built with HANGAR_STANDALONE=1), which needs no node_modules of its own.
import { prepareRuntimeEnv } from './runtime-env.mjs';

const { host, banner } = prepareRuntimeEnv(process.env);
// The standalone server reads its address from HOSTNAME.
process.env.HOSTNAME = host;
console.log(banner);
await import(new URL('../server.js', import.meta.url).href);
