// The `imco-bridge` verbs: one row per verb, naming its module (loaded only when the verb runs, so
// that a provisioner's start-up stays light), its lines in `imco-bridge --help`, and whether the
// bridge server runs it (provisioner verbs). To add a verb: write `lib/cli/verbs/<verb>.ts`
// exporting `run(call: VerbCall): Promise<number>` (see ./verb.ts), and add its row here.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { VerbModule } from './verb';

export interface VerbRow {
  readonly verb: string;
  /** Its lines in `--help` (none for internal verbs); continuation lines start with spaces. */
  readonly help?: string;
  /**
   * Run by Terraform provisioners, of an object's resources or of the stack's prune and sweep
   * resources: the bridge server runs it (lib/cli/bridge-server.ts), `--help` lists it by group.
   */
  readonly served?: 'object' | 'stack';
  readonly load: () => VerbModule;
}

export const VERBS: readonly VerbRow[] = [
  { verb: 'create', served: 'object', load: () => require('./create') },
  { verb: 'update', served: 'object', load: () => require('./update') },
  { verb: 'delete', served: 'object', load: () => require('./delete') },
  { verb: 'action', served: 'object', load: () => require('./action') },
  { verb: 'prune', served: 'stack', load: () => require('./prune') },
  { verb: 'prune-record', served: 'stack', load: () => require('./prune-record') },
  { verb: 'sweep', served: 'stack', load: () => require('./sweep') },
  {
    verb: 'import',
    help: 'import <construct path> <imco id> [--stack DIR]\n                                        adopt an existing IMCO object for a construct',
    load: () => require('./import'),
  },
  {
    verb: 'events',
    help: 'events <construct path> [--stack DIR] [--limit N]\n                                        recent IMCO audit events of a construct\'s object',
    load: () => require('./events'),
  },
  {
    verb: 'drift',
    help:
      'drift [--stack DIR|NAME] [--format text|json|markdown] [--state FILE]\n' +
      '                                        compare each synthesized stack (or the one given) with IMCO; exit 2 on drift\n' +
      '                                        (objects of tainted resources too: the local state, or FILE)',
    load: () => require('./drift'),
  },
  {
    verb: 'repoint',
    help:
      'repoint [--stack DIR]                 record the synthesized endpoint in the Terraform state (same platform,\n' +
      '                                        new address): the next plan re-creates nothing',
    load: () => require('./repoint'),
  },
  {
    verb: 'context',
    help:
      'context refresh [KEY …] [--file F]    re-resolve imco.context.json lookups (and add KEYs)\n' +
      '  context fetch                         resolve lookup queries read as JSON from stdin (used by synth)',
    load: () => require('./context'),
  },
  {
    verb: 'export',
    help:
      'export [--out DIR] [--stack NAME] [--kinds k1,k2] [--name-filter REGEX] [--force]\n' +
      '                                        write the objects no stack owns as a CDKTF app that adopts them',
    load: () => require('./export'),
  },
  {
    verb: 'provider',
    help:
      'provider mirror DIR                   lay out DIR as a filesystem mirror of terraform-provider-imco\n' +
      '                                        (then: terraform init -plugin-dir=DIR)',
    load: () => require('./provider'),
  },
  {
    verb: 'init',
    help:
      'init DIR [--force] [--imco-cdktf=SPEC]\n' +
      '                                        scaffold a new CDKTF app using imco-cdktf (one VPC, one firewall profile)',
    load: () => require('./init'),
  },
  { verb: 'serve', load: () => require('./serve') },
];

/** The row of `verb`, if it is one. */
export function verbRow(verb: string): VerbRow | undefined {
  return VERBS.find((row) => row.verb === verb);
}

const SERVED_GROUPS = {
  object: 'run by Terraform provisioners (spec in the environment)',
  stack: "run by the stack's prune and sweep resources",
} as const;

/** The verbs the bridge server runs. */
export function servedVerbs(): string[] {
  return VERBS.filter((row) => row.served).map((row) => row.verb);
}

/** `imco-bridge --help`: the provisioner verbs, one line per group, then each user verb's lines. */
export function usageText(): string {
  const groups = (Object.keys(SERVED_GROUPS) as (keyof typeof SERVED_GROUPS)[]).map((group) => {
    const verbs = VERBS.filter((row) => row.served === group).map((row) => row.verb).join(' | ');
    return `  ${verbs.padEnd(38)}${SERVED_GROUPS[group]}`;
  });
  return [
    'usage: imco-bridge <command>',
    ...groups,
    ...VERBS.filter((row) => row.help).map((row) => `  ${row.help}`),
    'options: --verbose (print the request log to stderr), --help',
  ].join('\n');
}
