// Synth-time endpoint discovery for the constructs layer: the endpoint recorded in every spec (the
// handler refuses to delete on another one). Mirrors the `cio` CLI: CONCERTO_ENDPOINT, else the
// `server` attribute of the client.xml at CONCERTO_CONFIG or ~/.concerto/client.xml. Reads no keys.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { serverOfClientXml } from '../core/client-xml';
import { readEndpoint } from '../core/endpoint';

/** Where the endpoint was found, for messages. */
export type EndpointOrigin = 'settings' | 'CONCERTO_ENDPOINT' | { readonly file: string };

/** The outcome of discovery: an endpoint, or a problem that says how to fix it. */
export type EndpointDiscovery =
  | { readonly endpoint: string; readonly origin: EndpointOrigin; readonly problem?: undefined }
  | { readonly endpoint?: undefined; readonly problem: string };

export interface EndpointDiscoveryOptions {
  /** Explicit endpoint (ImcoSettings `endpoint`); wins over everything else. */
  readonly explicit?: string;
  /** client.xml named in ImcoSettings `credentials.configPath`; wins over CONCERTO_CONFIG. */
  readonly configPath?: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** @default $HOME, else the OS home directory */
  readonly homeDir?: string;
}

const HOW_TO_SET =
  "set it with new ImcoSettings(stack, 'imco', { endpoint: 'https://clients.<domain>' }), " +
  'export CONCERTO_ENDPOINT, or put a server="…" attribute in the client.xml at CONCERTO_CONFIG or ~/.concerto/client.xml';

/**
 * Normalises an endpoint like `cio` (lib/core/endpoint.ts): trailing `/` stripped, `/v2` appended
 * when the URL has no path. Only `https://` is accepted. Returns the endpoint or a problem.
 */
export function normaliseEndpoint(raw: string, origin: string): { endpoint?: string; problem?: string } {
  const read = readEndpoint(raw);
  switch (read.fault) {
    case undefined:
      return { endpoint: read.endpoint };
    case 'not-url':
      return { problem: `IMCO endpoint '${read.given}' (from ${origin}) is not a URL; expected https://clients.<domain>[:port][/v2]` };
    case 'http':
      return {
        problem: `IMCO endpoint '${read.given}' (from ${origin}) uses plain http://; IMCO is only reachable over https:// with your client certificate — use ${read.httpsForm}`,
      };
    case 'scheme':
      return { problem: `IMCO endpoint '${read.given}' (from ${origin}) must start with https://` };
    default:
      return { problem: `IMCO endpoint (from ${origin}) must be a plain https:// URL without user, password, query or fragment` };
  }
}

export { serverOfClientXml };

/** Finds the endpoint a stack targets, the way `cio` does. Never throws. */
export function discoverEndpoint(options: EndpointDiscoveryOptions = {}): EndpointDiscovery {
  const env = options.env ?? process.env;
  const found = (raw: string, origin: EndpointOrigin, described: string): EndpointDiscovery => {
    const { endpoint, problem } = normaliseEndpoint(raw, described);
    return endpoint ? { endpoint, origin } : { problem: problem as string };
  };
  if (options.explicit !== undefined) return found(options.explicit, 'settings', 'ImcoSettings endpoint');
  const fromEnv = env.CONCERTO_ENDPOINT;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return found(fromEnv, 'CONCERTO_ENDPOINT', 'CONCERTO_ENDPOINT');
  const home = options.homeDir ?? (env.HOME && env.HOME.trim() !== '' ? env.HOME : homedir());
  const namedConfig = options.configPath ?? (env.CONCERTO_CONFIG && env.CONCERTO_CONFIG.trim() !== '' ? env.CONCERTO_CONFIG : undefined);
  const file = namedConfig ? resolve(namedConfig) : join(home, '.concerto', 'client.xml');
  let xml: string | undefined;
  try {
    xml = readFileSync(file, 'utf8');
  } catch {
    xml = undefined;
  }
  const server = xml === undefined ? undefined : serverOfClientXml(xml);
  if (server) return found(server, { file }, `${file}`);
  const looked = xml === undefined ? `${file} does not exist` : `${file} has no server attribute`;
  return { problem: `no IMCO endpoint configured (CONCERTO_ENDPOINT is unset and ${looked}): ${HOW_TO_SET}` };
}
