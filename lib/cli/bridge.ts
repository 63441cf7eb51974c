// `imco-bridge`: the command Terraform provisioners run (create | update | delete | action), plus
// the user-facing import and events commands. Start-up is kept light: each command loads only
// what it needs, and no cdktf or TypeScript compiler is ever loaded here.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { BridgeSpec } from '../bridge/spec';
import type { BridgeApi } from '../handlers/api';
import type { HandlerContext } from '../handlers/context';

const USAGE = `usage: imco-bridge <command>
  create | update | delete | action     run by Terraform provisioners (spec in the environment)
  prune | prune-record | sweep          run by the stack's prune and sweep resources
  import <construct path> <imco id> [--stack DIR]
                                        adopt an existing IMCO object for a construct
  events <construct path> [--stack DIR] [--limit N]
                                        recent IMCO audit events of a construct's object
  drift [--stack DIR] [--format text|json|markdown] [--state FILE]
                                        compare the synthesized stack with IMCO; exit 2 on drift
                                        (objects of tainted resources too: the local state, or FILE)
  repoint [--stack DIR]                 record the synthesized endpoint in the Terraform state (same platform,
                                        new address): the next plan re-creates nothing
  context refresh [KEY …] [--file F]    re-resolve imco.context.json lookups (and add KEYs)
  context fetch                         resolve lookup queries read as JSON from stdin (used by synth)
  provider mirror DIR                   lay out DIR as a filesystem mirror of terraform-provider-imco
                                        (then: terraform init -plugin-dir=DIR)
  init DIR [--force] [--imco-cdktf=SPEC]
                                        scaffold a new CDKTF app using imco-cdktf (one VPC, one firewall profile)
options: --verbose (print the request log to stderr), --help`;

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
      else if (['stack', 'limit', 'format', 'file', 'state'].includes(name) && i + 1 < argv.length) flags.set(name, argv[++i]);
      else flags.set(name, true);
    } else args.push(a);
  }
  return { command: args.shift() ?? '', args, flags };
}

/**
 * Builds the API for a spec and refuses to act on another platform than the one the stack was
 * synthesized for (`/v2` and `/v3` are one platform). A delete (`recorded`: the endpoint the object
 * was created on, from the lifecycle resource's state) also refuses another address of the same
 * platform: Terraform replaces every object when the endpoint changes, and only `imco-bridge
 * repoint` makes that change without re-creating them. With a `deadline` (an object's invocation),
 * no request outlives it: a hung or trickling IMCO cannot hold a provisioner past the object's timeoutSeconds.
 */
function openApi(spec: BridgeSpec | undefined, verbose: boolean, deadline?: number, recorded = false): BridgeApi {
  const { clientApi } = require('../handlers/client-api') as typeof import('../handlers/client-api');
  const { samePlatform, sameEndpoint } = require('../bridge/platform') as typeof import('../bridge/platform');
  const api = clientApi({ verbose, deadline });
  const refuse = (text: string): never => {
    api.close();
    throw new (require('../handlers/errors') as typeof import('../handlers/errors')).BridgeError(text);
  };
  if (!spec || !spec.endpoint) return api;
  if (!samePlatform(spec.endpoint, api.endpoint)) {
    refuse(
      `${spec.path} was ${recorded ? 'created on' : 'synthesized for'} ${spec.endpoint} but the credentials point at ${api.endpoint}; ` +
        `refusing to act on another IMCO platform. Use the credentials of ${spec.endpoint}, or re-synthesize for the new endpoint ` +
        `(if it is the same platform under another address, then run 'imco-bridge repoint' in the stack directory)`,
    );
  }
  if (recorded && !sameEndpoint(spec.endpoint, api.endpoint)) {
    refuse(
      `${spec.path} was created on ${spec.endpoint}, and the stack now points at ${api.endpoint}, the same platform: ` +
        `refusing to delete it (a changed endpoint makes Terraform replace every object, which would re-create them all). ` +
        `Run 'imco-bridge repoint' in the stack directory ` +
        `(it records ${api.endpoint} in the Terraform state; nothing is re-created), then run terraform again`,
    );
  }
  return api;
}

