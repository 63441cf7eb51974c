// The provider as a Terraform filesystem mirror: lays out DIR so that `terraform init -plugin-dir=DIR`
// (or the implied `terraform.d/plugins/` mirror beside a configuration) installs `imco/imco` with no
// registry and no network: DIR/registry.terraform.io/imco/imco/<version>/<os>_<arch>/
// terraform-provider-imco_v<version>, a copy of the one-file bundle built into dist/provider/.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Terraform's (Go's) names for Node's platforms and architectures. */
const GO_OS: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'darwin', win32: 'windows', freebsd: 'freebsd', openbsd: 'openbsd' };
const GO_ARCH: Partial<Record<string, string>> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };

/** The directory of imco-cdktf's package.json (from lib/provider or dist/lib/provider). */
function packageRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'imco-cdktf') return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the imco-cdktf package.json above ${__dirname}; reinstall imco-cdktf`);
  }
}

/** Writes the provider into the mirror `dir` (created if needed); returns the file and the version. */
export function layoutMirror(dir: string): { providerFile: string; version: string } {
  const root = packageRoot();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const bundle = join(root, 'dist', 'provider', 'terraform-provider-imco.js');
  if (!existsSync(bundle)) throw new Error(`the provider bundle ${bundle} does not exist; run 'npm run build' in ${root} first`);
  const os = GO_OS[process.platform];
  const arch = GO_ARCH[process.arch];
  if (!os || !arch) throw new Error(`Terraform has no provider platform for ${process.platform}/${process.arch}; run Terraform on linux, darwin or windows (amd64/arm64)`);
  const target = join(dir, 'registry.terraform.io', 'imco', 'imco', version, `${os}_${arch}`);
  mkdirSync(target, { recursive: true });
  const providerFile = join(target, `terraform-provider-imco_v${version}`);
  copyFileSync(bundle, providerFile);
  chmodSync(providerFile, 0o755);
  return { providerFile, version };
}
