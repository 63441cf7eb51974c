// The provider's entry in a stack's dependency lock file (`.terraform.lock.hcl`): version,
// constraint and the h1 hash of its package directory (Go's dirhash Hash1, as `terraform init`
// records it for a filesystem mirror). Written at synth beside the mirror, so that tools which run
// `terraform providers lock` against the registry when the lock lacks a provider (cdktf-cli's
// deploy/diff) find it locked already, and imco/imco — on no registry — never needs a download.
// Entries of other providers in the file are kept as they are.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROVIDER_NAMESPACE, PROVIDER_TYPE } from './mirror';

export const LOCK_FILE_NAME = '.terraform.lock.hcl';
const ADDRESS = `registry.terraform.io/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;
const HEADER = '# This file is maintained automatically by "terraform init".\n# Manual edits may be lost in future updates.\n';

/** `h1:` hash of a provider package directory: sha256 over "<sha256 hex>  <name>\n" of its files, sorted. */
export function packageHashV1(dir: string): string {
  const outer = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    outer.update(`${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}  ${name}\n`);
  }
  return `h1:${outer.digest('base64')}`;
}

/** The lock file's block for the provider at `version` with `hash`. */
export function providerLockBlock(version: string, hash: string): string {
  return `provider "${ADDRESS}" {\n  version     = "${version}"\n  constraints = "${version}"\n  hashes = [\n    "${hash}",\n  ]\n}\n`;
}

/**
 * Records the provider laid out at `providerFile` (a mirror's platform folder) in `stackDir`'s lock
 * file: its block replaced (or added), every other block kept. Returns whether the file changed.
 */
export function lockProvider(stackDir: string, providerFile: string, version: string): boolean {
  const file = join(stackDir, LOCK_FILE_NAME);
  const block = providerLockBlock(version, packageHashV1(dirname(providerFile)));
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const ours = new RegExp(`provider "${ADDRESS.replace(/[./]/g, '\\$&')}" \\{[\\s\\S]*?\\n\\}\\n?`);
  const others = before.replace(ours, '').replace(/\n{3,}/g, '\n\n').trim();
  const after = others ? `${others}\n\n${block}` : `${HEADER}\n${block}`;
  if (after === before) return false;
  writeFileSync(file, after);
  return true;
}
