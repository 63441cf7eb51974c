// The bridge server and its shell client (bin/imco-bridge.sh): provisioners of one "Terraform" run
// share one server, each invocation keeps its own environment, output and exit code, the server
// goes away with the run, and anything unusual falls back to a Node process per command.
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki } from '../support/tls-fixtures';

const CLIENT = join(__dirname, '..', '..', 'bin', 'imco-bridge.sh');

interface Outcome {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs a stand-in for Terraform: a Node process that runs each command the way local-exec does
 * (`/bin/sh -c <command>` with extra environment), all at once, prints the outcomes as JSON and
 * stays alive `holdMs` longer. Resolves with the outcomes, the stand-in's pid and the run directories
 * it saw before exiting.
 */
function fakeTerraform(
  runtime: string,
  commands: readonly { readonly command: string; readonly env: Record<string, string> }[],
  opts: { holdMs?: number; env?: Record<string, string> } = {},
): Promise<{ outcomes: Outcome[]; pid: number; runs: string[] }> {
  const script = `
    const { spawn } = require('node:child_process');
    const commands = ${JSON.stringify(commands)};
    Promise.all(commands.map((c) => new Promise((resolve) => {
      const child = spawn('/bin/sh', ['-c', c.command], { env: { ...process.env, ...c.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (code) => resolve({ code, output }));
    }))).then((outcomes) => {
      const { existsSync, readdirSync } = require('node:fs');
      const runtime = process.env.IMCO_BRIDGE_RUNTIME;
      process.stdout.write(JSON.stringify({ outcomes, pid: process.pid, runs: existsSync(runtime) ? readdirSync(runtime) : [] }));
      setTimeout(() => process.exit(0), ${opts.holdMs ?? 0});
    });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, IMCO_BRIDGE_RUNTIME: runtime, ...(opts.env ?? {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as { outcomes: Outcome[]; pid: number; runs: string[] });
      } catch {
        reject(new Error(`the stand-in printed no outcomes: ${out}`));
      }
    });
  });
}

/** A create whose spec names `path` but lacks its kind: imco-bridge fails naming the path. */
function brokenCreate(path: string): { command: string; env: Record<string, string> } {
  return { command: `sh "${CLIENT}" create`, env: { IMCO_BRIDGE_SPEC: JSON.stringify({ version: 1, path }) } };
}

/** A prune-record: writes the stack's declaration marker into `markers` and exits 0. */
function pruneRecord(markers: string, stack: string): { command: string; env: Record<string, string> } {
  return {
    command: `sh "${CLIENT}" prune-record`,
    env: {
      IMCO_BRIDGE_MARKERS: markers,
      IMCO_BRIDGE_TRIGGERS: JSON.stringify({ imco_prune: stack, imco_endpoint: 'https://imco.test/v2', imco_objects: '[]' }),
    },
  };
}

async function until(condition: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'imco-bridge-server-'));
}

const hasProc = existsSync('/proc/self/stat');
const linuxOnly = hasProc ? test : test.skip;

describe('bridge server', () => {
  linuxOnly('twelve concurrent provisioners share one server; each keeps its environment, output and exit code', async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    const commands = [];
    for (let i = 0; i < 6; i++) commands.push(brokenCreate(`object-${i}`));
    for (let i = 0; i < 6; i++) commands.push(pruneRecord(join(root, `markers-${i}`), `stack-${i}`));
    const { outcomes, pid, runs } = await fakeTerraform(runtime, commands, { holdMs: 500 });

    for (let i = 0; i < 6; i++) {
      expect(outcomes[i].code).toBe(1);
      expect(outcomes[i].output.trim()).toBe(`imco-bridge create object-${i}: IMCO_BRIDGE_SPEC lacks kind/self/path: re-synthesize the stack`);
    }
    for (let i = 6; i < 12; i++) {
      expect(outcomes[i]).toEqual({ code: 0, output: '' });
      expect(readdirSync(join(root, `markers-${i - 6}`)).filter((n) => !n.startsWith('.'))).toHaveLength(1);
    }
    // One run directory (listed by the stand-in while it ran), named after it; gone with it.
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(new RegExp(`^${pid}-\\d+$`));
    expect(await until(() => readdirSync(runtime).length === 0, 20_000)).toBe(true);
  });

  linuxOnly('two requests at once with different environments and directories: each sees only its own', async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    // The same relative IMCO_BRIDGE_MARKERS in two directories: each marker lands under its own
    // request's directory, with its own stack's declaration (the server never changes directory).
    const requests = ['a', 'b'].map((name) => {
      const dir = join(root, `stack-${name}`);
      mkdirSync(dir);
      const { env } = pruneRecord('markers', `stack-${name}`);
      return { command: `cd "${dir}" && sh "${CLIENT}" prune-record`, env: { ...env, IMCO_BRIDGE_MARKERS: 'markers' } };
    });
    const { outcomes, runs } = await fakeTerraform(runtime, [...requests, brokenCreate('between')], { holdMs: 300 });
    expect(runs).toHaveLength(1);
    expect(outcomes.slice(0, 2)).toEqual([{ code: 0, output: '' }, { code: 0, output: '' }]);
    expect(outcomes[2].output.trim()).toBe('imco-bridge create between: IMCO_BRIDGE_SPEC lacks kind/self/path: re-synthesize the stack');
    for (const name of ['a', 'b']) {
      const files = readdirSync(join(root, `stack-${name}`, 'markers')).filter((n) => !n.startsWith('.'));
      expect(files).toHaveLength(1);
      const declared = readFileSync(join(root, `stack-${name}`, 'markers', files[0]), 'utf8');
      expect(JSON.parse(declared)).toEqual({ at: expect.any(Number), objects: [] });
    }
    expect(readdirSync(join(root, 'stack-a', 'markers'))).not.toEqual(readdirSync(join(root, 'stack-b', 'markers')));
    expect(existsSync(join(root, 'markers'))).toBe(false);
  });

  linuxOnly('IMCO_BRIDGE_SERVER=0 runs each command in a process of its own (no server)', async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    const { outcomes } = await fakeTerraform(runtime, [brokenCreate('solo'), pruneRecord(join(root, 'm'), 's')], { env: { IMCO_BRIDGE_SERVER: '0' } });
    expect(outcomes[0].code).toBe(1);
    expect(outcomes[0].output).toContain('imco-bridge create solo: IMCO_BRIDGE_SPEC lacks kind/self/path');
    expect(outcomes[1].code).toBe(0);
    expect(existsSync(runtime)).toBe(false);
  });

  linuxOnly('a run directory base open to other users is not used: the commands run on their own', async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    mkdirSync(runtime);
    chmodSync(runtime, 0o777);
    const { outcomes } = await fakeTerraform(runtime, [brokenCreate('shared'), pruneRecord(join(root, 'm'), 's')]);
    expect(outcomes[0].output).toContain('imco-bridge create shared: IMCO_BRIDGE_SPEC lacks kind/self/path');
    expect(outcomes[1].code).toBe(0);
    // Others could swap a run directory there for their own and read the environments sent to it.
    expect(readdirSync(runtime)).toEqual([]);
  });

  linuxOnly('a server that died leaves a run directory the next command does not wait on', async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    // The stand-in's first command kills the server it started; the second must still be answered.
    const killServer = { command: `sh "${CLIENT}" prune-record; kill -9 "$(cat "$IMCO_BRIDGE_RUNTIME"/*/pid)"`, env: pruneRecord(join(root, 'a'), 'a').env };
    const script = `
      const { execFileSync } = require('node:child_process');
      const run = (c) => { try { return { code: 0, output: execFileSync('/bin/sh', ['-c', c.command], { env: { ...process.env, ...c.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) }; }
        catch (e) { return { code: e.status, output: String(e.stdout) + String(e.stderr) }; } };
      const first = run(${JSON.stringify(killServer)});
      const second = run(${JSON.stringify(brokenCreate('after-kill'))});
      process.stdout.write(JSON.stringify([first, second]));`;
    const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, IMCO_BRIDGE_RUNTIME: runtime }, encoding: 'utf8', timeout: 30_000 });
    const [first, second] = JSON.parse(out) as Outcome[];
    expect(first.code).toBe(0);
    expect(second.code).toBe(1);
    expect(second.output).toContain('imco-bridge create after-kill: IMCO_BRIDGE_SPEC lacks kind/self/path');
  });

  /** An update of `path` that first writes its run marker: `own` holds this run's id, else `mark`. */
  function updateAfterMarker(markers: string, mark: 'own' | string): { command: string; env: Record<string, string> } {
    // The stand-in is the shell's parent: its pid and start time are the run's id.
    const write =
      mark === 'own'
        ? `read -r st < /proc/$PPID/stat; set -- \${st##*\\) }; printf '%s:%s' "$PPID" "\${20}" > "${markers}/tf-1"`
        : `printf '%s' ${JSON.stringify(mark)} > "${markers}/tf-1"`;
    const spec = { version: 1, kind: 'firewall_profile', stack: 's', path: 'web', endpoint: 'https://imco.test/v2', self: { kind: 'firewall_profile', owner: 's.web', path: 'web' }, fields: {}, extras: {}, timeoutSeconds: 5 };
    return { command: `${write}; sh "${CLIENT}" update`, env: { IMCO_BRIDGE_MARKERS: markers, IMCO_BRIDGE_TF_ID: 'tf-1', IMCO_BRIDGE_SPEC: JSON.stringify(spec) } };
  }

  linuxOnly("the _sync update right after this run's create answers from the run marker, without a server", async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    const markers = join(root, 'markers');
    mkdirSync(markers, { mode: 0o700 });
    const { outcomes, runs } = await fakeTerraform(runtime, [updateAfterMarker(markers, 'own')]);
    expect(outcomes[0]).toEqual({ code: 0, output: 'imco-bridge: web: created and converged by this apply; nothing to update\n' });
    expect(runs).toEqual([]);
  });

  linuxOnly('a construct path with quotes and backslashes is printed whole, by the shortcut and by imco-bridge', async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    const markers = join(root, 'markers');
    mkdirSync(markers, { mode: 0o700 });
    const path = 'web "blue" \\ end';
    const own = updateAfterMarker(markers, 'own');
    const spec = { ...JSON.parse(own.env.IMCO_BRIDGE_SPEC), path };
    const { outcomes } = await fakeTerraform(runtime, [{ ...own, env: { ...own.env, IMCO_BRIDGE_SPEC: JSON.stringify(spec) } }, brokenCreate(path)]);
    expect(outcomes[0]).toEqual({ code: 0, output: `imco-bridge: ${path}: created and converged by this apply; nothing to update\n` });
    expect(outcomes[1].output.trim()).toBe(`imco-bridge create ${path}: IMCO_BRIDGE_SPEC lacks kind/self/path: re-synthesize the stack`);
  });

  linuxOnly("another run's marker, or a failed create's, goes to the server", async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    const markers = join(root, 'markers');
    mkdirSync(markers, { mode: 0o700 });
    const failedHere = `read -r st < /proc/$PPID/stat; set -- \${st##*\\) }; printf '%s:%s failed\\nthe name is taken' "$PPID" "\${20}" > "${markers}/tf-1"; sh "${CLIENT}" update`;
    const { outcomes: [failed], runs } = await fakeTerraform(runtime, [{ ...updateAfterMarker(markers, 'own'), command: failedHere }], { holdMs: 300 });
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('imco-bridge update web: its create failed earlier in this apply: the name is taken');
    expect(runs).toHaveLength(1);
    // An earlier run's marker: the update goes on to IMCO (here: credentials that do not exist).
    const { outcomes: [earlier] } = await fakeTerraform(runtime, [updateAfterMarker(markers, '1:1')], { env: { CONCERTO_CONFIG: join(root, 'none.xml'), HOME: root } });
    expect(earlier.code).toBe(1);
    expect(earlier.output).not.toContain('nothing to update');
  });

