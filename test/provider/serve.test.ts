// The host as Terraform meets it: the bundled fake provider spawned with go-plugin's environment,
// called over its unix socket with mutual TLS like go-plugin's client (HTTP/2, gRPC framing).
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { connect, type ClientHttp2Session } from 'node:http2';
import { connect as tlsConnect } from 'node:tls';
import { MAGIC_COOKIE_VALUE } from '../../lib/provider/handshake';
import { decodeMessage, encodeMessage } from '../../lib/provider/protocol/descriptors';
import { frame, readFrames } from '../../lib/provider/protocol/grpc-server';
import { selfSignedCert } from '../../lib/provider/self-signed-cert';
import { buildFakeProvider } from './support/provider-bundle';

const client = selfSignedCert();
let bundle: string;

beforeAll(async () => {
  bundle = await buildFakeProvider();
});

interface Started {
  readonly child: ChildProcess;
  readonly line: string;
  readonly socket: string;
  readonly serverPem: string;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

function start(env: Record<string, string> = { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem }): Promise<Started> {
  const child = spawn(bundle, [], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      const line = out.split('\n')[0];
      const cert = line.split('|')[5];
      const der = Buffer.from(cert, 'base64');
      const serverPem = cert ? new X509Certificate(der).toString() : '';
      resolve({ child, line, socket: line.split('|')[3], serverPem, exited, stderr: () => err });
    });
    void exited.then((code) => reject(new Error(`provider exited ${String(code)} before its handshake: ${err}`)));
  });
}

function session(p: Started, withClientCert = true): ClientHttp2Session {
  return connect('https://localhost', {
    createConnection: () =>
      tlsConnect({
        path: p.socket,
        servername: 'localhost',
        ca: p.serverPem,
        ALPNProtocols: ['h2'],
        ...(withClientCert ? { cert: client.certPem, key: client.keyPem } : {}),
      }),
  });
}

interface GrpcAnswer {
  readonly status: string;
  readonly message: string;
  readonly messages: Uint8Array[];
}

function grpc(s: ClientHttp2Session, path: string, body: Uint8Array = new Uint8Array()): Promise<GrpcAnswer> {
  return new Promise((resolve, reject) => {
    const req = s.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers' });
    const chunks: Buffer[] = [];
    let status = '';
    let message = '';
    req.on('response', (h) => {
      if (h['grpc-status'] !== undefined) [status, message] = [String(h['grpc-status']), decodeURIComponent(String(h['grpc-message'] ?? ''))];
    });
    req.on('trailers', (h) => {
      [status, message] = [String(h['grpc-status']), decodeURIComponent(String(h['grpc-message'] ?? ''))];
    });
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve({ status, message, messages: readFrames(Buffer.concat(chunks), undefined) }));
    req.on('error', reject);
    req.end(frame(body));
  });
}

describe('terraform-provider-imco host process', () => {
  it('prints exactly one handshake line and serves GetProviderSchema over mutual TLS', async () => {
    const p = await start();
    try {
      expect(p.line).toMatch(/^1\|6\|unix\|\/[^|]+\|grpc\|[A-Za-z0-9+/]+$/);
      expect(new X509Certificate(p.serverPem).checkHost('localhost')).toBe('localhost');
      const s = session(p);
      const a = await grpc(s, '/tfplugin6.Provider/GetProviderSchema');
      expect(a.status).toBe('0');
      const schema = decodeMessage<{ resource_schemas: Record<string, unknown> }>('tfplugin6.GetProviderSchema.Response', a.messages[0]);
      expect(Object.keys(schema.resource_schemas)).toEqual(['imco_test']);
      s.close();
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('answers StreamStdio as an empty stream and an unknown method with UNIMPLEMENTED', async () => {
    const p = await start();
    try {
      const s = session(p);
      const stdio = await grpc(s, '/plugin.GRPCStdio/StreamStdio');
      expect([stdio.status, stdio.messages.length]).toEqual(['0', 0]);
      const other = await grpc(s, '/tfplugin6.Provider/GetResourceIdentitySchemas');
      expect(other.status).toBe('12');
      expect(other.message).toBe('method /tfplugin6.Provider/GetResourceIdentitySchemas is not implemented by this provider');
      s.close();
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('answers GRPCController/Shutdown, then exits 0 at once and removes its socket', async () => {
    const p = await start();
    const s = session(p);
    const a = await grpc(s, '/plugin.GRPCController/Shutdown', encodeMessage('plugin.Empty', {}));
    expect(a.status).toBe('0');
    // Terraform's wait for a provider that does not exit is checked by the e2e (no "plugin failed to exit gracefully").
    expect(await p.exited).toBe(0);
    expect(require('node:fs').existsSync(p.socket)).toBe(false); // eslint-disable-line @typescript-eslint/no-require-imports
    s.destroy();
  });

  it('ignores SIGINT (Terraform cancels with StopProvider) and exits once its client has gone', async () => {
    const p = await start();
    const s = session(p);
    expect((await grpc(s, '/tfplugin6.Provider/GetMetadata')).status).toBe('0');
    p.child.kill('SIGINT');
    expect((await grpc(s, '/tfplugin6.Provider/StopProvider', encodeMessage('tfplugin6.StopProvider.Request', {}))).status).toBe('0');
    s.destroy();
    expect(await p.exited).toBe(0);
  });

  it('refuses a client without the certificate Terraform announced', async () => {
    const p = await start();
    try {
      const s = session(p, false);
      s.on('error', () => undefined);
      await expect(grpc(s, '/tfplugin6.Provider/GetMetadata')).rejects.toThrow();
      s.destroy();
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('says it is a Terraform plugin when run by hand: one stderr line, nothing on stdout, exit 1', async () => {
    const child = spawn(bundle, [], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^terraform-provider-imco is a Terraform plugin, not a command/);
  });
});
