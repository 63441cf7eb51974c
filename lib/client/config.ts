// Configuration discovery, as the official `cio` CLI does it (API reference §1.2): explicit options,
// then CONCERTO_ENDPOINT / CONCERTO_CA_CERT / CONCERTO_CLIENT_CERT / CONCERTO_CLIENT_KEY, then the
// `client.xml` named by CONCERTO_CONFIG or found at ~/.concerto/client.xml; endpoint normalisation;
// and a record of where each value came from. Paths only: no certificate or key is read here.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readClientXml, type ClientXmlValues } from '../core/client-xml';
import { readEndpoint } from '../core/endpoint';
import { ImcoError } from './errors';

export type { ClientXmlValues } from '../core/client-xml';

/** Environment variables `cio` reads, by the value they set. */
export const CONCERTO_ENV = {
  endpoint: 'CONCERTO_ENDPOINT',
  caCert: 'CONCERTO_CA_CERT',
  clientCert: 'CONCERTO_CLIENT_CERT',
  clientKey: 'CONCERTO_CLIENT_KEY',
  config: 'CONCERTO_CONFIG',
} as const;

/** `client.xml` attribute holding each value (`server` on the root, the rest on `<ssl>`). */
const XML_ATTRIBUTE = {
  endpoint: 'server',
  caCert: 'ssl/@server_ca',
  clientCert: 'ssl/@cert',
  clientKey: 'ssl/@key',
} as const;

/** Option names that set each value explicitly (path form, then PEM-content form). */
const OPTION_NAME = {
  endpoint: ['endpoint'],
  caCert: ['caCertPath', 'caCert'],
  clientCert: ['clientCertPath', 'clientCert'],
  clientKey: ['clientKeyPath', 'clientKey'],
} as const;

export type ConfigValueName = 'endpoint' | 'caCert' | 'clientCert' | 'clientKey';

const VALUE_TITLE: Record<ConfigValueName, string> = {
  endpoint: 'endpoint',
  caCert: 'CA certificate',
  clientCert: 'client certificate',
  clientKey: 'client key',
};

/** Where a configuration value came from. */
export type ConfigSource =
  | { readonly from: 'option'; readonly option: string }
  | { readonly from: 'env'; readonly variable: string }
  | { readonly from: 'file'; readonly file: string; readonly attribute: string };

/** Human form of a source, e.g. `CONCERTO_CLIENT_KEY` or `/home/me/.concerto/client.xml (ssl/@key)`. */
export function describeSource(source: ConfigSource): string {
  switch (source.from) {
    case 'option':
      return `option ${source.option}`;
    case 'env':
      return source.variable;
    case 'file':
      return `${source.file} (${source.attribute})`;
  }
}

/** Explicit endpoint and credentials; each overrides the environment and the config file. */
export interface ImcoCredentialOptions {
  /** API endpoint, e.g. `https://clients.example.com:886` (`/v2` appended when no path). */
  readonly endpoint?: string;
  /** Path of the PEM CA bundle that signs IMCO's server certificate. */
  readonly caCertPath?: string;
  /** Path of the PEM client (API) certificate. */
  readonly clientCertPath?: string;
  /** Path of the PEM private key of the client certificate (mode 0600). */
  readonly clientKeyPath?: string;
  /** PEM contents instead of a path. */
  readonly caCert?: string;
  readonly clientCert?: string;
  readonly clientKey?: string;
}

/** Where to look for configuration, for `ImcoClient.fromEnvironment`. */
export interface ImcoDiscoveryOptions extends ImcoCredentialOptions {
  /** Path of a `client.xml`; overrides CONCERTO_CONFIG. */
  readonly configPath?: string;
  /** Environment to read (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Home directory for `~/.concerto/client.xml` (default `$HOME` of `env`, else `os.homedir()`). */
  readonly homeDir?: string;
  /** Directory relative paths (in CONCERTO_* variables and options) start at (default `process.cwd()`). */
  readonly cwd?: string;
}

/** The config file that was consulted. */
export interface ConfigFileInfo {
  readonly path: string;
  readonly source: ConfigSource | { readonly from: 'default' };
  readonly found: boolean;
}

/** A credential reference: a path, or PEM contents given as an option. Never serialised with contents. */
export interface CredentialReference {
  /** Absolute path, when the value is a file. */
  readonly path?: string;
  readonly source: ConfigSource;
}

/** The resolved configuration: endpoint and paths (never key content) and where each came from. */
export interface ImcoResolvedConfig {
  /** Normalised endpoint, e.g. `https://clients.example.com:886/v2`. */
  readonly endpoint: string;
  readonly endpointSource: ConfigSource;
  readonly caCert: CredentialReference;
  readonly clientCert: CredentialReference;
  readonly clientKey: CredentialReference;
  /** The `client.xml` consulted, if any. */
  readonly configFile?: ConfigFileInfo;
  /** Non-fatal remarks (e.g. an endpoint path other than /v2 or /v3). */
  readonly warnings: readonly string[];
}

