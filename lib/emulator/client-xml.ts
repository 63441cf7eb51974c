// `DIR/client.xml` in the official cio CLI's format (API reference §1.2), pointing at the running
// emulator with the generated client certificate; rewritten on every start with the current port.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { CertificatePaths } from './certs';

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function clientXml(endpoint: string, certs: CertificatePaths, logFile: string): string {
  return [
    `<concerto version="1.0" server="${attribute(endpoint.replace(/\/?$/, '/'))}" log_file="${attribute(logFile)}" log_level="info">`,
    `  <ssl cert="${attribute(certs.clientCert)}" key="${attribute(certs.clientKey)}" server_ca="${attribute(certs.caCert)}"/>`,
    `</concerto>`,
    '',
  ].join('\n');
}

/** Writes client.xml atomically and returns its path. */
export async function writeClientXml(stateDir: string, endpoint: string, certs: CertificatePaths): Promise<string> {
  const path = join(stateDir, 'client.xml');
  const temp = `${path}.tmp-${process.pid}`;
  await fs.writeFile(temp, clientXml(endpoint, certs, join(stateDir, 'cio.log')), { mode: 0o644 });
  await fs.rename(temp, path);
  return path;
}