function context(spec: BridgeSpec, api: BridgeApi, deadline?: number): HandlerContext {
  return (require('../handlers/context') as typeof import('../handlers/context')).makeContext(spec, api, undefined, deadline);
}

/** The deadline of one invocation for `spec` (timeoutSeconds, else the kind's default). */
function deadlineOf(spec: BridgeSpec): number {
  return (require('../handlers/context') as typeof import('../handlers/context')).deadlineOf(spec);
}

async function run(p: Parsed): Promise<number> {
  const verbose = p.flags.has('verbose') || process.env.IMCO_BRIDGE_VERBOSE === '1';
  const specMod = require('../bridge/spec') as typeof import('../bridge/spec');
  const reconcile = (): typeof import('../handlers/reconcile') => require('../handlers/reconcile');
  switch (p.command) {
    case 'create':
    case 'update':
    case 'action': {
      const spec = specMod.parseSpec(process.env[specMod.SPEC_ENV]);
      if (p.command === 'update') {
        const { createFailure, wasCreated } = require('../handlers/markers') as typeof import('../handlers/markers');
        const failure = createFailure(process.env[specMod.TF_ID_ENV]);
        if (failure !== undefined) {
          throw new Error(
            `its create failed earlier in this apply: ${failure || "see the create's output above"} — once that is fixed, ` +
              'terraform apply retries it here and adopts what the failed create made instead of duplicating it',
          );
        }
        // The create of this same Terraform run converged the object to this very spec already.
        if (wasCreated(process.env[specMod.TF_ID_ENV])) {
          process.stdout.write(`imco-bridge: ${spec.path}: created and converged by this apply; nothing to update\n`);
          return 0;
        }
      }
      const deadline = deadlineOf(spec);
      const api = openApi(spec, verbose, deadline);
      try {
        const ctx = context(spec, api, deadline);
        const tfId = process.env.IMCO_BRIDGE_TF_ID;
        if (p.command === 'create') await reconcile().runCreate(ctx, tfId);
        else if (p.command === 'update') await reconcile().runUpdate(ctx, tfId);
        else await reconcile().runAction(ctx, tfId);
      } finally {
        api.close();
      }
      return 0;
    }
    case 'delete': {
      const spec = reconcile().specFromTriggers(process.env.IMCO_BRIDGE_TRIGGERS, specMod.SPEC_VERSION);
      const deadline = deadlineOf(spec);
      const api = openApi(spec, verbose, deadline, true);
      try {
        await reconcile().runDelete(context(spec, api, deadline));
      } finally {
        api.close();
      }
      return 0;
    }
    case 'import':
    case 'events': {
      const [path, id] = p.args;
      if (!path || (p.command === 'import' && !id)) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const { findSynthesizedObject } = require('../handlers/stack-reader') as typeof import('../handlers/stack-reader');
      const dir = typeof p.flags.get('stack') === 'string' ? String(p.flags.get('stack')) : process.cwd();
      const { spec } = findSynthesizedObject(dir, path);
      const api = openApi(spec, verbose);
      try {
        const ctx = context(spec, api);
        if (p.command === 'import') {
          await (require('../handlers/import') as typeof import('../handlers/import')).runImport(ctx, id);
        } else {
          const limit = Number(p.flags.get('limit') ?? 20) || 20;
          const events = await (require('../handlers/events') as typeof import('../handlers/events')).recentEvents(ctx, limit);
          for (const e of events) process.stdout.write(`${String(e.timestamp)}  ${String(e.level).padEnd(7)}  ${String(e.header)}${e.description ? ` — ${String(e.description)}` : ''}\n`);
          if (events.length === 0) process.stdout.write('no events\n');
        }
      } finally {
        api.close();
      }
      return 0;
    }
    case 'prune':
    case 'prune-record':
    case 'sweep': {
      const pruneMod = require('../handlers/prune') as typeof import('../handlers/prune');
      const triggers = pruneMod.parsePruneTriggers(process.env.IMCO_BRIDGE_TRIGGERS, process.env);
      if (p.command === 'prune-record') {
        pruneMod.recordDeclaration(triggers);
        return 0;
      }
      const api = openApi({ endpoint: triggers.endpoint, path: p.command } as BridgeSpec, verbose);
      try {
        const out = (l: string) => process.stdout.write(`${l}\n`);
        if (p.command === 'sweep') {
          const deleted = await (require('../handlers/sweep') as typeof import('../handlers/sweep')).sweep(api, triggers, out);
          if (deleted > 0) process.stdout.write(`imco-bridge: sweep: deleted ${deleted} object(s) of stack ${triggers.stack} that their destroyed resources had left in IMCO\n`);
          return 0;
        }
        const removed = await pruneMod.prune(api, triggers, out);
        if (removed > 0) process.stdout.write(`imco-bridge: prune: deleted ${removed} object(s) no longer declared in stack ${triggers.stack}\n`);
      } finally {
        api.close();
      }
      return 0;
    }
    case 'repoint': {
      const dir = typeof p.flags.get('stack') === 'string' ? String(p.flags.get('stack')) : process.cwd();
      const api = openApi(undefined, verbose);
      try {
        return await (require('./repoint') as typeof import('./repoint')).repoint(dir, api, (l) => process.stdout.write(`${l}\n`));
      } finally {
        api.close();
      }
    }
    case 'drift': {
      const { readSynthesizedObjects, hasProviderResources } = require('../handlers/stack-reader') as typeof import('../handlers/stack-reader');
      const drift = require('../handlers/drift') as typeof import('../handlers/drift');
      const format = String(p.flags.get('format') ?? 'text');
      if (!['text', 'json', 'markdown', 'fingerprints'].includes(format)) {
        process.stderr.write(`imco-bridge drift: --format must be text, json or markdown (got '${format}')\n`);
        return 2;
      }
      const dir = typeof p.flags.get('stack') === 'string' ? String(p.flags.get('stack')) : process.cwd();
      const synthesized = p.flags.has('specs-stdin') ? undefined : readSynthesizedObjects(dir);
      const specs = synthesized
        ? synthesized.map((o) => o.spec)
        : (JSON.parse(require('node:fs').readFileSync(0, 'utf8') as string) as BridgeSpec[]);
      if (synthesized && specs.length === 0 && hasProviderResources(dir)) {
        process.stderr.write('imco-bridge drift: this stack uses the provider flavour: run terraform plan in its directory, which reads every object and shows drift\n');
        return 1;
      }
      const tainted = synthesized ? taintedResourceOf(dir, synthesized, p.flags.get('state')) : () => undefined;
      const api = openApi(specs[0], verbose);
      try {
        const report = await drift.detectDrift(api, specs, tainted);
        if (format === 'fingerprints') process.stdout.write(`${JSON.stringify(drift.driftFingerprints(report))}\n`);
        else process.stdout.write(drift.renderDrift(report, format as 'text' | 'json' | 'markdown'));
        return report.drifted && format !== 'fingerprints' ? 2 : 0;
      } finally {
        api.close();
      }
    }
    case 'context': {
      const sub = p.args.shift();
      const cmd = require('../handlers/context-command') as typeof import('../handlers/context-command');
      if (sub === 'fetch') {
        const input = require('node:fs').readFileSync(0, 'utf8') as string;
        const api = openApi(undefined, verbose);
        try {
          process.stdout.write(`${JSON.stringify(await cmd.fetchQueries(api, JSON.parse(input)))}\n`);
        } finally {
          api.close();
        }
        return 0;
      }
      if (sub === 'refresh') {
        const api = openApi(undefined, verbose);
        try {
          const file = typeof p.flags.get('file') === 'string' ? String(p.flags.get('file')) : undefined;
          const { lines, failed } = await cmd.refreshContext(api, p.args, file);
          for (const l of lines) process.stdout.write(`${l}\n`);
          return failed > 0 ? 1 : 0;
        } finally {
          api.close();
        }
      }
      process.stderr.write(`imco-bridge: 'context' needs 'refresh' or 'fetch'\n${USAGE}\n`);
      return 2;
    }
    case 'provider': {
      const [sub, dir] = p.args;
      if (sub !== 'mirror' || !dir) {
        process.stderr.write(`imco-bridge: usage: imco-bridge provider mirror DIR\n`);
        return 2;
      }
      const { providerFile, version } = (require('../provider/mirror') as typeof import('../provider/mirror')).layoutMirror(dir);
      process.stdout.write(`imco-bridge: imco/imco ${version} laid out in ${dir} (${providerFile}); run terraform init -plugin-dir=${dir}\n`);
      return 0;
    }
    case 'init':
      // Scaffolds a new app (lib/cli/init.ts).
      return (require('./init') as typeof import('./init')).runInit(p.args, p.flags);
    case 'serve': {
      // Started by bin/imco-bridge.sh; not for users (see lib/cli/bridge-server.ts).
      const dir = p.args[0];
      if (!dir) {
        process.stderr.write('usage: imco-bridge serve <run directory>\n');
        return 2;
      }
      return (require('./bridge-server') as typeof import('./bridge-server')).serve(dir, main);
    }
    case '':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return p.command === '' && !p.flags.has('help') ? 2 : 0;
    default:
      process.stderr.write(`imco-bridge: unknown command '${p.command}'\n${USAGE}\n`);
      return 2;
  }
}

