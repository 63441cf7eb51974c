import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appFiles, writeApp, APP_DEPENDENCIES } from '../../lib/scaffold/app';

const content = { mainTs: '// main\n', readme: '# estate\n' };

describe('scaffolded app', () => {
  it('depends on imco-cdktf and pins the cdktf and constructs this package is tested with', () => {
    const pkg = JSON.parse(appFiles('/tmp/My Estate', content)['package.json']);
    expect(pkg.name).toBe('my-estate');
    expect(pkg.dependencies['imco-cdktf']).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(pkg.dependencies.cdktf).toBe(APP_DEPENDENCIES.cdktf);
    const own = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(own.dependencies?.cdktf ?? own.peerDependencies?.cdktf ?? own.devDependencies?.cdktf).toContain(APP_DEPENDENCIES.cdktf);
  });

  it("carries cdktf-cli, with the constructs it pins, so the app keeps one copy and 'npx cdktf synth' works", () => {
    const pkg = JSON.parse(appFiles('/x/app', content)['package.json']);
    const cli = JSON.parse(readFileSync(join(__dirname, '../../node_modules/cdktf-cli/package.json'), 'utf8'));
    expect(pkg.devDependencies['cdktf-cli']).toBe(cli.version);
    expect(pkg.dependencies.constructs).toBe(cli.dependencies.constructs);
    expect(pkg.dependencies.cdktf).toBe(cli.dependencies.cdktf);
  });

  it('takes a file: spec for a tarball', () => {
    const pkg = JSON.parse(appFiles('/x/app', { ...content, imcoCdktfSpec: 'file:/tmp/imco-cdktf.tgz' })['package.json']);
    expect(pkg.dependencies['imco-cdktf']).toBe('file:/tmp/imco-cdktf.tgz');
  });

  it('writes every file into a new directory', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scaffold-')), 'app');
    const written = writeApp(dir, content);
    expect(written.map((f) => f.slice(dir.length + 1)).sort()).toEqual(
      ['.gitignore', 'README.md', 'cdktf.json', 'main.ts', 'package.json', 'tsconfig.json'],
    );
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('// main\n');
    expect(JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')).language).toBe('typescript');
  });

  it('refuses a directory with files in it unless forced, and keeps them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scaffold-'));
    writeFileSync(join(dir, 'main.ts'), 'mine');
    expect(() => writeApp(dir, content)).toThrow(/not empty.*--force/);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('mine');
    writeApp(dir, content, { force: true });
    expect(existsSync(join(dir, 'cdktf.json'))).toBe(true);
  });
});
