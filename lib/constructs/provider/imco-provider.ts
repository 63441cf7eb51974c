// The native provider in a stack (provider flavour): `terraform { required_providers { imco = {
// source = "imco/imco", version = "<package version>" } } }`, the `provider "imco"` block (endpoint
// and credential file *paths* only, never key material), and — when the stack is synthesized — the
// provider laid out as the implied filesystem mirror `terraform.d/plugins/` beside `cdk.tf.json`, so
// that `terraform init` in the stack directory needs no flags and no network.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, TerraformProvider, TerraformStack, type ISynthesisSession } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import type { Construct, IConstruct } from 'constructs';
import { lockProvider } from '../../provider/lock-file';
import { layoutMirror } from '../../provider/mirror';
import { driftPlanMode } from '../../synth/drift-fingerprints';
import { escapeTemplate } from '../escape';
import { packageVersion } from '../package-info';
import type { ResolvedImcoSettings } from '../settings';

/** Source address and local name of the provider (provider conventions). */
export const PROVIDER_SOURCE = 'imco/imco';
export const PROVIDER_NAME = 'imco';
/** Where the implied local mirror lives, relative to the stack directory. */
export const PLUGINS_DIR = join('terraform.d', 'plugins');

/** The CONCERTO_* locations ImcoSettings resolved → the provider block's attributes. */
const PROVIDER_ATTRIBUTES: Readonly<Record<string, string>> = {
  CONCERTO_ENDPOINT: 'endpoint',
  CONCERTO_CA_CERT: 'ca_cert_path',
  CONCERTO_CLIENT_CERT: 'client_cert_path',
  CONCERTO_CLIENT_KEY: 'client_key_path',
  CONCERTO_CONFIG: 'config_path',
};

/** `provider "imco" { … }` with only the settings the user gave (the provider discovers the rest like `cio`). */
class ImcoProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, private readonly config: Readonly<Record<string, string>>) {
    super(scope, id, {
      terraformResourceType: PROVIDER_NAME,
      terraformGeneratorMetadata: { providerName: PROVIDER_NAME, providerVersion: packageVersion() },
      terraformProviderSource: PROVIDER_SOURCE,
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { ...this.config };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(this.config).map(([name, value]) => [name, { value, isBlock: false, type: 'simple', storageClassType: 'string' }]),
    );
  }
}

/**
 * Puts the provider into `<stackDir>/terraform.d/plugins/` (our own earlier versions removed first)
 * and records it in the stack's `.terraform.lock.hcl` (so cdktf-cli never asks a registry for it).
 */
export function installStackPlugins(stackDir: string): { providerFile: string; version: string } {
  const plugins = join(stackDir, PLUGINS_DIR);
  rmSync(join(plugins, 'registry.terraform.io', 'imco', 'imco'), { recursive: true, force: true });
  const installed = layoutMirror(plugins);
  lockProvider(stackDir, installed.providerFile, installed.version);
  return installed;
}

const providers = new WeakMap<TerraformStack, ImcoProvider>();

/** Adds the provider block (once per stack) and the synth-time installation of the provider. */
export function ensureImcoProvider(scope: IConstruct, settings: ResolvedImcoSettings): void {
  const stack = TerraformStack.of(scope);
  if (providers.has(stack)) return;
  const config: Record<string, string> = {};
  for (const [variable, attribute] of Object.entries(PROVIDER_ATTRIBUTES)) {
    const value = settings.environment[variable];
    if (value !== undefined) config[attribute] = escapeTemplate(value);
  }
  // The stack instance the ownership labels carry (the same labels the provisioner flavours make).
  config.stack = escapeTemplate(stack.node.id);
  if (settings.instance) config.stack_instance = settings.instance;
  const provider = new ImcoProvider(stack, 'imco-provider', config);
  // The same hook cdktf's TerraformAsset uses: called at synth with the output directory.
  addCustomSynthesis(provider, {
    onSynthesize: (session: ISynthesisSession) => {
      installStackPlugins(join(session.outdir, session.manifest.forStack(stack).workingDirectory));
    },
  });
  providers.set(stack, provider);
  if (driftPlanMode()) {
    Annotations.of(stack).addWarning(
      'IMCO_DRIFT=plan has no effect with the provider flavour: every terraform plan reads the live objects and shows drift itself; unset IMCO_DRIFT',
    );
  }
}
