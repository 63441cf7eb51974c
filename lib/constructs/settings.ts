// ImcoSettings: the one-per-stack settings construct — encoding flavour (the native provider or a
// handler resource), endpoint and credential *locations* (paths, never key content), the imco-bridge
// command and per-kind timeouts — and the resolution of those settings (with defaults) that every
// IMCO object reads at construction.
import { join } from 'node:path';
import { TerraformStack } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { discoverEndpoint } from './endpoint';
import { absolutePath } from './files';
import { HANDLER_FLAVOURS, type HandlerFlavour } from './handler-resource';
import { shellQuote } from './escape';
import { packageRoot } from './package-info';
import { registryOf } from './registry';
import { ensureImcoProvider } from './provider/imco-provider';
import { ensureMigrationBlocks } from './provider/migration';

/**
 * How IMCO objects are encoded in Terraform (docs/architecture.md §2): `provider` = one `imco_<kind>` resource
 * of the native provider per object; `terraform_data` / `null_resource` = the provisioner bridge.
 */
export type ImcoFlavour = HandlerFlavour | 'provider';

export const FLAVOURS: readonly ImcoFlavour[] = ['provider', ...HANDLER_FLAVOURS];
import { STACK_INSTANCE_ENV } from '../spec/spec';
import { constructKinds } from '../catalog';
import { stackInstanceId } from '../synth/stack-identity';
import { listProblemsAtSynth } from './synth-problems';

/** Where the handlers find the IMCO credentials at apply time. Paths only — never key content. */
export interface ImcoCredentialPaths {
  /** PEM CA bundle that signs IMCO's server certificate → `CONCERTO_CA_CERT`. @default discovered by the handler like `cio` */
  readonly caCertPath?: string;
  /** PEM client (API) certificate → `CONCERTO_CLIENT_CERT`. @default discovered by the handler like `cio` */
  readonly clientCertPath?: string;
  /** PEM private key of the client certificate → `CONCERTO_CLIENT_KEY`. @default discovered by the handler like `cio` */
  readonly clientKeyPath?: string;
  /** A `client.xml` → `CONCERTO_CONFIG`. @default CONCERTO_CONFIG, else ~/.concerto/client.xml */
  readonly configPath?: string;
}

export interface ImcoSettingsProps {
  /**
   * How each IMCO object is encoded. `provider`: one `imco_<kind>` resource of the native provider
   * `imco/imco` (installed into the synthesized stack directory). `terraform_data` / `null_resource`:
   * the Terraform resource type that carries the imco-bridge provisioners (`terraform_data` is built
   * into Terraform ≥ 1.4; `null_resource` needs the hashicorp/null provider): the choice for runners
   * that may not install a provider.
   * @default 'provider'
   */
  readonly flavour?: ImcoFlavour;
  /**
   * With `flavour: 'provider'`: the flavour this stack was applied with until now. Its objects are
   * then taken over by the provider without being re-created (same IMCO ids): `moved` blocks from
   * each lifecycle resource to its `imco_<kind>` resource, and `removed` blocks (no destroy) for
   * the `_sync`, action, prune and sweep resources. Harmless once applied; remove it afterwards.
   * @default none: a stack of the provider flavour from the start
   */
  readonly migrateFrom?: HandlerFlavour;
  /**
   * IMCO API endpoint, e.g. `https://clients.example.com:886` (`/v2` appended when it has no path).
   * Also passed to the handlers as `CONCERTO_ENDPOINT`.
   * @default CONCERTO_ENDPOINT, else the `server` of the client.xml (as the `cio` CLI finds it)
   */
  readonly endpoint?: string;
  /**
   * Credential file locations passed to the handlers as CONCERTO_* variables (made absolute).
   * @default none: the handlers discover credentials like `cio` from their environment
   */
  readonly credentials?: ImcoCredentialPaths;
  /**
   * Shell command that runs imco-bridge; `create`, `update`, `delete` or `action` is appended.
   * The default hands each command to one bridge server per Terraform run (a few milliseconds per
   * provisioner instead of a Node start); `IMCO_BRIDGE_SERVER=0` in the environment of
   * `terraform apply` runs every command in a Node process of its own instead.
   * @default sh "<this package>/bin/imco-bridge.sh" (on Windows: node "<this package>/bin/imco-bridge.js")
   */
  readonly bridgeCommand?: string;
  /**
   * Seconds the handlers wait for objects of a kind to settle, by catalog kind (e.g. `{ server: 3600 }`).
   * @default the catalog's per-kind defaults
   */
  readonly timeouts?: Readonly<Record<string, number>>;
}

