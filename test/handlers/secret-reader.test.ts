// Secrets read at apply (issue 13 item 8), against the emulator over mTLS: a psk file written by
// `echo` reaches IMCO without its newline (the value synth fingerprinted), a variable set but empty
// is reported as empty, and a passphrase-protected or world-readable SSH key is refused before
// anything is sent.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ImcoSettings, Secret, SshProfile, Vpc, Vpn } from '../../lib/constructs';
import type { BridgeSpec } from '../../lib/spec/spec';
import { apiOf } from '../../lib/handlers/client-api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { runCreate } from '../../lib/handlers/reconcile';
import { readSecret } from '../../lib/handlers/secret-reader';
import { startClientHarness, type ClientHarness } from '../client/support/emulator-client';
import { fakeOpensshKeyWithCipher } from '../support/fake-keys';
import { seedsOf } from '../support/seeds';
import { withEnv } from '../support/env';

jest.setTimeout(60_000);

let harness: ClientHarness;
beforeAll(async () => {
  harness = await startClientHarness();
});
afterAll(() => harness?.dispose());

const dir = mkdtempSync(join(tmpdir(), 'imco-secret-reader-'));
function file(name: string, content: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

let stacks = 0;
function newStack(): TerraformStack {
  const app = new App({ outdir: join(harness.emu.dir, `out-${stacks}`) });
  const stack = new TerraformStack(app, `secrets${stacks++}`);
  new ImcoSettings(stack, 'imco', { endpoint: harness.emu.endpoint, bridgeCommand: 'imco-bridge' });
  return stack;
}
const timed = (spec: BridgeSpec): BridgeSpec => ({ ...spec, timeoutSeconds: 30 });

test('a psk file written by echo reaches IMCO without its trailing newline', async () => {
  const seeds = seedsOf(harness.emu);
  const stack = newStack();
  const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.70.0.0/16', cloudAccount: seeds.cloudAccountId, realmProviderName: seeds.realmProviderName });
  const vpn = new Vpn(vpc, 'vpn', { vpc, publicIp: '198.51.100.70', psk: Secret.fromFile(file('psk', 'swordfish-70\n')), exposedCidrs: ['10.70.0.0/16'], vpnPlan: seeds.vpnPlanId });
  // The emulator never renders secrets: record the create bodies the handler sends over mTLS.
  const plain = apiOf(harness.client);
  const sent: Record<string, unknown>[] = [];
  const api = { ...plain, createOnce: ((kind, body, ...rest) => (sent.push({ kind, ...body }), plain.createOnce(kind, body, ...rest))) as typeof plain.createOnce };
  await runCreate(makeInvocationContext(timed(vpc.spec), api, () => undefined));
  await runCreate(makeInvocationContext(timed(vpn.spec), api, () => undefined));
  expect(sent.filter((b) => b.kind === 'vpn').map((b) => b.psk)).toEqual(['swordfish-70']);
  expect((harness.emu.snapshot().vpn ?? []).filter((v) => v.public_ip === '198.51.100.70')).toHaveLength(1);
});

test('an environment variable set but empty is reported as empty at apply', () => {
  withEnv({ APPLY_EMPTY: '', APPLY_UNSET: undefined }, () => {
    expect(() => readSecret({ env: 'APPLY_EMPTY' }, "VPN 'vpn'")).toThrow(
      "secret for VPN 'vpn': environment variable APPLY_EMPTY is set but empty; give it the secret's value before terraform apply",
    );
    expect(() => readSecret({ env: 'APPLY_UNSET' }, "VPN 'vpn'")).toThrow(
      "secret for VPN 'vpn': environment variable APPLY_UNSET is not set; export it before terraform apply",
    );
  });
});

test('an SSH key that became world-readable, or got a passphrase, after synth is refused at apply; nothing is created', async () => {
  const key = fakeOpensshKeyWithCipher('none');
  const path = file('id_ops', key.pem);
  const stack = newStack();
  const ssh = new SshProfile(stack, 'ops', { name: 'ops-apply', publicKey: 'ssh-ed25519 AAAAC3Nza ops@example', privateKey: Secret.fromFile(path) });
  const spec = timed(ssh.spec);
  chmodSync(path, 0o644);
  const api = apiOf(harness.client);
  await expect(runCreate(makeInvocationContext(spec, api, () => undefined))).rejects.toThrow(
    `secret for SSH profile 'ops': file ${path} holds a private key readable by every user on this machine (mode 0644); refusing to upload it — run: chmod 600 ${path}`,
  );
  chmodSync(path, 0o600);
  writeFileSync(path, fakeOpensshKeyWithCipher('aes256-ctr').pem);
  await expect(runCreate(makeInvocationContext(spec, api, () => undefined))).rejects.toThrow(/holds a private key protected by a passphrase, which IMCO cannot use/);
  expect((harness.emu.snapshot().ssh_profile ?? []).filter((p) => p.name === 'ops-apply')).toEqual([]);
});
