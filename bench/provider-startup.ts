// terraform-provider-imco's start-up as Terraform sees it: spawn → the handshake line on stdout,
// with go-plugin's environment (magic cookie, protocol versions, a client certificate for AutoMTLS),
// each run paired with a bare `node -e 0` so that a busy machine shows in both; and a whole
// schema-only start as Terraform makes several per command (spawn, handshake, mutual-TLS HTTP/2
// connection, GetProviderSchema, GRPCController/Shutdown, exit). Used by the bench
// (`provider_start_ms`, `provider_schema_start_ms`) and by `scripts/measure-provider-startup.js`.
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { connect, type ClientHttp2Session } from 'node:http2';
import { connect as tlsConnect } from 'node:tls';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../lib/provider/handshake';
import { frame } from '../lib/provider/protocol/grpc-server';
import { selfSignedCert, type SelfSignedCert } from '../lib/provider/self-signed-cert';

export interface ProviderStartup {
  /** Spawn → first stdout bytes (the handshake line) of each provider run, ms. */
  readonly provider: number[];
  /** Spawn → exit of the bare `node -e 0` run paired with each provider run, ms. */
  readonly bare: number[];
  /** provider[i] − bare[i]: the provider's own share of each pair, ms. */
  readonly own: number[];
}

/** Spawns `command` and resolves with the ms until its first stdout bytes (then kills it), or until it exits. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv, untilStdout: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    let settled = false;
    if (untilStdout) {
      child.stdout.once('data', (d: Buffer) => {
        settled = true;
        const elapsed = ms();
        child.kill('SIGKILL');
        if (!/^1\|6\|unix\|/.test(d.toString())) reject(new Error(`${command} printed something other than a handshake line: ${d.toString().slice(0, 200)}`));
        else resolve(elapsed);
      });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (settled) return;
      if (untilStdout) reject(new Error(`${command} exited (${String(code ?? signal)}) before its handshake line: ${stderr.trim().slice(0, 400)}`));
      else if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${String(code ?? signal)}`));
      else resolve(ms());
    });
  });
}

function pluginEnv(client: SelfSignedCert, extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem, ...extra };
}

/** `runs` provider starts of `bundle`, each followed by a `node -e 0`. `env` is added to go-plugin's. */
export async function measureProviderStartup(bundle: string, runs: number, extraEnv: Readonly<Record<string, string>> = {}): Promise<ProviderStartup> {
  const client = selfSignedCert();
  const env = pluginEnv(client, extraEnv);
  const provider: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    provider.push(await timed(bundle, [], env, true));
    bare.push(await timed(process.execPath, ['-e', '0'], process.env, false));
  }
  return { provider, bare, own: provider.map((p, i) => p - bare[i]) };
}

export interface SchemaStart {
  /** Spawn → handshake line, ms. */
  readonly line: number;
  /** Spawn → the GetProviderSchema answer complete (gRPC status 0), ms. */
  readonly schema: number;
  /** Spawn → exit after GRPCController/Shutdown, ms. */
  readonly exit: number;
}

/** One unary gRPC call; resolves when its answer has ended with grpc-status 0. */
function call(session: ClientHttp2Session, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers' });
    let status: string | undefined;
    let bytes = 0;
    req.on('response', (h) => (status ??= h['grpc-status'] === undefined ? undefined : String(h['grpc-status'])));
    req.on('trailers', (h) => (status = String(h['grpc-status'])));
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => (status === '0' ? resolve() : reject(new Error(`${path} answered grpc-status ${String(status)} (${bytes} bytes)`))));
    req.on('error', reject);
    req.end(frame(new Uint8Array()));
  });
}

/** A schema-only start as Terraform makes it: handshake, connection, GetProviderSchema, Shutdown, exit. */
function schemaStart(bundle: string, client: SelfSignedCert, env: NodeJS.ProcessEnv): Promise<SchemaStart> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const child = spawn(bundle, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let line = 0;
    let schema = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && schema > 0 ? resolve({ line, schema, exit: ms() }) : reject(new Error(`provider exited ${String(code)}: ${stderr.trim().slice(0, 400)}`))));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (line || !out.includes('\n')) return;
      line = ms();
      const [, , , socket, , cert] = out.split('\n')[0].split('|');
      const session = connect('https://localhost', {
        createConnection: () =>
          tlsConnect({ path: socket, servername: 'localhost', ca: new X509Certificate(Buffer.from(cert, 'base64')).toString(), cert: client.certPem, key: client.keyPem, ALPNProtocols: ['h2'] }),
      });
      session.on('error', () => undefined); // the provider closes the connection when it exits
      call(session, '/tfplugin6.Provider/GetProviderSchema')
        .then(() => {
          schema = ms();
          return call(session, '/plugin.GRPCController/Shutdown');
        })
        .catch((err: unknown) => {
          child.kill('SIGKILL');
          reject(err instanceof Error ? err : new Error(String(err)));
        });
    });
  });
}

/** `runs` schema-only starts of `bundle`. */
export async function measureSchemaStarts(bundle: string, runs: number, extraEnv: Readonly<Record<string, string>> = {}): Promise<SchemaStart[]> {
  const client = selfSignedCert();
  const env = pluginEnv(client, extraEnv);
  const out: SchemaStart[] = [];
  for (let i = 0; i < runs; i++) out.push(await schemaStart(bundle, client, env));
  return out;
}