/** Settings as the IMCO objects of a stack use them (defaults applied). */
export interface ResolvedImcoSettings {
  readonly flavour: ImcoFlavour;
  /** Raw (unescaped) command line prefix. */
  readonly bridgeCommand: string;
  /** Raw (unescaped) credential environment for every provisioner. */
  readonly environment: Readonly<Record<string, string>>;
  readonly endpoint?: string;
  /** Why there is no endpoint (no endpoint anywhere, http://, not a URL). */
  readonly endpointProblem?: string;
  readonly timeouts: Readonly<Record<string, number>>;
  /** The stack instance id (imco.identity.json), part of every ownership label. */
  readonly instance?: string;
  /** Why there is no stack instance id (an unreadable or, under IMCO_CONTEXT=strict, missing file). */
  readonly instanceProblem?: string;
}

const CREDENTIAL_ENV: Record<keyof ImcoCredentialPaths, string> = {
  caCertPath: 'CONCERTO_CA_CERT',
  clientCertPath: 'CONCERTO_CLIENT_CERT',
  clientKeyPath: 'CONCERTO_CLIENT_KEY',
  configPath: 'CONCERTO_CONFIG',
};

/**
 * `sh "<absolute path of bin/imco-bridge.sh>"`: the client of the per-run bridge server
 * (lib/cli/bridge-server.ts), which falls back to the Node entry by itself; on Windows, where
 * provisioners run under cmd.exe, `node "<absolute path of bin/imco-bridge.js>"`.
 */
export function defaultBridgeCommand(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return `node ${shellQuote(join(packageRoot(), 'bin', 'imco-bridge.js'))}`;
  return `sh ${shellQuote(join(packageRoot(), 'bin', 'imco-bridge.sh'))}`;
}

function resolveProps(props: ImcoSettingsProps): ResolvedImcoSettings {
  const environment: Record<string, string> = {};
  const credentials = props.credentials ?? {};
  for (const key of Object.keys(CREDENTIAL_ENV) as (keyof ImcoCredentialPaths)[]) {
    const value = credentials[key];
    if (typeof value === 'string' && value.trim() !== '' && !looksLikePem(value)) environment[CREDENTIAL_ENV[key]] = absolutePath(value);
  }
  const discovery = discoverEndpoint({ explicit: props.endpoint, configPath: environment.CONCERTO_CONFIG });
  if (props.endpoint !== undefined && discovery.endpoint) environment.CONCERTO_ENDPOINT = discovery.endpoint;
  let instance: string | undefined;
  let instanceProblem: string | undefined;
  try {
    instance = stackInstanceId();
    // The handlers without a spec (delete, prune) read it here; a provisioner's environment is not
    // part of the resource, so it never causes a replacement.
    environment[STACK_INSTANCE_ENV] = instance;
  } catch (err) {
    instanceProblem = (err as Error).message;
  }
  return {
    instance,
    instanceProblem,
    flavour: props.flavour ?? 'provider',
    bridgeCommand: props.bridgeCommand ?? defaultBridgeCommand(),
    environment,
    endpoint: discovery.endpoint,
    endpointProblem: discovery.problem,
    timeouts: { ...(props.timeouts ?? {}) },
  };
}

function looksLikePem(value: string): boolean {
  return value.includes('-----BEGIN') || value.includes('\n');
}

/** Stack-level IMCO settings. Declare at most one per stack, before its first IMCO object. */
export class ImcoSettings extends Construct {
  /** The ImcoSettings of the stack that contains `scope`, if one was declared. */
  static of(scope: IConstruct): ImcoSettings | undefined {
    return registryOf(scope).settings[0] as ImcoSettings | undefined;
  }

