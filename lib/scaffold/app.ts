// The files of a new CDKTF app that uses imco-cdktf as a library: package.json, cdktf.json,
// tsconfig.json, .gitignore, README.md and main.ts. `imco-bridge init` writes it with one VPC and one
// firewall profile; `imco-bridge export` writes it with the constructs of an existing estate.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../constructs/package-info';

/** What a caller puts in the app; the rest is the same for every app. */
export interface AppContent {
  /** The app's TypeScript entry (`main.ts`). */
  readonly mainTs: string;
  /** The app's README.md. */
  readonly readme: string;
  /** package.json `name`. @default the directory's base name */
  readonly name?: string;
  /** How package.json depends on imco-cdktf (a version range, or `file:` a tarball). @default `^<this version>` */
  readonly imcoCdktfSpec?: string;
}

/**
 * The versions a scaffolded app pins: the ones this package is built and tested with. `constructs`
 * is the version cdktf-cli 0.21.0 pins, so that the app's cdktf-cli (its `npx cdktf synth`,
 * `npm run deploy`) shares the app's one copy of constructs.
 */
export const APP_DEPENDENCIES = {
  cdktf: '0.21.0',
  constructs: '10.4.2',
} as const;
export const APP_DEV_DEPENDENCIES = {
  '@types/node': '20.19.43',
  'cdktf-cli': '0.21.0',
  'ts-node': '10.9.2',
  typescript: '5.9.3',
} as const;

const GITIGNORE = [
  'node_modules/',
  'cdktf.out/',
  '.terraform/',
  '*.tfstate',
  '*.tfstate.backup',
  '.terraform.lock.hcl',
  '.imco-emulator/',
  '# imco.identity.json is the stack instance id of the ownership labels: commit it.',
  '',
].join('\n');

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
    moduleResolution: 'node',
    lib: ['ES2022'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
  },
  include: ['main.ts', 'lib/**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
};

/** The file names and contents of the app, without writing them. */
export function appFiles(dir: string, content: AppContent): Record<string, string> {
  const name = content.name ?? (dir.split(/[\\/]/).filter(Boolean).pop() || 'imco-estate');
  const packageJson = {
    name: name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
    version: '0.1.0',
    private: true,
    scripts: { synth: 'cdktf synth', plan: 'cdktf diff', deploy: 'cdktf deploy', destroy: 'cdktf destroy' },
    dependencies: { 'imco-cdktf': content.imcoCdktfSpec ?? `^${packageVersion()}`, ...APP_DEPENDENCIES },
    devDependencies: { ...APP_DEV_DEPENDENCIES },
    // cdktf-cli's terminal dependency works from its prebuilt binaries; its install script would only
    // rebuild them with node-gyp (and npm warns about it on every install).
    allowScripts: { '@cdktf/node-pty-prebuilt-multiarch': false },
  };
  const cdktfJson = {
    language: 'typescript',
    app: 'npx ts-node main.ts',
    projectId: randomUUID(),
    sendCrashReports: 'false',
    terraformProviders: [],
    terraformModules: [],
    context: {},
  };
  return {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'cdktf.json': `${JSON.stringify(cdktfJson, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(TSCONFIG, null, 2)}\n`,
    '.gitignore': GITIGNORE,
    'README.md': content.readme,
    'main.ts': content.mainTs,
  };
}

/**
 * Writes the app into `dir` (created if missing) and returns the files written. Refuses a directory
 * that already has files, unless `force`, so nothing of a user's is overwritten by accident.
 */
export function writeApp(dir: string, content: AppContent, options: { force?: boolean } = {}): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !options.force) {
    throw new Error(`${dir} is not empty: choose a new directory, or pass --force to overwrite the app's files there`);
  }
  mkdirSync(dir, { recursive: true });
  const files = appFiles(dir, content);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return Object.keys(files).map((file) => join(dir, file));
}