/** The tainted Terraform resource (lifecycle or `_sync`) of a synthesized object, from the stack's state. */
function taintedResourceOf(
  dir: string,
  objects: readonly import('../handlers/stack-reader').SynthesizedObject[],
  stateFlag: string | true | undefined,
): (spec: BridgeSpec) => string | undefined {
  const { findStackFiles } = require('../handlers/stack-reader') as typeof import('../handlers/stack-reader');
  const { taintedByStack } = require('../handlers/tainted') as typeof import('../handlers/tainted');
  const byStack = taintedByStack(findStackFiles(dir), typeof stateFlag === 'string' ? stateFlag : undefined);
  const addressOf = new Map(objects.map((o) => [o.spec, o.address]));
  return (spec) => {
    const address = addressOf.get(spec);
    const tainted = byStack.get(spec.stack);
    if (!address || !tainted) return undefined;
    return [address, `${address}_sync`].find((a) => tainted.has(a));
  };
}

/** ` <path>` of the construct the provisioner acts for, when the environment tells (quotes and all). */
function constructPath(): string {
  for (const name of ['IMCO_BRIDGE_SPEC', 'IMCO_BRIDGE_TRIGGERS']) {
    try {
      const parsed = JSON.parse(process.env[name] ?? '') as { path?: unknown; imco_path?: unknown };
      const path = parsed.path ?? parsed.imco_path;
      if (typeof path === 'string') return ` ${path}`;
    } catch {
      // not JSON: look for the field alone (a JSON string, escapes included)
      const m = /"(?:path|imco_path)":("(?:[^"\\]|\\.)*")/.exec(process.env[name] ?? '');
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
function errorLine(err: unknown, command: string): string {
  const dirs = require('../handlers/marker-directory') as typeof import('../handlers/marker-directory');
  if (dirs.isFileSystemRefusal(err) && (err as { syscall?: unknown }).syscall !== undefined) {
    return dirs.describeFileSystemRefusal(err, command.startsWith('prune') ? dirs.markerDirectory() : undefined);
  }
  return err instanceof Error ? err.message : String(err);
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    return await run(parsed);
  } catch (err) {
    const msg = errorLine(err, parsed.command);
    process.stderr.write(`imco-bridge ${parsed.command}${constructPath()}: ${msg.split('\n')[0]}\n`);
    if (process.env.IMCO_BRIDGE_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
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
