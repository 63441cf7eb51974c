// What every `imco-bridge` verb module gets and gives: its parsed arguments and the invocation's
// surroundings in (`VerbCall`), an exit code out. A verb module exports `run(call)`; the table in
// lib/cli/verbs/index.ts names it. Verbs read env, working directory and output from `call.inv`,
// never from `process`, so that the bridge server can run many at once in one process.
import { pathIn, type Invocation } from '../../handlers/invocation';

/** `imco-bridge <verb> <args…> --flag value`, parsed. */
export interface VerbCall {
  /** Positional arguments after the verb. */
  readonly args: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
  /** The arguments after the verb as given, for a verb that parses its own options (`export`). */
  readonly rawArgs: readonly string[];
  /** Print the request log to stderr (`--verbose` or IMCO_BRIDGE_VERBOSE=1). */
  readonly verbose: boolean;
  /** The invocation's environment, working directory and output. */
  readonly inv: Invocation;
  /** `imco-bridge --help`'s text, for a verb that was called wrongly. */
  readonly usage: string;
}

/** A verb module: runs the verb, resolves to its exit code (errors are reported by the caller). */
export interface VerbModule {
  run(call: VerbCall): Promise<number>;
}

/** The string value of `--name`, if given with one. */
export function flagText(call: VerbCall, name: string): string | undefined {
  const value = call.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** `--stack DIR` resolved against the invocation's directory, else that directory. */
export function stackDirOf(call: VerbCall): string {
  const given = flagText(call, 'stack');
  return given === undefined ? call.inv.cwd : pathIn(call.inv, given);
}

/** Writes one line to the invocation's standard output. */
export function printLine(call: VerbCall, line: string): void {
  call.inv.stdout(`${line}\n`);
}
