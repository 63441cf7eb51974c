// Where imco-cdktf is installed and which version it is: the bridge command points into the package,
// and the provider flavour requires (and installs) the provider of exactly this version.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package root (the directory of imco-cdktf's package.json), from lib/ or dist/lib/. */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'imco-cdktf') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return join(__dirname, '..', '..');
    dir = parent;
  }
}

/** The package version (package.json `version`). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
