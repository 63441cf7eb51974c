// Builds and synthesizes a CDKTF stack for end-to-end tests, wired to a running emulator's
// credentials (paths only), and runs terraform on it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { ImcoSettings, type ImcoFlavour, type ImcoSettingsProps } from '../../lib/constructs';
import type { EmulatorInfo } from '../../lib/emulator';
import { terraformOk, type TerraformResult } from './terraform';

export interface SynthOptions {
  readonly stackName?: string;
  readonly flavour?: ImcoFlavour;
  /** Reuse this output directory (so terraform state carries over between synths). */
  readonly outdir?: string;
  /** Further ImcoSettings props (e.g. `migrateFrom`). */
  readonly settings?: Omit<ImcoSettingsProps, 'flavour' | 'endpoint' | 'credentials'>;
}

export interface SynthesizedStack {
  readonly outdir: string;
  /** Directory with cdk.tf.json, where terraform runs. */
  readonly stackDir: string;
}

/** Synthesizes a stack whose objects `build` declares. */
export function synthStack(emulator: EmulatorInfo, build: (stack: TerraformStack) => void, opts: SynthOptions = {}): SynthesizedStack {
  const outdir = opts.outdir ?? mkdtempSync(join(tmpdir(), 'imco-e2e-'));
  const app = new App({ outdir, skipValidation: false });
  const name = opts.stackName ?? 'e2e';
  const stack = new TerraformStack(app, name);
  // Each test stack keeps its state beside its cdk.tf.json (cdktf's default is the working directory).
  new LocalBackend(stack, { path: join(outdir, 'stacks', name, 'terraform.tfstate') });
  new ImcoSettings(stack, 'imco', {
    ...opts.settings,
    flavour: opts.flavour ?? 'terraform_data',
    endpoint: emulator.endpoint,
    credentials: { caCertPath: emulator.caCert, clientCertPath: emulator.clientCert, clientKeyPath: emulator.clientKey },
  });
  build(stack);
  app.synth();
  return { outdir, stackDir: join(outdir, 'stacks', name) };
}

/** `terraform init` once, then `apply -auto-approve`. */
export async function apply(stack: SynthesizedStack, extraArgs: readonly string[] = []): Promise<TerraformResult> {
  await terraformOk(stack.stackDir, ['init', '-input=false', '-no-color']);
  return terraformOk(stack.stackDir, ['apply', '-auto-approve', '-input=false', '-no-color', ...extraArgs]);
}

export type BuildFn = (scope: Construct) => void;
