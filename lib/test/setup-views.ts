import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => cleanup());

// jsdom has no layout: the virtualised lists measure the window, and jsdom lacks ResizeObserver.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;

// Views run outside Next's app router: links render as anchors, and navigation is a no-op spy.
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), prefetch: vi.fn(), back: vi.fn(), refresh: vi.fn() }),
  usePathname: () => '/',
  useSearchParams: () => new URLSearchParams(),
}));
// Nor does it scroll: the virtualiser asks to, harmlessly.
window.scrollTo = () => {};
// Nor a browser's own stylesheet: a <wbr> (a line-break opportunity) is inline, as in every
// browser, so it adds no space to the accessible names computed around it.
const userAgentStyles = document.createElement('style');
userAgentStyles.textContent = 'wbr { display: inline; }';
document.head.append(userAgentStyles);
