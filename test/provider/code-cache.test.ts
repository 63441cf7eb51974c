// The provider bundle's loader (scripts/provider-loader.js): V8's code cache of the bundle in a
// private per-user directory, written by the first start and reused by the next; a cache V8
// rejects is replaced; a directory others may write to is not used; IMCO_PROVIDER_CODE_CACHE=0.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFakeProvider } from './support/provider-bundle';

let bundle: string;
beforeAll(async () => {
  bundle = await buildFakeProvider();
});

/** Runs the bundle by hand (no magic cookie: one stderr line, exit 1) with this cache home. */
function runByHand(cacheHome: string, env: Record<string, string> = {}): { code: number | null; stderr: string } {
  const r = spawnSync(bundle, [], { env: { PATH: process.env.PATH ?? '', HOME: cacheHome, XDG_CACHE_HOME: cacheHome, ...env }, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

const cacheFiles = (home: string): string[] => {
  try {
    return readdirSync(join(home, 'imco-cdktf')).filter((f) => f.endsWith('.v8cache'));
  } catch {
    return [];
  }
};

describe('terraform-provider-imco code cache', () => {
  it('is written by the first start (0600 in a 0700 directory) and reused unchanged by the next', () => {
    const home = mkdtempSync(join(tmpdir(), 'imco-cc-'));
    const first = runByHand(home);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/is a Terraform plugin, not a command/);
    const [file] = cacheFiles(home);
    expect(file).toMatch(new RegExp(`^terraform-provider-imco-[0-9a-f]{20}-${process.version}-${process.arch}\\.v8cache$`));
    const path = join(home, 'imco-cdktf', file);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'imco-cdktf')).mode & 0o777).toBe(0o700);
    const written = readFileSync(path);
    expect(written.length).toBeGreaterThan(1000);
    const mtime = statSync(path).mtimeMs;
    expect(runByHand(home).code).toBe(1);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(cacheFiles(home)).toEqual([file]);
  });

  it('replaces a cache V8 rejects, and the start still works', () => {
    const home = mkdtempSync(join(tmpdir(), 'imco-cc-'));
    runByHand(home);
    const path = join(home, 'imco-cdktf', cacheFiles(home)[0]);
    writeFileSync(path, Buffer.alloc(4096, 7));
    const r = runByHand(home);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a Terraform plugin, not a command/);
    expect(readFileSync(path).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('does not use a directory that others may write to, nor any when IMCO_PROVIDER_CODE_CACHE=0', () => {
    const shared = mkdtempSync(join(tmpdir(), 'imco-cc-'));
    mkdirSync(join(shared, 'imco-cdktf'));
    chmodSync(join(shared, 'imco-cdktf'), 0o777);
    expect(runByHand(shared).code).toBe(1);
    expect(cacheFiles(shared)).toEqual([]);
    const off = mkdtempSync(join(tmpdir(), 'imco-cc-'));
    expect(runByHand(off, { IMCO_PROVIDER_CODE_CACHE: '0' }).code).toBe(1);
    expect(cacheFiles(off)).toEqual([]);
  });
});
