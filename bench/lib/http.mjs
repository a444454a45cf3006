// Timed requests: one GET at a time, so a figure is one request's own time.

/** Samples per side when two ways of answering the same request are compared (after 100 warm-ups each). */
export const latencySamples = (quick) => (quick ? 200 : 600);
const WARMUPS = 100;

/** One GET, timed until its whole body has arrived; anything but a 200 stops the benchmark. */
export async function once(url, headers) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

/**
 * Two requests (`[url, headers]` each) timed in turn, `samples` of each after 100 warm-ups of each:
 * interleaved, so both see the same machine at the same moment. Their times, in milliseconds.
 */
export async function interleaved(a, b, samples) {
  for (let i = 0; i < WARMUPS; i++) {
    await once(...a);
    await once(...b);
  }
  const first = [];
  const second = [];
  for (let i = 0; i < samples; i++) {
    first.push(await once(...a));
    second.push(await once(...b));
  }
  return [first, second];
}
