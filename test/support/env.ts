// Temporary process environment for tests: synth and handlers read process.env, so a test sets
// what it needs around one call and gets the previous values back afterwards.

/** Sets (or, with undefined, removes) environment variables for the duration of `fn`. */
export function withEnv<T>(vars: Readonly<Record<string, string | undefined>>, fn: () => T): T {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
