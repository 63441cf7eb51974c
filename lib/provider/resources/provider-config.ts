// The `provider "imco" { … }` block: optional endpoint and credential file paths (never key
// material); unset values are discovered exactly as `cio` does (CONCERTO_* variables,
// CONCERTO_CONFIG, ~/.concerto/client.xml). Configure checks the discovery without loading the client.
import { STACK_INSTANCE_ID } from '../../spec/identity';
import { discoverConfig } from '../../client/config';
import { type CallContext, type Diagnostic, type ResourceSchema, type TfObject, isUnknown } from '../resource-type';
import { errorDiagnostic } from './diagnostics';
import type { ProviderSettings, Session } from './session';

const SETTINGS: readonly { attr: string; key: keyof ProviderSettings; description: string }[] = [
  { attr: 'endpoint', key: 'endpoint', description: 'IMCO API endpoint, e.g. https://clients.example.com:886 (default: CONCERTO_ENDPOINT or client.xml).' },
  { attr: 'ca_cert_path', key: 'caCertPath', description: 'Path of the PEM CA bundle of the IMCO server (default: CONCERTO_CA_CERT or client.xml).' },
  { attr: 'client_cert_path', key: 'clientCertPath', description: 'Path of the PEM API client certificate (default: CONCERTO_CLIENT_CERT or client.xml).' },
  { attr: 'client_key_path', key: 'clientKeyPath', description: 'Path of the PEM private key of the client certificate (default: CONCERTO_CLIENT_KEY or client.xml).' },
  { attr: 'config_path', key: 'configPath', description: 'Path of a cio client.xml (default: CONCERTO_CONFIG, else ~/.concerto/client.xml).' },
];

/** The stack identity the ownership labels carry (not credentials: kept apart from discovery). */
const IDENTITY: readonly { attr: string; key: keyof ProviderSettings; description: string }[] = [
  { attr: 'stack', key: 'stack', description: "Stack name the ownership labels carry (CDKTF sets it; default 'terraform')." },
  {
    attr: 'stack_instance',
    key: 'stackInstance',
    description: "Stack instance id the ownership labels carry, 8-40 letters, digits, '_' or '-' (CDKTF sets it from imco.identity.json; default 'hand-written'). Give each repository its own.",
  },
];

export const providerSchema: ResourceSchema = {
  version: 0,
  description: 'IMCO (Ingram Micro Cloud Orchestrator) API v2 over mutual TLS. Credentials are discovered like the cio CLI unless given here.',
  attributes: [...SETTINGS, ...IDENTITY].map((s) => ({ name: s.attr, type: 'string' as const, optional: true, description: s.description })),
};

function settingsOf(config: TfObject, from = SETTINGS): ProviderSettings {
  const out: Record<string, string> = {};
  for (const s of from) {
    const v = config[s.attr];
    if (typeof v === 'string' && v !== '' && !isUnknown(v)) out[s.key] = v;
  }
  return out as ProviderSettings;
}

/** ConfigureProvider: keeps the settings and checks that endpoint and credentials can be found. */
export async function configureProvider(session: Session, config: TfObject, _ctx: CallContext): Promise<readonly Diagnostic[]> {
  const settings = settingsOf(config);
  const identity = settingsOf(config, IDENTITY);
  session.configure({ ...settings, ...identity });
  if (identity.stackInstance !== undefined && !STACK_INSTANCE_ID.test(identity.stackInstance)) {
    return [errorDiagnostic(new Error(`stack_instance '${identity.stackInstance}' must be 8-40 letters, digits, '_' or '-'`))];
  }
  if (SETTINGS.some((s) => isUnknown(config[s.attr]))) return [];
  try {
    discoverConfig({ ...settings });
    return [];
  } catch (err) {
    return [errorDiagnostic(err)];
  }
}
