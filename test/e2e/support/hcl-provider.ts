// Hand-written HCL against the emulator, provider flavour: a running emulator, the provider laid
// out by `imco-bridge provider mirror` for `terraform init -plugin-dir`, and the `terraform` and
// `provider "imco"` blocks that point at both.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';

const ROOT = join(__dirname, '..', '..', '..');

/** The package version the mirror publishes the provider under. */
export const PROVIDER_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface HclProvider {
  readonly emulator: TestEmulator;
  /** The `-plugin-dir` of `terraform init`. */
  readonly mirror: string;
  /** The `terraform { required_providers }` and `provider "imco"` blocks. */
  header(): string;
}

export async function startHclProvider(): Promise<HclProvider> {
  const emulator = await startTestEmulator();
  const mirror = mkdtempSync(join(tmpdir(), 'imco-mirror-'));
  execFileSync(process.execPath, [join(ROOT, 'bin', 'imco-bridge.js'), 'provider', 'mirror', mirror], { stdio: 'pipe' });
  const header = () => `
terraform {
  required_providers {
    imco = { source = "imco/imco", version = "${PROVIDER_VERSION}" }
  }
}
provider "imco" {
  endpoint         = "${emulator.endpoint}"
  ca_cert_path     = "${emulator.caCert}"
  client_cert_path = "${emulator.clientCert}"
  client_key_path  = "${emulator.clientKey}"
}
`;
  return { emulator, mirror, header };
}
