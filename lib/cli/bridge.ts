// `imco-bridge`: the command Terraform provisioners run (create | update | delete | action), plus
// the user-facing commands. This file parses the command line, looks the verb up in the table of
// lib/cli/verbs/index.ts and reports its failure in one line; each verb is a module of its own.
// Start-up is kept light: each verb loads only what it needs, and no cdktf or TypeScript compiler
// is ever loaded here. Everything a verb reads or writes goes through its invocation's
// surroundings (lib/handlers/invocation.ts): this process's own, or a bridge server request's.
/* eslint-disable @typescript-eslint/no-require-imports */
import { processInvocation, type Environment, type Invocation } from '../handlers/invocation';
import { usageText, verbRow } from './verbs';
import type { VerbCall } from './verbs/verb';

/** Flags that take a value (`--stack DIR`); any other `--flag` is a switch. */
const VALUE_FLAGS = ['stack', 'limit', 'format', 'file', 'state'];

interface Parsed {
  readonly command: string;
  readonly args: string[];
  readonly flags: Map<string, string | true>;
}

function parseArgs(argv: string[]): Parsed {
  const args: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) flags.set(name, inline);
      else if (VALUE_FLAGS.includes(name) && i + 1 < argv.length) flags.set(name, argv[++i]);
      else flags.set(name, true);
    } else args.push(a);
  }
  return { command: args.shift() ?? '', args, flags };
}

async function run(p: Parsed, argv: readonly string[], inv: Invocation): Promise<number> {
  const usage = usageText();
  if (p.command === '' || p.command === 'help') {
    inv.stdout(`${usage}\n`);
    return p.command === '' && !p.flags.has('help') ? 2 : 0;
  }
  const row = verbRow(p.command);
  if (!row) {
    inv.stderr(`imco-bridge: unknown command '${p.command}'\n${usage}\n`);
    return 2;
  }
  const verbose = p.flags.has('verbose') || inv.env.IMCO_BRIDGE_VERBOSE === '1';
  const rawArgs = argv.slice(argv.indexOf(p.command) + 1);
  const call: VerbCall = { args: p.args, flags: p.flags, rawArgs, verbose, inv, usage };
  return row.load().run(call);
}

/** ` <path>` of the construct the provisioner acts for, when the environment tells (quotes and all). */
function constructPath(env: Environment): string {
  for (const name of ['IMCO_BRIDGE_SPEC', 'IMCO_BRIDGE_TRIGGERS']) {
    try {
      const parsed = JSON.parse(env[name] ?? '') as { path?: unknown; imco_path?: unknown };
      const path = parsed.path ?? parsed.imco_path;
      if (typeof path === 'string') return ` ${path}`;
    } catch {
      // not JSON: look for the field alone (a JSON string, escapes included)
      const m = /"(?:path|imco_path)":("(?:[^"\\]|\\.)*")/.exec(env[name] ?? '');
      if (m) return ` ${JSON.parse(m[1]) as string}`;
    }
  }
  return '';
}

/**
 * The error's message; a full, read-only or forbidden directory is named with the variable that
 * moves it (prune and prune-record write only to the markers directory, so an error without a path
 * there is about it).
 */
function errorLine(err: unknown, command: string, inv: Invocation): string {
  const dirs = require('../handlers/marker-directory') as typeof import('../handlers/marker-directory');
  if (dirs.isFileSystemRefusal(err) && (err as { syscall?: unknown }).syscall !== undefined) {
    const markers = command.startsWith('prune') ? dirs.markerDirectory(inv.env, inv.cwd) : undefined;
    return dirs.describeFileSystemRefusal(err, markers, inv.env, inv.cwd);
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs `imco-bridge <argv>` in `inv` (by default this process's environment, directory and
 * output) and resolves to its exit code; a failure is reported as one line on `inv.stderr`.
 */
export async function main(argv: string[], inv: Invocation = processInvocation()): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.flags.has('help')) {
    inv.stdout(`${usageText()}\n`);
    return 0;
  }
  try {
    return await run(parsed, argv, inv);
  } catch (err) {
    const msg = errorLine(err, parsed.command, inv);
    inv.stderr(`imco-bridge ${parsed.command}${constructPath(inv.env)}: ${msg.split('\n')[0]}\n`);
    if (inv.env.IMCO_BRIDGE_DEBUG === '1' && err instanceof Error && err.stack) inv.stderr(`${err.stack}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 1;
    },
  );
}
