// `imco-bridge init`: scaffolds the starter estate into a new directory, refuses one with files in
// it (naming --force), and takes the imco-cdktf dependency spec.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../lib/cli/bridge';

function captured(): { out: string[]; err: string[]; restore: () => void } {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err, restore: () => (o.mockRestore(), e.mockRestore()) };
}

async function init(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captured();
  try {
    const code = await main(['init', ...argv]);
    return { code, out: io.out.join(''), err: io.err.join('') };
  } finally {
    io.restore();
  }
}

describe('imco-bridge init', () => {
  it('writes the starter estate (one VPC, one firewall profile) and says what to run next', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'init-')), 'Shop Estate');
    const r = await init(dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/npm install\n\s*npx cdktf deploy/);
    const mainTs = readFileSync(join(dir, 'main.ts'), 'utf8');
    expect(mainTs).toContain("from 'imco-cdktf'");
    expect(mainTs.match(/new Vpc\(/g)).toHaveLength(1);
    expect(mainTs.match(/new FirewallProfile\(/g)).toHaveLength(1);
    expect(mainTs).toContain("new Estate(app, 'shop-estate')");
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('npm install\nnpx cdktf deploy');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies['imco-cdktf']).toMatch(/^\^/);
    for (const f of ['cdktf.json', 'tsconfig.json', '.gitignore']) expect(existsSync(join(dir, f))).toBe(true);
    // The emulator's state is ignored; the lookups and the stack identity are committed.
    const ignored = readFileSync(join(dir, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain('.imco-emulator/');
    expect(ignored.filter((l) => /imco\.(context|identity)\.json/.test(l) && !l.startsWith('#'))).toEqual([]);
  });

  it('depends on the spec given with --imco-cdktf (a tarball)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'init-')), 'app');
    expect((await init(dir, '--imco-cdktf=file:/tmp/imco-cdktf-0.1.0.tgz')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies['imco-cdktf']).toBe('file:/tmp/imco-cdktf-0.1.0.tgz');
  });

  it('refuses a directory with files in it, naming --force, and keeps them; --force writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-'));
    writeFileSync(join(dir, 'main.ts'), 'mine');
    const r = await init(dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^imco-bridge init: .* is not empty: .*--force/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('mine');
    expect((await init(dir, '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toContain('new Vpc(');
  });

  it('needs exactly one directory, and a value for --imco-cdktf', async () => {
    const none = await init();
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/name the one directory .*usage: imco-bridge init DIR/);
    const bare = await init('x', '--imco-cdktf');
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/--imco-cdktf needs a value/);
    expect((await init('x', '--bogus')).err).toMatch(/unknown option --bogus/);
  });
});
