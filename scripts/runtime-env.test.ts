import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '@/lib/github/store/memory-store';
import { heapLimitMb, prepareRuntimeEnv, serverNodeOptions } from './runtime-env.mjs';

describe('the server process environment', () => {
  it('sizes the heap to the answer cache plus working room, keeping V8’s usual young generation', () => {
    expect(heapLimitMb({})).toBe(256);
    // The script cannot import the app's TypeScript: its default cache size is a copy, kept equal here.
    expect(heapLimitMb({})).toBe(128 + (2 * DEFAULT_MAX_BYTES) / (1024 * 1024));
    expect(heapLimitMb({ HANGAR_CACHE_MAX_BYTES: String(256 * 1024 * 1024) })).toBe(640);
    expect(serverNodeOptions({})).toBe('--max-old-space-size=256 --max-semi-space-size=16');
  });

  it('keeps the operator’s other Node options, and their heap size when they chose one', () => {
    expect(serverNodeOptions({ NODE_OPTIONS: '--enable-source-maps' })).toBe(
      '--enable-source-maps --max-old-space-size=256 --max-semi-space-size=16',
    );
    expect(serverNodeOptions({ NODE_OPTIONS: '--max-old-space-size=1024' })).toBe('--max-old-space-size=1024');
  });

  it('maps AUTH_* to the names next-auth reads and runs in demo mode without an OAuth App', () => {
    const env: Record<string, string | undefined> = { AUTH_URL: 'http://hangar.test', PORT: '4000' };
    const { demo, port } = prepareRuntimeEnv(env);
    expect(demo).toBe(true);
    expect(port).toBe('4000');
    expect(env.NEXTAUTH_URL).toBe('http://hangar.test');
    expect(env.NEXTAUTH_SECRET).toMatch(/^[\w-]{43}$/);
    expect(env.AUTH_SECRET).toBe(env.NEXTAUTH_SECRET);
    // Building is not the server: its heap is not capped here.
    expect(env.NODE_OPTIONS).toBeUndefined();
  });
});
