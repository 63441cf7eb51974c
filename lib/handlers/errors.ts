// Handler errors: one line that names the problem and the fix; never a stack trace or a secret.

export class BridgeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** The one line a handler prints for any error (IMCO client errors carry their own one-liners). */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].trim() || 'unknown error';
}
