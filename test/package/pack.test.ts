// The npm package: what `npm pack` ships (the library, its bins and the provider bundle; no test,
// bench or fixture file, and every file the shipped code requires), and a package.json that
// installs from a tarball without any build or install script.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The paths `npm pack` would put in the tarball (dist/ is built by the test set-up). */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

describe('npm pack', () => {
  const files = packedFiles();

  it('ships no test, bench or fixture file, and no source map of sources it does not ship', () => {
    const unwanted = files.filter((f) => /(^|\/)(test|tests|bench|fixtures?|__tests__)(\/|$)|\.test\.|\.map$|(^|\/)example(s)?\//.test(f));
    expect(unwanted).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('ships the library, its types, every bin, the provider bundle, README and LICENSE', () => {
    for (const f of ['dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/provider/terraform-provider-imco.js', 'README.md', 'LICENSE', 'package.json']) {
      expect(files).toContain(f);
    }
    for (const bin of Object.values(pkg.bin as Record<string, string>)) expect(files).toContain(bin);
    // bin/imco-bridge.js's provisioner shortcut, which the constructs point Terraform at.
    expect(files).toContain('bin/imco-bridge.sh');
  });

  it('ships every file its JavaScript requires by a relative path', () => {
    const shipped = new Set(files);
    const missing: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/require\((['"])(\.{1,2}\/[^'"]+)\1\)/g)) {
        const target = posix.normalize(posix.join(posix.dirname(file), m[2]));
        const candidates = [target, `${target}.js`, `${target}.json`, `${target}/index.js`];
        if (!candidates.some((c) => shipped.has(c))) missing.push(`${file} → ${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('package.json', () => {
  it('is publishable, with cdktf and constructs as peer dependencies (one copy in the app)', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toBe('imco-cdktf');
    expect(pkg.peerDependencies).toEqual({ cdktf: expect.any(String), constructs: expect.any(String) });
    expect(pkg.dependencies.cdktf).toBeUndefined();
    expect(pkg.dependencies.constructs).toBeUndefined();
  });

  it('builds before packing and runs no script when installed', () => {
    expect(pkg.scripts.prepack).toMatch(/scripts\/build\.js/);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook]).toBeUndefined();
    // A clone has no prepare step: npm start builds what it runs.
    expect(pkg.scripts.start).toMatch(/scripts\/build\.js.*&&/);
    // npx runs a bin of the project's own package.json from npm's npx cache, whatever node_modules/.bin
    // holds (npm's libnpmexec); in a checkout the emulator is `npm run emulator -- …`, built first.
    expect(pkg.scripts.emulator).toBe('node scripts/build.js && node bin/imco-emulator.js');
  });
});
