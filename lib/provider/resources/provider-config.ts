// The `provider "imco" { … }` block: optional endpoint and credential file paths (never key
// material); unset values are discovered exactly as `cio` does (CONCERTO_* variables,
// CONCERTO_CONFIG, ~/.concerto/client.xml). Configure checks the discovery without loading the client.
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

export const providerSchema: ResourceSchema = {
  version: 0,
  description: 'IMCO (Ingram Micro Cloud Orchestrator) API v2 over mutual TLS. Credentials are discovered like the cio CLI unless given here.',
  attributes: SETTINGS.map((s) => ({ name: s.attr, type: 'string' as const, optional: true, description: s.description })),
};

function settingsOf(config: TfObject): ProviderSettings {
  const out: Record<string, string> = {};
  for (const s of SETTINGS) {
    const v = config[s.attr];
    if (typeof v === 'string' && v !== '' && !isUnknown(v)) out[s.key] = v;
  }
  return out as ProviderSettings;
}

/** ConfigureProvider: keeps the settings and checks that endpoint and credentials can be found. */
export async function configureProvider(session: Session, config: TfObject, _ctx: CallContext): Promise<readonly Diagnostic[]> {
  const settings = settingsOf(config);
  session.configure(settings);
  if (SETTINGS.some((s) => isUnknown(config[s.attr]))) return [];
  try {
    discoverConfig({ ...settings });
    return [];
  } catch (err) {
    return [errorDiagnostic(err)];
  }
}
