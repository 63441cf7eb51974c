// Lays out a Terraform filesystem mirror of terraform-provider-imco (source address imco/imco):
// DIR/registry.terraform.io/imco/imco/<version>/<os>_<arch>/terraform-provider-imco_v<version>,
// the one-file bundle copied with its exec bit, so `terraform init -plugin-dir=DIR` (or an
// implied terraform.d/plugins mirror) installs it with no network. The file is the same for every
// platform folder, so the lock file's h1 hash is too: a stack laid out on a Mac inits on Linux.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PROVIDER_NAMESPACE = 'imco';
export const PROVIDER_TYPE = 'imco';
/** Platforms laid out besides the current one (Terraform runs on these with Node on PATH). */
const PLATFORMS = ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64'];

/** The package's root directory (holds package.json), from lib/ or dist/lib/. */
function packageRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'imco-cdktf') return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the imco-cdktf package directory');
  }
}

export function providerVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Terraform's name of this machine's platform, e.g. linux_amd64. */
export function currentPlatform(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const arch = ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch;
  return `${os}_${arch}`;
}

/** The bundled provider of this package (built by scripts/build.js). */
export function providerBundlePath(): string {
  return join(packageRoot(), 'dist', 'provider', 'terraform-provider-imco.js');
}

/** Lays out `dir` as a mirror holding `bundle` as version `version`. */
export function layoutMirrorFrom(bundle: string, dir: string, version: string): { providerFile: string; version: string } {
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} is missing: build the package first (npm run build)`);
  }
  const here = currentPlatform();
  let providerFile = '';
  for (const platform of new Set([...PLATFORMS, here])) {
    const folder = join(dir, 'registry.terraform.io', PROVIDER_NAMESPACE, PROVIDER_TYPE, version, platform);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `terraform-provider-${PROVIDER_TYPE}_v${version}`);
    copyFileSync(bundle, file);
    chmodSync(file, 0o755);
    if (platform === here) providerFile = file;
  }
  return { providerFile, version };
}

/** Lays out `dir` as a filesystem mirror of this package's provider (see the header). */
export function layoutMirror(dir: string): { providerFile: string; version: string } {
  return layoutMirrorFrom(providerBundlePath(), dir, providerVersion());
}
