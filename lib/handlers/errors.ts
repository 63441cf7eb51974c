// Handler errors: one line that names the problem and the fix; never a stack trace or a secret.

export class BridgeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeError';
  }
}
