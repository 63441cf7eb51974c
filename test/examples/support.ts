// Helpers for the example-stack tests. The seeded lookups give the values that the emulator's
// catalogue yields for every lookup of examples/ (its seeded ids are stable: seedId). synthExample
// synthesizes an example in a temp dir with a context file, returns its cdk.tf.json and validation
// errors, and restores the environment afterwards.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type TerraformStack } from 'cdktf';
import { seedId } from '../../lib/emulator/ids';
import { resetLookupCache } from '../../lib/synth/lookups';
import { renderContext } from '../../lib/synth/context-file';
import type { LookupValue } from '../../lib/synth/lookup-query';
import { validationErrors, withEnv, type Json } from '../constructs/helpers';

const AWS = seedId('cloud_provider:aws');

/** What `imco-bridge context fetch` records against a fresh emulator for the lookups of examples/. */
export function seededLookups(): Record<string, LookupValue> {
  const account = 'AWS-cloud_account-production';
  const debian = 'Debian 12 Bookworm x86_64';
  return {
    [`cloud_account:name=${account}`]: { id: seedId(`cloud_account:${account}`), name: account, cloud_provider_id: AWS },
    'realm:cloudProvider=AWS;name=EU (Ireland)': {
      id: seedId('realm:aws:eu-west-1'),
      name: 'EU (Ireland)',
      cloud_provider_id: AWS,
      provider_name: 'eu-west-1',
    },
    'server_plan:cloudProvider=AWS;location=Europe;name=t3.medium': {
      id: seedId('server_plan:aws:eu-west-1:t3.medium'),
      name: 't3.medium',
      cloud_provider_id: AWS,
      location_id: seedId('location:Europe'),
      memory: 4096,
      cpus: 2,
    },
    [`generic_image:name=${debian}`]: { id: seedId(`generic_image:${debian}`), name: debian },
  };
}

export interface ExampleSynth {
  readonly stack: TerraformStack;
  /** cdk.tf.json of the stack. */
  readonly json: Json;
  /** Raw text of cdk.tf.json (for "no secret in it" checks). */
  readonly text: string;
  /** `[construct path] message` for every validation error. */
  readonly errors: string[];
  /** The context file used (it may have been written by lookups). */
  readonly contextFile: string;
}

export interface SynthOptions {
  /** Entries of the context file written before synth; `undefined`: no file. */
  readonly lookups?: Record<string, LookupValue>;
  /** Extra environment for the synth (secrets, credentials, IMCO_CONTEXT). */
  readonly env?: Record<string, string | undefined>;
  readonly stackName?: string;
}

/** Endpoint recorded in the specs; strict-mode synths never contact it. */
export const TEST_ENDPOINT = 'https://127.0.0.1:9/v2';

/**
 * Synthesizes the stack `build` declares into a fresh outdir. When validation passes, the app is
 * synthesized for real (validation on) and cdk.tf.json is read back.
 */
export function synthExample(build: (app: App, id: string) => TerraformStack, opts: SynthOptions = {}): ExampleSynth {
  const dir = mkdtempSync(join(tmpdir(), 'imco-example-'));
  const contextFile = join(dir, 'imco.context.json');
  if (opts.lookups) writeFileSync(contextFile, renderContext(opts.lookups));
  const env = {
    IMCO_CONTEXT: 'strict',
    CONCERTO_ENDPOINT: TEST_ENDPOINT,
    CONCERTO_CONFIG: join(dir, 'no-client.xml'),
    IMCO_CONTEXT_FILE: contextFile,
    IMCO_DRIFT: undefined,
    ...opts.env,
  };
  return withEnv(env, () => {
    resetLookupCache();
    try {
      const app = new App({ outdir: join(dir, 'cdktf.out') });
      const name = opts.stackName ?? 'example';
      const stack = build(app, name);
      const errors = validationErrors(stack);
      let text = '';
      if (errors.length === 0) {
        app.synth();
        const file = join(dir, 'cdktf.out', 'stacks', name, 'cdk.tf.json');
        text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      }
      return { stack, json: text ? (JSON.parse(text) as Json) : {}, text, errors, contextFile };
    } finally {
      resetLookupCache();
    }
  });
}

/** The `terraform_data` resources of a synthesized stack, by name. */
export function dataResources(json: Json): Record<string, Json> {
  return (json.resource?.terraform_data ?? {}) as Record<string, Json>;
}
