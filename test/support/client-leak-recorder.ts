// Records every error message and `onRequest` line a client test produces, so the test file can
// finally assert that none of them contains key material or a secret value it used.
import * as util from 'node:util';
import type { RequestInfo } from '../../lib/client';

export class LeakRecorder {
  readonly lines: string[] = [];

  /** An `onRequest` hook that records each line. */
  readonly hook = (info: RequestInfo): void => {
    this.lines.push(JSON.stringify(info));
  };

  /** Records an error: message, JSON form and full inspection (own properties, stack). */
  record(err: unknown): void {
    if (err instanceof Error) this.lines.push(err.message);
    try {
      this.lines.push(JSON.stringify(err));
    } catch {
      // not serialisable: inspection below still records it
    }
    this.lines.push(util.inspect(err, { depth: 6 }));
  }

  /** Awaits a promise expected to reject, records and returns the rejection. */
  async rejection(promise: Promise<unknown>): Promise<Error> {
    try {
      await promise;
    } catch (err) {
      this.record(err);
      return err as Error;
    }
    throw new Error('expected the promise to reject, it resolved');
  }

  /** Runs a function expected to throw, records and returns the error. */
  thrown(fn: () => unknown): Error {
    try {
      fn();
    } catch (err) {
      this.record(err);
      return err as Error;
    }
    throw new Error('expected the function to throw, it returned');
  }

  /** Every private-key PEM fragment and secret value that must never appear. */
  static forbiddenFragments(privateKeyPems: readonly string[], secretValues: readonly string[]): string[] {
    const fromKeys = privateKeyPems.flatMap((pem) => [
      pem.trim(),
      ...pem.split(/\r?\n/).filter((line) => line.length >= 16 && !line.startsWith('-----')),
    ]);
    return [...fromKeys, ...secretValues];
  }

  /** Fragments found in the recorded lines (should be empty). */
  leaks(forbidden: readonly string[]): string[] {
    const all = this.lines.join('\n');
    const found = forbidden.filter((fragment) => all.includes(fragment));
    if (all.includes('PRIVATE KEY-----')) found.push('a PEM private key header');
    return found;
  }
}