/** PEM contents given as options, kept apart from the printable configuration. */
export interface InlinePem {
  readonly caCert?: string;
  readonly clientCert?: string;
  readonly clientKey?: string;
}

// ------------------------------------------------------------------ endpoint

/**
 * Normalises an endpoint like `cio` (lib/core/endpoint.ts): trailing `/` stripped, `/v2` appended
 * when the URL has no path; `/v2` and `/v3` are accepted silently, another path with a warning.
 * Only `https://` is accepted.
 */
export function normaliseEndpoint(raw: string, source?: ConfigSource): { endpoint: string; warnings: string[] } {
  const where = source ? ` (from ${describeSource(source)})` : '';
  const read = readEndpoint(raw);
  if (read.fault !== undefined) throw new ImcoError(endpointFault(read.fault, read.given, where, read.httpsForm), { code: 'config' });
  const { endpoint, pathname } = read;
  const warnings: string[] = [];
  if (pathname !== '' && pathname !== '/v2' && pathname !== '/v3') {
    warnings.push(`IMCO endpoint path ${pathname} is neither /v2 nor /v3; using it as given`);
  }
  return { endpoint, warnings };
}

function endpointFault(fault: 'not-url' | 'http' | 'scheme' | 'query' | 'credentials', given: string, where: string, httpsForm?: string): string {
  switch (fault) {
    case 'not-url':
      return `IMCO endpoint '${given}'${where} is not a URL; expected https://clients.<domain>[:port][/v2]`;
    case 'http':
      return `IMCO endpoint ${given}${where} uses plain http://; the IMCO API is only reachable over https:// with your client certificate — use ${httpsForm}`;
    case 'scheme':
      return `IMCO endpoint ${given}${where} must start with https://`;
    case 'query':
      return `IMCO endpoint ${given}${where} must not carry a query or fragment`;
    case 'credentials':
      return `IMCO endpoint${where} must not carry a user name or password; IMCO authenticates with the client certificate`;
  }
}

// ------------------------------------------------------------------ client.xml

/**
 * Parses the `client.xml` format `cio` reads (lib/core/client-xml.ts). Throws (naming the file)
 * when the root is not `concerto`.
 */
export function parseClientXml(xml: string, file = 'client.xml'): ClientXmlValues {
  const values = readClientXml(xml);
  if (!values) {
    throw new ImcoError(`IMCO configuration file ${file} does not have valid XML format: the root element must be <concerto>`, {
      code: 'config',
    });
  }
  return values;
}

// ------------------------------------------------------------------ discovery

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function fileErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOENT') return 'no such file';
  return code ?? 'unreadable';
}

/** Resolved configuration plus PEM contents given inline (kept out of the printable part). */
export interface DiscoveredConfig {
  readonly config: ImcoResolvedConfig;
  readonly inline: InlinePem;
}

/**
 * Resolves endpoint and credential locations with `cio`'s precedence: explicit options, then
 * CONCERTO_* variables, then `client.xml` (CONCERTO_CONFIG / `configPath`, else
 * `<home>/.concerto/client.xml`). Throws a `config` ImcoError naming every missing value and where
 * it was looked for.
 */
export function discoverConfig(options: ImcoDiscoveryOptions = {}): DiscoveredConfig {
  return resolveConfig(options, false);
}

/**
 * Resolves explicit options only (no environment, no file): what `new ImcoClient(options)` uses.
 * Throws a `config` ImcoError naming the missing options.
 */
export function explicitConfig(options: ImcoCredentialOptions): DiscoveredConfig {
  return resolveConfig(options, true);
}

/** Which client.xml applies (option, CONCERTO_CONFIG, else the per-user default) and its values, if it exists. */
function readConfigFile(
  options: ImcoDiscoveryOptions,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  cwd: string,
  explicitOnly: boolean,
): { configFile: ConfigFileInfo; xml: ClientXmlValues } {
  // Which config file: option, CONCERTO_CONFIG, else the per-user default.
  let configFile: ConfigFileInfo;
  if (options.configPath) {
    configFile = { path: path.resolve(cwd, options.configPath), source: { from: 'option', option: 'configPath' }, found: false };
  } else if (nonEmpty(env[CONCERTO_ENV.config])) {
    configFile = {
      path: path.resolve(cwd, env[CONCERTO_ENV.config] as string),
      source: { from: 'env', variable: CONCERTO_ENV.config },
      found: false,
    };
  } else {
    configFile = { path: path.join(home, '.concerto', 'client.xml'), source: { from: 'default' }, found: false };
  }

  let xml: ClientXmlValues = {};
  let xmlText: string | undefined;
  try {
    if (!explicitOnly) xmlText = fs.readFileSync(configFile.path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      throw new ImcoError(
        `cannot read IMCO configuration file ${configFile.path}: ${fileErrorReason(err)}; fix its permissions or point CONCERTO_CONFIG elsewhere`,
        { code: 'config' },
      );
    }
  }
  if (xmlText !== undefined) {
    configFile = { ...configFile, found: true };
    xml = parseClientXml(xmlText, configFile.path);
  }
  return { configFile, xml };
}

