// go-plugin's side of the plugin handshake: the magic cookie that tells a Terraform start from a
// human running the file, the protocol version check, where the socket goes, and the one line
// `1|6|unix|<socket>|grpc|<base64 DER cert, no padding>` that must be the first and only stdout line.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
/** go-plugin's core protocol version and Terraform's plugin protocol version served. */
export const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

export type Env = Readonly<Record<string, string | undefined>>;

/** Why this process cannot serve as a plugin (one line), or undefined when Terraform started it. */
export function handshakeProblem(env: Env): string | undefined {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return (
      'terraform-provider-imco is a Terraform plugin, not a command: Terraform starts it. ' +
      'Declare provider imco/imco in a configuration and run terraform init / plan / apply there ' +
      '(npx imco-bridge provider mirror DIR, then terraform init -plugin-dir=DIR)'
    );
  }
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  if (offered && !offered.split(',').map((v) => v.trim()).includes(String(APP_PROTOCOL_VERSION))) {
    return `terraform-provider-imco speaks plugin protocol ${APP_PROTOCOL_VERSION} but this Terraform offers only ${offered}: use Terraform 1.11 or later`;
  }
  return undefined;
}

/** A fresh socket path in PLUGIN_UNIX_SOCKET_DIR, else the temp dir (go-plugin's own choice). */
export function socketPath(env: Env): string {
  return join(env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), `plugin${randomBytes(6).toString('hex')}`);
}

/** The handshake line (with its newline). No certificate = plain text (no PLUGIN_CLIENT_CERT given). */
export function handshakeLine(socket: string, certDer?: Uint8Array): string {
  const cert = certDer ? Buffer.from(certDer).toString('base64').replace(/=+$/, '') : '';
  return `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|unix|${socket}|grpc|${cert}\n`;
}
