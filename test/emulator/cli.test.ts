// The imco-emulator command end to end, as a child process: exactly one JSON line on stdout when
// ready, mTLS answers at the printed endpoint, clean stop with persisted state on SIGTERM/SIGINT,
// exit 2 with one clear stderr line for bad flags, exit 1 when the port is taken.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientTls, rawRequest } from '../support/emulator';
import { ROOT, transpileEmulatorCli } from './support/transpile';

let cli: string;
let build: string;

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function firstLine(r: Run): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (!r.stdout().includes('\n')) {
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode}: ${r.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no ready line; stderr: ${r.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return r.stdout().split('\n')[0];
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'imco-emulator-cli-'));
  build = await fs.mkdtemp(join(tmpdir(), 'imco-emulator-cli-build-'));
  cli = transpileEmulatorCli(build);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(build, { recursive: true, force: true });
});

it('prints one JSON line, serves mTLS, and stops cleanly on SIGTERM with state saved', async () => {
  const r = run(['--dir', dir, '--port', '0', '--tick-ms', '5']);
  const info = JSON.parse(await firstLine(r));
  expect(Object.keys(info)).toEqual(['endpoint', 'caCert', 'clientCert', 'clientKey', 'clientXml']);
  expect(info.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v2$/);
  for (const key of ['caCert', 'clientCert', 'clientKey', 'clientXml']) {
    expect(info[key].startsWith('/')).toBe(true);
    expect(existsSync(info[key])).toBe(true);
  }
  expect(readFileSync(info.clientXml, 'utf8')).toContain(`server="${info.endpoint}/"`);

  const agent = new Agent(clientTls(info));
  expect((await rawRequest(agent, 'GET', `${info.endpoint}/ping`)).status).toBe(200);
  expect((await rawRequest(agent, 'POST', `${info.endpoint}/labels`, { body: { name: 'survives' } })).status).toBe(201);
  agent.destroy();

  r.child.kill('SIGTERM');
  expect(await r.exited).toBe(0);
  expect(r.stdout().trim().split('\n')).toHaveLength(1);
  expect(r.stderr()).toContain('SIGTERM');
  expect(existsSync(join(dir, 'emulator.lock'))).toBe(false);
  const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
  expect(state.objects.label.map((l: { name: string }) => l.name)).toEqual(['survives']);

  const second = run([`--dir=${dir}`, '--port=0']);
  const again = JSON.parse(await firstLine(second));
  const agent2 = new Agent(clientTls(again));
  const labels = (await rawRequest(agent2, 'GET', `${again.endpoint}/labels`)).json;
  agent2.destroy();
  expect(labels.map((l: { name: string }) => l.name)).toEqual(['survives']);
  second.child.kill('SIGINT');
  expect(await second.exited).toBe(0);
});

it.each([
  [['--port', '0'], '--dir is missing'],
  [['--dir', '/tmp/x', '--port', 'eighty'], "flag --port is 'eighty'"],
  [['--dir', '/tmp/x', '--faults', '503:2'], 'flag --faults'],
  [['--dir', '/tmp/x', '--verbose'], "unknown flag '--verbose'"],
])('exits 2 with one stderr line for %j', async (args, message) => {
  const r = run(args);
  expect(await r.exited).toBe(2);
  expect(r.stdout()).toBe('');
  const lines = r.stderr().trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(message);
});

it('exits 1 naming the problem when the port is taken', async () => {
  const first = run(['--dir', dir, '--port', '0']);
  const port = new URL(JSON.parse(await firstLine(first)).endpoint).port;
  const otherDir = await fs.mkdtemp(join(tmpdir(), 'imco-emulator-cli-'));
  const second = run(['--dir', otherDir, '--port', port]);
  expect(await second.exited).toBe(1);
  expect(second.stdout()).toBe('');
  expect(second.stderr()).toContain(`port ${port} on 127.0.0.1 is in use`);
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  await fs.rm(otherDir, { recursive: true, force: true });
});

it('ships a bin shim that loads the built CLI', () => {
  const shim = readFileSync(join(ROOT, 'bin', 'imco-emulator.js'), 'utf8');
  expect(shim.startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(shim).toContain("require('../dist/lib/cli/emulator.js')");
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.bin['imco-emulator']).toBe('bin/imco-emulator.js');
});
