// The surroundings of one `imco-bridge` invocation: the environment it was started with, the
// directory it runs in, and where its output goes. A command run as a process of its own takes
// them from its process (`processInvocation`); the bridge server (lib/cli/bridge-server.ts) runs
// many invocations in one process and builds one per request from the provisioner's environment,
// working directory and output FIFO. Handlers read these values from here, never from `process`.
import { resolve } from 'node:path';

/** Environment variables as a process sees them. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface Invocation {
  /** The invocation's environment (the provisioner's, as its shell saw it). */
  readonly env: Environment;
  /** The directory the invocation runs in: relative paths are resolved against it. */
  readonly cwd: string;
  /** Writes to the invocation's standard output. */
  stdout(text: string): void;
  /** Writes to the invocation's standard error. */
  stderr(text: string): void;
}

/** The surroundings of a command running as a process of its own. */
export function processInvocation(): Invocation {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}

/** `path` as the invocation means it: relative paths start at its working directory. */
export function pathIn(invocation: Pick<Invocation, 'cwd'>, path: string): string {
  return resolve(invocation.cwd, path);
}
