import type { Reporter, TestModule } from 'vitest/node';

type Module = Pick<TestModule, 'moduleId'> & { project: Pick<TestModule['project'], 'name'> };

interface StallReporterOptions {
  /** How long without any file or test starting or finishing counts as stalled. */
  stallMs: number;
  /** Where the verdict goes (stderr). */
  write?: (text: string) => void;
  /** Ends the run (with a failing status). */
  exit?: (code: number) => void;
}

/**
 * Ends a unit run that has stopped moving, with a failure that says where. Twice in a dozen runs the
 * suite stopped after ~35 files with its one worker idle and nothing timing out (a test that never
 * settles times out; a file whose loading or worker hand-over never settles does not), and a run
 * that never ends is no verdict at all: CI would wait for its own limit and print nothing. Any file
 * or test starting or finishing re-arms the timer.
 */
export class StallReporter implements Reporter {
  private readonly running = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly write: (text: string) => void;
  private readonly exit: (code: number) => void;

  constructor(private readonly options: StallReporterOptions) {
    this.write = options.write ?? ((text) => process.stderr.write(text));
    this.exit = options.exit ?? ((code) => process.exit(code));
  }

  onTestRunStart() {
    this.arm();
  }

  onTestModuleQueued(module: Module) {
    this.running.set(module.moduleId, module.project.name);
    this.arm();
  }

  onTestModuleStart() {
    this.arm();
  }

  onTestCaseResult() {
    this.arm();
  }

  onTestModuleEnd(module: Module) {
    this.running.delete(module.moduleId);
    this.arm();
  }

  onTestRunEnd() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stalled(), this.options.stallMs);
    // Never what keeps the run alive.
    this.timer.unref?.();
  }

  private stalled() {
    const files = [...this.running].map(([file, project]) => `  ${project ? `${project}: ` : ''}${file}`).join('\n');
    this.write(
      `\nThe unit run stalled: no file or test started or finished in ${Math.round(this.options.stallMs / 1000)} s. ` +
        `Files queued or running:\n${files || '  (none)'}\nEnding the run as failed.\n`,
    );
    this.exit(1);
  }
}
