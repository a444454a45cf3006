/** Every request the emulator answered, for tests that check what reached "GitHub". */

export interface LogEntry {
  method: string;
  /** Without mount and `/api`, with the query. */
  path: string;
  status: number;
  login: string | null;
  at: number;
}

const LOG_CAP = 100_000;

export class RequestLog {
  private entries: LogEntry[] = [];

  push(entry: LogEntry) {
    this.entries.push(entry);
    if (this.entries.length > LOG_CAP) this.entries = this.entries.slice(-LOG_CAP / 2);
  }

  since(at = 0): LogEntry[] {
    return this.entries.filter((e) => e.at >= at);
  }

  clear() {
    this.entries = [];
  }
}
