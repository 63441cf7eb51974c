// The filesystem mirror layout Terraform installs from, and the `imco-bridge provider mirror` verb.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentPlatform, layoutMirrorFrom, providerBundlePath, providerVersion } from '../../lib/provider/mirror';

const root = join(__dirname, '..', '..');

describe('provider mirror', () => {
  it('lays out registry.terraform.io/imco/imco/<version>/<os>_<arch>/terraform-provider-imco_v<version>, executable, for every platform', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'imco-mirror-'));
    const bundle = join(tmp, 'bundle.js');
    writeFileSync(bundle, '#!/usr/bin/env node\n// test bundle\n');
    const { providerFile, version } = layoutMirrorFrom(bundle, join(tmp, 'm'), '1.2.3');
    expect(version).toBe('1.2.3');
    expect(providerFile).toBe(join(tmp, 'm', 'registry.terraform.io', 'imco', 'imco', '1.2.3', currentPlatform(), 'terraform-provider-imco_v1.2.3'));
    for (const platform of ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64', currentPlatform()]) {
      const f = join(tmp, 'm', 'registry.terraform.io', 'imco', 'imco', '1.2.3', platform, 'terraform-provider-imco_v1.2.3');
      expect(readFileSync(f, 'utf8')).toBe(readFileSync(bundle, 'utf8'));
      expect(statSync(f).mode & 0o111).toBe(0o111);
    }
  });

  it('says how to get the bundle when it is missing', () => {
    expect(() => layoutMirrorFrom('/nonexistent/terraform-provider-imco.js', mkdtempSync(join(tmpdir(), 'imco-mirror-')), '0.1.0')).toThrow(
      '/nonexistent/terraform-provider-imco.js is missing: build the package first (npm run build)',
    );
  });

  it("uses the package's version and its bundle in dist/provider", () => {
    expect(providerVersion()).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
    expect(providerBundlePath()).toBe(join(root, 'dist', 'provider', 'terraform-provider-imco.js'));
  });

  it('imco-bridge provider mirror without DIR prints its usage and exits 2', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'imco-bridge.js'), 'provider', 'mirror'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('imco-bridge: usage: imco-bridge provider mirror DIR\n');
  });
});
