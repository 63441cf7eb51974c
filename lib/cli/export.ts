// `imco-bridge export [--out DIR] [--stack NAME] [--kinds k1,k2] [--name-filter REGEX] [--force]`:
// writes the IMCO objects no stack owns as a CDKTF app that adopts them (lib/export/). Options are
// checked before IMCO is asked; an account the credentials cannot read is one line naming the fix.
/* eslint-disable @typescript-eslint/no-require-imports */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const EXPORT_USAGE =
  'usage: imco-bridge export [--out DIR] [--stack NAME] [--kinds k1,k2] [--name-filter REGEX] [--force] [--imco-cdktf SPEC]';

interface ExportArgs {
  readonly out: string;
  readonly stack: string;
  readonly kinds?: string[];
  readonly nameFilter?: RegExp;
  readonly force: boolean;
  readonly imcoCdktfSpec?: string;
  readonly verbose: boolean;
}

const VALUED = ['out', 'stack', 'kinds', 'name-filter', 'imco-cdktf'];

/** Parses the verb's arguments; throws one line naming the bad option and what to give. */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}'; ${EXPORT_USAGE}`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (![...VALUED, 'force', 'verbose'].includes(name)) throw new Error(`unknown option --${name}; ${EXPORT_USAGE}`);
    if (VALUED.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new Error(`--${name} needs a value; ${EXPORT_USAGE}`);
      flags.set(name, value);
    } else flags.set(name, true);
  }
  const get = (n: string) => (typeof flags.get(n) === 'string' ? (flags.get(n) as string) : undefined);
  const stack = get('stack') ?? 'imported';
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(stack)) throw new Error(`--stack '${stack}' is not a stack name: use letters, digits, '-' and '_'`);
  return {
    out: resolve(get('out') ?? 'imco-export'),
    stack,
    kinds: get('kinds') ? checkedKinds(get('kinds')!) : undefined,
    nameFilter: get('name-filter') ? checkedRegex(get('name-filter')!) : undefined,
    force: flags.has('force'),
    imcoCdktfSpec: get('imco-cdktf'),
    verbose: flags.has('verbose'),
  };
}

function checkedKinds(text: string): string[] {
  const { EXPORT_ORDER, NOT_EXPORTED } = require('../kinds/export-hooks') as typeof import('../kinds/export-hooks');
  const known = [...EXPORT_ORDER, ...Object.keys(NOT_EXPORTED)];
  const kinds = text.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.filter((k) => !known.includes(k));
  if (unknown.length > 0 || kinds.length === 0) throw new Error(`--kinds: unknown kind(s) ${unknown.join(', ') || '(none given)'}; give some of ${known.join(', ')}`);
  return kinds;
}

function checkedRegex(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (err) {
    throw new Error(`--name-filter '${text}' is not a regular expression (${(err as Error).message})`);
  }
}

/** The first failing read as one line: the account, what failed, and where credentials come from. */
function unreadable(endpoint: string, err: unknown): Error {
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return new Error(
    `cannot read the IMCO account at ${endpoint}: ${msg} — check the credentials (CONCERTO_ENDPOINT, CONCERTO_CA_CERT, CONCERTO_CLIENT_CERT, CONCERTO_CLIENT_KEY, or ~/.concerto/client.xml)`,
  );
}

/** Runs the verb; returns the exit code (errors are thrown as one line). */
export async function runExport(argv: readonly string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const args = parseExportArgs(argv);
  if (!args.force && existsSync(args.out) && readdirSync(args.out).length > 0) {
    throw new Error(`${args.out} is not empty: choose a new directory with --out, or pass --force to overwrite the app's files there`);
  }
  const { clientApi } = require('../handlers/client-api') as typeof import('../handlers/client-api');
  const { exportEstate } = require('../export/export') as typeof import('../export/export');
  const { LABEL_KIND } = require('../catalog') as typeof import('../catalog');
  const api = clientApi({ verbose: args.verbose });
  try {
    await api.list(LABEL_KIND).catch((err: unknown) => {
      throw unreadable(api.endpoint, err);
    });
    out(`imco-bridge export: reading ${api.endpoint}`);
    const result = await exportEstate(api, {
      out: args.out,
      stack: args.stack,
      kinds: args.kinds,
      nameFilter: args.nameFilter,
      force: args.force,
      imcoCdktfSpec: args.imcoCdktfSpec,
      progress: out,
    });
    for (const line of result.lines) out(line);
    out(`wrote ${args.out} (stack '${args.stack}'): npm install, then npx cdktf synth`);
    return 0;
  } finally {
    api.close();
  }
}
