// The provider's entry in a stack's .terraform.lock.hcl, written at synth: the h1 hash Terraform
// itself computes for the mirror (a real `terraform init -lockfile=readonly` accepts it and keeps
// the file as it is), other providers' entries kept, and nothing rewritten when nothing changed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE_NAME, lockProvider, providerLockBlock } from '../../lib/provider/lock-file';
import { layoutMirrorFrom } from '../../lib/provider/mirror';
import { terraform } from '../support/terraform';

jest.setTimeout(60_000);

function stackWithMirror(version = '1.2.3'): { dir: string; providerFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'imco-lock-'));
  const bundle = join(dir, 'bundle.js');
  writeFileSync(bundle, '#!/usr/bin/env node\n// test bundle\n');
  const { providerFile } = layoutMirrorFrom(bundle, join(dir, 'terraform.d', 'plugins'), version);
  writeFileSync(
    join(dir, 'main.tf.json'),
    JSON.stringify({ terraform: { required_providers: { imco: { source: 'imco/imco', version } } } }),
  );
  return { dir, providerFile };
}

describe('provider lock file', () => {
  it('records the hash terraform init computes: a read-only init installs from the mirror and changes nothing', async () => {
    const { dir, providerFile } = stackWithMirror();
    expect(lockProvider(dir, providerFile, '1.2.3')).toBe(true);
    const written = readFileSync(join(dir, LOCK_FILE_NAME), 'utf8');
    expect(written).toMatch(/provider "registry\.terraform\.io\/imco\/imco" \{\n {2}version {5}= "1\.2\.3"\n {2}constraints = "1\.2\.3"\n {2}hashes = \[\n {4}"h1:[A-Za-z0-9+/]{43}=",\n {2}\]\n\}\n$/);
    const init = await terraform(dir, ['init', '-input=false', '-no-color', '-lockfile=readonly']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(written);
  });

  it('a wrong hash is what a read-only init refuses (the check above can fail)', async () => {
    const { dir } = stackWithMirror();
    writeFileSync(join(dir, LOCK_FILE_NAME), providerLockBlock('1.2.3', 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='));
    const init = await terraform(dir, ['init', '-input=false', '-no-color', '-lockfile=readonly']);
    expect(init.code).not.toBe(0);
  });

  it("replaces only its own block, keeps other providers', and leaves an up-to-date file alone", () => {
    const { dir, providerFile } = stackWithMirror();
    const other = 'provider "registry.terraform.io/hashicorp/null" {\n  version = "3.2.4"\n  hashes = [\n    "h1:x",\n  ]\n}\n';
    writeFileSync(join(dir, LOCK_FILE_NAME), `# header\n\n${other}\n${providerLockBlock('0.0.1', 'h1:old')}`);
    expect(lockProvider(dir, providerFile, '1.2.3')).toBe(true);
    const text = readFileSync(join(dir, LOCK_FILE_NAME), 'utf8');
    expect(text).toContain(other);
    expect(text).not.toContain('h1:old');
    expect(text.match(/imco\/imco/g)).toHaveLength(1);
    expect(lockProvider(dir, providerFile, '1.2.3')).toBe(false);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(text);
  });
});
