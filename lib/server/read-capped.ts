/**
 * Reads a body no further than `cap` bytes: null when it is longer (whatever its Content-Length
 * says), its stream cancelled there. `copyOf` is the stream a `Request.clone()` was made from: a
 * copied stream stops only when neither half is read, so both are cancelled together.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  cap: number,
  copyOf?: ReadableStream<Uint8Array>,
): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await Promise.all([reader.cancel(), copyOf?.cancel()]).catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  // A body that came in one piece (a GitHub page inflated whole, ~0.9 MB) is not copied again.
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
