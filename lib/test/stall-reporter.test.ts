import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StallReporter } from './stall-reporter';

const file = (moduleId: string) => ({ moduleId, project: { name: 'logic' } });

describe('a unit run that stops moving', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function reporter() {
    const write = vi.fn<(text: string) => void>();
    const exit = vi.fn<(code: number) => void>();
    return { write, exit, reporter: new StallReporter({ stallMs: 60_000, write, exit }) };
  }

  it('ends as failed, naming the files still queued or running, once nothing has moved for the stall time', () => {
    const { reporter: r, write, exit } = reporter();
    r.onTestRunStart();
    r.onTestModuleQueued(file('/repo/lib/a.test.ts'));
    r.onTestModuleQueued(file('/repo/lib/b.test.ts'));
    r.onTestModuleStart();
    r.onTestModuleEnd(file('/repo/lib/a.test.ts'));
    vi.advanceTimersByTime(59_999);
    expect(exit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(write.mock.calls[0]![0]).toContain('no file or test started or finished in 60 s');
    expect(write.mock.calls[0]![0]).toContain('logic: /repo/lib/b.test.ts');
    expect(write.mock.calls[0]![0]).not.toContain('a.test.ts');
  });

  it('lets a slow run go on as long as tests keep finishing', () => {
    const { reporter: r, exit } = reporter();
    r.onTestRunStart();
    r.onTestModuleQueued(file('/repo/lib/slow.test.ts'));
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(50_000);
      r.onTestCaseResult();
    }
    expect(exit).not.toHaveBeenCalled();
  });

  it('stands down when the run ends', () => {
    const { reporter: r, exit } = reporter();
    r.onTestRunStart();
    r.onTestRunEnd();
    vi.advanceTimersByTime(10 * 60_000);
    expect(exit).not.toHaveBeenCalled();
  });
});