/** The error naming every missing value and where it was looked for. */
function incompleteConfigError(missing: readonly ConfigValueName[], configFile: ConfigFileInfo): ImcoError {
  const fileNote = configFile.found
    ? `${configFile.path} (found, without ${missing.map((m) => XML_ATTRIBUTE[m]).join(', ')})`
    : `${configFile.path} (not found${configFile.source.from === 'env' ? `, named by ${CONCERTO_ENV.config}` : ''})`;
  return new ImcoError(
    `IMCO configuration incomplete: no ${missing.map((m) => VALUE_TITLE[m]).join(', no ')}. ` +
      `Looked in explicit options, the environment (${missing.map((m) => CONCERTO_ENV[m]).join(', ')}) and ${fileNote}. ` +
      `Set ${missing.map((m) => CONCERTO_ENV[m]).join(' and ')}, or point CONCERTO_CONFIG at the client.xml of your IMCO API key.`,
    { code: 'config' },
  );
}

function resolveConfig(options: ImcoDiscoveryOptions, explicitOnly: boolean): DiscoveredConfig {
  const env = explicitOnly ? {} : options.env ?? process.env;
  const home = options.homeDir ?? nonEmpty(env.HOME) ?? os.homedir();
  const cwd = (options as ImcoDiscoveryOptions).cwd ?? process.cwd();

  const { configFile, xml } = readConfigFile(options, env, home, cwd, explicitOnly);

  const fileSource = (attribute: string): ConfigSource => ({ from: 'file', file: configFile.path, attribute });
  const pick = (
    name: ConfigValueName,
    optionValues: readonly (string | undefined)[],
    xmlValue: string | undefined,
  ): { value?: string; source?: ConfigSource; inline?: boolean } => {
    const optionNames = OPTION_NAME[name];
    for (let i = 0; i < optionNames.length; i++) {
      const v = nonEmpty(optionValues[i]);
      if (v !== undefined) return { value: v, source: { from: 'option', option: optionNames[i] }, inline: i === 1 };
    }
    const fromEnv = nonEmpty(env[CONCERTO_ENV[name]]);
    if (fromEnv !== undefined) return { value: fromEnv, source: { from: 'env', variable: CONCERTO_ENV[name] } };
    if (xmlValue !== undefined) return { value: xmlValue, source: fileSource(XML_ATTRIBUTE[name]) };
    return {};
  };

  const picked = {
    endpoint: pick('endpoint', [options.endpoint], xml.server),
    caCert: pick('caCert', [options.caCertPath, options.caCert], xml.serverCa),
    clientCert: pick('clientCert', [options.clientCertPath, options.clientCert], xml.cert),
    clientKey: pick('clientKey', [options.clientKeyPath, options.clientKey], xml.key),
  };

  const missing = (Object.keys(picked) as ConfigValueName[]).filter((k) => picked[k].value === undefined);
  if (missing.length > 0 && explicitOnly) {
    throw new ImcoError(
      `IMCO client options incomplete: missing ${missing.map((m) => OPTION_NAME[m].join(' or ')).join(', ')}; ` +
        `pass them, or use ImcoClient.fromEnvironment() to find them like the cio CLI (CONCERTO_* variables, client.xml)`,
      { code: 'config' },
    );
  }
  if (missing.length > 0) throw incompleteConfigError(missing, configFile);

  const { endpoint, warnings } = normaliseEndpoint(picked.endpoint.value as string, picked.endpoint.source);
  const reference = (name: 'caCert' | 'clientCert' | 'clientKey'): CredentialReference => {
    const p = picked[name];
    return p.inline ? { source: p.source as ConfigSource } : { path: path.resolve(cwd, p.value as string), source: p.source as ConfigSource };
  };
  const inline: InlinePem = {
    caCert: picked.caCert.inline ? picked.caCert.value : undefined,
    clientCert: picked.clientCert.inline ? picked.clientCert.value : undefined,
    clientKey: picked.clientKey.inline ? picked.clientKey.value : undefined,
  };
  return {
    config: {
      endpoint,
      endpointSource: picked.endpoint.source as ConfigSource,
      caCert: reference('caCert'),
      clientCert: reference('clientCert'),
      clientKey: reference('clientKey'),
      configFile: explicitOnly ? undefined : configFile,
      warnings,
    },
    inline,
  };
}

/** Lines describing a resolved configuration, for `--verbose`: values and their sources, no key content. */
export function describeConfig(config: ImcoResolvedConfig): string[] {
  const ref = (title: string, r: CredentialReference): string =>
    `${title}: ${r.path ?? '(PEM given inline)'} — from ${describeSource(r.source)}`;
  const lines = [
    `endpoint: ${config.endpoint} — from ${describeSource(config.endpointSource)}`,
    ref('CA certificate', config.caCert),
    ref('client certificate', config.clientCert),
    ref('client key', config.clientKey),
  ];
  if (config.configFile) lines.push(`config file: ${config.configFile.path} (${config.configFile.found ? 'found' : 'not found'})`);
  return [...lines, ...config.warnings.map((w) => `warning: ${w}`)];
}
