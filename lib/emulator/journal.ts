// The request journal: `DIR/journal.jsonl`, one JSON line per request (time, method, path incl.
// query, status, durationMs, body with secrets redacted, fault when one was injected). Appended
// through one write stream, never truncated; flush() waits until everything is on disk.
import { createWriteStream, type WriteStream } from 'node:fs';

export interface JournalEntry {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  /** HTTP status answered; 0 when the connection was dropped before any answer was computed. */
  readonly status: number;
  readonly durationMs: number;
  /** Redacted request JSON, null when there was none; uploads: the byte length. */
  readonly body: unknown;
  readonly fault?: string;
}

export class Journal {
  private stream: WriteStream | undefined;
  private pending = 0;
  private waiters: (() => void)[] = [];

  constructor(readonly path: string, enabled: boolean) {
    if (enabled) {
      this.stream = createWriteStream(path, { flags: 'a', mode: 0o600 });
      this.stream.on('error', (err) => process.stderr.write(`imco-emulator: cannot write journal ${path}: ${err.message}\n`));
    }
  }

  append(entry: JournalEntry): void {
    if (!this.stream) return;
    this.pending++;
    this.stream.write(JSON.stringify(entry) + '\n', () => {
      this.pending--;
      if (this.pending === 0) this.waiters.splice(0).forEach((w) => w());
    });
  }

  /** Resolves once every appended line has been handed to the file system. */
  flush(): Promise<void> {
    if (!this.stream || this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    const stream = this.stream;
    this.stream = undefined;
    if (stream) await new Promise<void>((resolve) => stream.end(resolve));
  }
}
