// The example estate of main.ts (every kind and lookup) synthesized against a test emulator in a
// chosen flavour (the provisioner's `terraform_data` or the native `provider`), with the run's
// secrets by reference, a context file and a local state of its own; plus the list of IMCO objects
// the estate declares (kind, construct path, identity), for the convergence checks.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { App } from 'cdktf';
import { ExampleEstate } from '../../../main';
import { ImcoObject, type ImcoFlavour } from '../../../lib/constructs';
import type { ObjectRef } from '../../../lib/spec/spec';
import type { RunningEmulator } from '../../../lib/emulator';
import { resetLookupCache } from '../../../lib/synth/lookups';
import { packageCopy, record, scratch, secretEnv, withEnv } from './run';


/** One IMCO object a stack declares. */
export interface Declared {
  readonly kind: string;
  readonly path: string;
  readonly owner?: string;
  readonly ref: ObjectRef;
}

export interface SynthesizedEstate {
  readonly outdir: string;
  /** Where terraform runs (cdk.tf.json). */
  readonly stackDir: string;
  readonly stackName: string;
  /** The stack's local Terraform state file (main.ts: `IMCO_STATE_DIR/terraform.<stack>.tfstate`). */
  readonly statePath: string;
  /** Environment for terraform (credentials, secrets by reference, context, markers). */
  readonly env: Record<string, string>;
  readonly declared: readonly Declared[];
  readonly flavour: ImcoFlavour;
}

/** CONCERTO_* variables for a running emulator (paths only). */
export function credentialEnv(emulator: Pick<RunningEmulator, 'endpoint' | 'caCert' | 'clientCert' | 'clientKey' | 'dir'>): Record<string, string> {
  return {
    CONCERTO_ENDPOINT: emulator.endpoint,
    CONCERTO_CA_CERT: emulator.caCert,
    CONCERTO_CLIENT_CERT: emulator.clientCert,
    CONCERTO_CLIENT_KEY: emulator.clientKey,
    // Never fall back to a developer's ~/.concerto/client.xml.
    CONCERTO_CONFIG: join(emulator.dir, 'no-such-client.xml'),
  };
}

/** The IMCO objects of every stack of `app`. */
export function declaredObjects(root: { node: { findAll(): unknown[] } }): Declared[] {
  return root.node
    .findAll()
    .filter(ImcoObject.isImcoObject)
    .map((o) => ({ kind: o.kind, path: o.objectPath, owner: o.ownerLabel, ref: o.ref }));
}

/**
 * Synthesizes ExampleEstate (stack `stackName`, flavour `flavour`) for `emulator` into a new
 * directory of `suite`. The synth runs the run's copy of `dist/main.js` in a child process (so its
 * handlers and provider are that copy's): its lookups call the emulator synchronously, which would
 * block an emulator running in this process. The declared objects come from building the same stack
 * again here, once the context file holds every lookup.
 */
export async function synthEstate(
  emulator: RunningEmulator,
  suite: string,
  stackName = 'estate',
  flavour: ImcoFlavour = 'terraform_data',
): Promise<SynthesizedEstate> {
  const outdir = scratch(suite, `${stackName}-out`);
  const env: Record<string, string> = {
    ...credentialEnv(emulator),
    ...secretEnv(),
    IMCO_CONTEXT_FILE: join(outdir, 'imco.context.json'),
    IMCO_STATE_DIR: outdir,
    IMCO_BRIDGE_MARKERS: join(outdir, 'markers'),
  };
  const synth = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'synth-estate.js')], {
      cwd: outdir,
      env: {
        ...process.env,
        ...env,
        CDKTF_OUTDIR: outdir,
        IMCO_STACK: stackName,
        IMCO_ESTATE_MAIN: join(packageCopy(), 'dist', 'main.js'),
        IMCO_ESTATE_FLAVOUR: flavour,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
  record(suite, 'synth.log', `$ synth ExampleEstate of dist/main.js (stack ${stackName}, flavour ${flavour}, into ${outdir}): exit ${String(synth.code)}\n${synth.out}`);
  if (synth.code !== 0) throw new Error(`synth of ${stackName} failed (exit ${String(synth.code)}):\n${synth.out.slice(-4000)}`);
  const declared = withEnv(env, () => {
    resetLookupCache();
    const app = new App({ outdir: join(outdir, 'declared'), skipValidation: true });
    return declaredObjects(new ExampleEstate(app, stackName, { flavour }));
  });
  return { outdir, stackDir: join(outdir, 'stacks', stackName), stackName, statePath: join(outdir, `terraform.${stackName}.tfstate`), env, declared, flavour };
}