  test('other commands never go through the server', () => {
    const out = execFileSync('sh', [CLIENT, '--help'], { encoding: 'utf8', env: { ...process.env, IMCO_BRIDGE_RUNTIME: join(scratch(), 'run') } });
    expect(out).toContain('usage: imco-bridge <command>');
  });

  test('the server refuses a run directory it cannot trust, saying why', () => {
    const root = scratch();
    const dir = join(root, `${process.pid}-1`);
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    let code = 0;
    try {
      execFileSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'imco-bridge.js'), 'serve', dir], { stdio: 'ignore' });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(1);
    expect(readFileSync(join(dir, 'failed'), 'utf8')).toBe(`${dir} is open to other users (mode 755); it must be 0700\n`);
  });
});

describe('bridge server failure while a command waits', () => {
  linuxOnly('a command whose server dies before answering runs again in a process of its own, saying so', async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    // 1st command starts the server; then the server is frozen, a 2nd command is sent to it, and the
    // server is killed: the 2nd command must not hang; it runs again on its own (handlers are idempotent).
    const script = `
      const { execFileSync, spawn } = require('node:child_process');
      const { readdirSync, readFileSync } = require('node:fs');
      const env = (extra) => ({ ...process.env, ...extra });
      execFileSync('/bin/sh', ['-c', ${JSON.stringify(pruneRecord(join(root, 'a'), 'a').command)}], { env: env(${JSON.stringify(pruneRecord(join(root, 'a'), 'a').env)}) });
      const dir = process.env.IMCO_BRIDGE_RUNTIME + '/' + readdirSync(process.env.IMCO_BRIDGE_RUNTIME)[0];
      const server = Number(readFileSync(dir + '/pid', 'utf8'));
      process.kill(server, 'SIGSTOP');
      const child = spawn('/bin/sh', ['-c', ${JSON.stringify(brokenCreate('waiting').command)}], { env: env(${JSON.stringify(brokenCreate('waiting').env)}) });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      setTimeout(() => process.kill(server, 'SIGKILL'), 500);
      child.on('close', (code) => process.stdout.write(JSON.stringify({ code, output })));`;
    const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, IMCO_BRIDGE_RUNTIME: runtime }, encoding: 'utf8', timeout: 30_000 });
    const outcome = JSON.parse(out) as Outcome;
    expect(outcome.code).toBe(1);
    expect(outcome.output).toMatch(
      /^imco-bridge: the bridge server \(pid \d+\) stopped before it answered; running this command in a process of its own\nimco-bridge create waiting: IMCO_BRIDGE_SPEC lacks kind\/self\/path: re-synthesize the stack\n$/,
    );
  });
});

