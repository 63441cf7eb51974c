// `imco-bridge init DIR [--force] [--imco-cdktf=SPEC]`: scaffolds a new CDKTF app that uses imco-cdktf
// as a library (lib/scaffold/app.ts) with the starter estate (lib/scaffold/starter.ts), and says what
// to run next. Refuses a directory that has files in it, unless --force.
import { basename, relative, resolve } from 'node:path';
import { writeApp } from '../scaffold/app';
import { starterApp } from '../scaffold/starter';

const USAGE = 'usage: imco-bridge init DIR [--force] [--imco-cdktf=SPEC]';
const KNOWN_FLAGS = new Set(['force', 'imco-cdktf', 'verbose']);

/** Runs `init` with the command's positional arguments and flags; returns the exit code. */
export function runInit(args: readonly string[], flags: ReadonlyMap<string, string | true> = new Map()): number {
  const fail = (text: string): number => {
    process.stderr.write(`imco-bridge init: ${text}\n`);
    return 2;
  };
  const unknown = [...flags.keys()].filter((f) => !KNOWN_FLAGS.has(f));
  if (unknown.length) return fail(`unknown option --${unknown[0]}: ${USAGE}`);
  const spec = flags.get('imco-cdktf');
  if (spec === true) return fail('--imco-cdktf needs a value, e.g. --imco-cdktf=file:../imco-cdktf-0.1.0.tgz or --imco-cdktf=^0.1.0');
  if (args.length !== 1) return fail(`name the one directory of the new app: ${USAGE}`);
  const dir = resolve(args[0]);
  let written: string[];
  try {
    written = writeApp(dir, starterApp(basename(dir), spec), { force: flags.get('force') === true });
  } catch (err) {
    process.stderr.write(`imco-bridge init: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const rel = relative(process.cwd(), dir);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
  process.stdout.write(
    `imco-bridge init: wrote ${written.map((f) => relative(dir, f)).join(', ')} into ${shown}\n` +
      `next:\n  cd ${shown}\n  npm install\n  npx cdktf deploy\n`,
  );
  return 0;
}
