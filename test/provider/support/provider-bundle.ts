// Builds the fake provider (the real host + fake-definition) into one executable file and lays out
// a filesystem mirror of it, as `imco-bridge provider mirror` does for the real one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layoutMirrorFrom } from '../../../lib/provider/mirror';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleProvider } = require('../../../scripts/provider-build') as { bundleProvider(entry: string, outfile: string): Promise<void> };

export async function buildFakeProvider(dir = mkdtempSync(join(tmpdir(), 'imco-fake-provider-'))): Promise<string> {
  const file = join(dir, 'terraform-provider-imco.js');
  await bundleProvider(join(__dirname, 'fake-provider-main.ts'), file);
  return file;
}

export async function fakeMirror(dir: string, version = '0.1.0'): Promise<{ providerFile: string; mirror: string }> {
  const bundle = await buildFakeProvider();
  const mirror = join(dir, 'mirror');
  const { providerFile } = layoutMirrorFrom(bundle, mirror, version);
  return { providerFile, mirror };
}