describe('a run after an interrupted one', () => {
  let stall: Server;
  afterAll(() => stall?.close());

  linuxOnly("waits for the commands the interrupted run's server still finishes, then runs", async () => {
    const root = scratch();
    const runtime = join(root, 'run');
    const stack = join(root, 'stack');
    mkdirSync(stack);
    // An IMCO that accepts connections and never answers: the create below runs until its 3 s deadline.
    stall = createServer(() => undefined);
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', r));
    const endpoint = `https://127.0.0.1:${(stall.address() as { port: number }).port}/v2`;
    const pki = await createTestPki(root);
    const spec = {
      version: 1, kind: 'firewall_profile', stack: 's', path: 'fw', endpoint,
      self: { kind: 'firewall_profile', owner: 's.fw', path: 'fw' }, fields: { name: 'fw' }, extras: {}, timeoutSeconds: 3,
    };
    const create = {
      command: `sh "${CLIENT}" create`,
      env: {
        IMCO_BRIDGE_SPEC: JSON.stringify(spec), CONCERTO_ENDPOINT: endpoint, CONCERTO_CA_CERT: pki.ca.certPath,
        CONCERTO_CLIENT_CERT: pki.client.certPath, CONCERTO_CLIENT_KEY: pki.client.keyPath, IMCO_BRIDGE_MARKERS: join(root, 'm1'),
      },
    };
    // Run 1: its Terraform stand-in is killed while the create is in flight.
    const first = spawn(process.execPath, ['-e', `
      const { spawn } = require('node:child_process');
      const c = ${JSON.stringify(create)};
      spawn('/bin/sh', ['-c', c.command], { env: { ...process.env, ...c.env }, stdio: 'ignore' });
      setInterval(() => undefined, 1000);`], { cwd: stack, env: { ...process.env, IMCO_BRIDGE_RUNTIME: runtime }, stdio: 'ignore' });
    expect(await until(() => existsSync(runtime) && readdirSync(runtime).some((d) => existsSync(join(runtime, d, 'cwd'))), 20_000)).toBe(true);
    first.kill('SIGKILL');
    const killedAt = Date.now();

    // Run 2 in the same directory: its command waits for run 1's server, which ends after the deadline.
    const second = await new Promise<{ outcomes: Outcome[] }>((resolve, reject) => {
      const c = pruneRecord(join(root, 'm2'), 's');
      const child = spawn(process.execPath, ['-e', `
        const { spawnSync } = require('node:child_process');
        const c = ${JSON.stringify(c)};
        const r = spawnSync('/bin/sh', ['-c', c.command], { env: { ...process.env, ...c.env }, encoding: 'utf8' });
        process.stdout.write(JSON.stringify({ outcomes: [{ code: r.status, output: r.stdout + r.stderr }] }));`], { cwd: stack, env: { ...process.env, IMCO_BRIDGE_RUNTIME: runtime } });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', () => resolve(JSON.parse(out) as { outcomes: Outcome[] }));
    });
    const waited = Date.now() - killedAt;
    expect(second.outcomes[0].code).toBe(0);
    expect(second.outcomes[0].output).toMatch(
      /^imco-bridge: waiting for the commands an interrupted terraform run left in flight here \(bridge server pid \d+\) to finish, so that they cannot race this run\n$/,
    );
    // Run 1's create had most of its 3 s left when its Terraform died.
    expect(waited).toBeGreaterThan(1500);
  });
});