  /** The settings the IMCO objects under `scope` use: the stack's ImcoSettings, else the defaults. */
  static resolve(scope: IConstruct): ResolvedImcoSettings {
    listProblemsAtSynth(scope);
    const explicit = ImcoSettings.of(scope);
    if (explicit) return explicit.resolved;
    const registry = registryOf(scope);
    if (!registry.defaults) {
      const defaults = resolveProps({});
      registry.defaults = defaults;
      // The default flavour needs the provider block (and its synth-time installation) too.
      if (defaults.flavour === 'provider') ensureImcoProvider(scope, defaults);
      // Reported once, on the stack, rather than on every object.
      TerraformStack.of(scope).node.addValidation({
        validate: () => [defaults.endpointProblem, defaults.instanceProblem].filter((p): p is string => !!p).map((p) => `IMCO settings: ${p}`),
      });
    }
    return registry.defaults as ResolvedImcoSettings;
  }

  readonly flavour: ImcoFlavour;
  /** The settings as resolved at declaration (endpoint discovered, paths made absolute). */
  readonly resolved: ResolvedImcoSettings;

  constructor(scope: Construct, id: string, props: ImcoSettingsProps = {}) {
    super(scope, id);
    const registry = registryOf(this);
    const problems: string[] = [];
    const earlier = registry.settings[0];
    if (earlier) problems.push(`only one ImcoSettings is allowed per stack, and '${earlier.node.path}' was declared first; merge the two`);
    if (!earlier && registry.objects.length > 0) {
      problems.push(
        `ImcoSettings must be declared before the first IMCO object of the stack ('${registry.objects[0].node.path}' was declared earlier and used the defaults); move it to the top of the stack`,
      );
    }
    registry.settings.push(this);
    if (props.flavour !== undefined && !FLAVOURS.includes(props.flavour)) {
      problems.push(`flavour '${String(props.flavour)}' is not supported; use 'provider', 'terraform_data' or 'null_resource'`);
    }
    for (const key of Object.keys(props.credentials ?? {}) as (keyof ImcoCredentialPaths)[]) {
      const value: unknown = props.credentials?.[key];
      if (!(key in CREDENTIAL_ENV)) {
        problems.push(`credentials.${key} is not a known credential path; use caCertPath, clientCertPath, clientKeyPath or configPath`);
      } else if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`credentials.${key} must be a non-empty file path`);
      } else if (looksLikePem(value)) {
        problems.push(`credentials.${key} looks like PEM content, not a path; key material must never be written into the stack — pass the file's path`);
      }
    }
    if (props.bridgeCommand !== undefined && (typeof props.bridgeCommand !== 'string' || props.bridgeCommand.trim() === '')) {
      problems.push('bridgeCommand must be a non-empty shell command');
    }
    const kinds = new Set(constructKinds().map((k) => k.kind));
    for (const [kind, seconds] of Object.entries(props.timeouts ?? {})) {
      if (!kinds.has(kind)) problems.push(`timeouts.${kind}: unknown kind; use one of ${[...kinds].join(', ')}`);
      else if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) {
        problems.push(`timeouts.${kind} must be a whole number of seconds ≥ 1, got ${JSON.stringify(seconds)}`);
      }
    }
    this.resolved = resolveProps(props);
    if (this.resolved.endpointProblem) problems.push(this.resolved.endpointProblem);
    if (this.resolved.instanceProblem) problems.push(this.resolved.instanceProblem);
    this.flavour = this.resolved.flavour;
    if (this.flavour === 'provider') ensureImcoProvider(this, this.resolved);
    if (props.migrateFrom !== undefined) {
      if (!HANDLER_FLAVOURS.includes(props.migrateFrom)) {
        problems.push(`migrateFrom '${String(props.migrateFrom)}' is not a flavour to migrate from; use 'terraform_data' or 'null_resource'`);
      } else if (this.flavour !== 'provider') {
        problems.push(`migrateFrom '${props.migrateFrom}' moves a stack to the provider flavour, but flavour is '${this.flavour}': set flavour: 'provider' (or leave it out)`);
      } else {
        ensureMigrationBlocks(this, props.migrateFrom);
      }
    }
    this.node.addValidation({ validate: () => problems.map((p) => `ImcoSettings: ${p}`) });
  }
}
