// Secrets never reach cdk.tf.json: a stack whose secrets come from env vars and files with known
// random values is fully synthesized, and the values appear nowhere — only their fingerprints.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { secretFingerprint } from '../../lib/spec/fingerprint';
import { ownerLabelName } from '../../lib/spec/identity';
import { SaasAccount, Secret, SshProfile, Vpc, Vpn, type HandlerFlavour } from '../../lib/constructs';
import { fakeOpensshPrivateKey } from '../support/fake-keys';
import { buildEveryKind, makeStack, resourcesOf, synthJson, triggersOf, validationErrors, withEnv } from './helpers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Forms in which a leaked value could show up in JSON. */
function leakForms(value: string): string[] {
  return [value, JSON.stringify(value).slice(1, -1), Buffer.from(value).toString('base64'), Buffer.from(value).toString('hex')];
}

describe.each<HandlerFlavour>(['terraform_data', 'null_resource'])('%s flavour', (flavour) => {
  test('secret values from env vars and files appear nowhere in the synthesized output', () => {
    const psk = `psk-${randomBytes(16).toString('hex')}`;
    const privateKey = fakeOpensshPrivateKey().pem;
    const licence = randomBytes(20).toString('hex');
    const dir = mkdtempSync(join(tmpdir(), 'imco-secrets-'));
    const keyFile = join(dir, 'id_ed25519');
    writeFileSync(keyFile, privateKey, { mode: 0o600 });

    const outdir = withEnv({ LEAK_PSK: psk, LEAK_DATA: JSON.stringify({ license_key: licence }) }, () => {
      const { stack } = makeStack({ flavour });
      buildEveryKind(stack, {
        psk: Secret.fromEnv('LEAK_PSK'),
        privateKey: Secret.fromFile(keyFile),
        accountData: Secret.fromEnv('LEAK_DATA', { format: 'json' }),
      });
      expect(validationErrors(stack)).toEqual([]);
      return Testing.fullSynth(stack);
    });

    const files = filesUnder(outdir);
    const tfJson = files.find((f) => f.endsWith('cdk.tf.json'));
    expect(tfJson).toBeDefined();
    const everything = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const secret of [psk, privateKey, licence, privateKey.split('\n')[1]]) {
      for (const form of leakForms(secret)) expect(everything).not.toContain(form);
    }
    // Only the fingerprints are there, salted with each owner's identity.
    const doc = JSON.parse(readFileSync(tfJson as string, 'utf8'));
    const r = resourcesOf(doc, flavour);
    expect(triggersOf(r.network_vpn, flavour).psk).toBe(secretFingerprint(psk, ownerLabelName('shop', 'network/vpn'), 'shop'));
    expect(triggersOf(r['ops-keys_sync'], flavour).private_key).toBe(secretFingerprint(privateKey, ownerLabelName('shop', 'ops-keys'), 'shop'));
    expect(triggersOf(r.newrelic_sync, flavour).account_data).toBe(
      secretFingerprint(JSON.stringify({ license_key: licence }), ownerLabelName('shop', 'newrelic'), 'shop'),
    );
    expect(everything).toContain(`"file":"${keyFile}"`.replace(/"/g, '\\"'));
  });
});

describe('fingerprints', () => {
  const sshStack = (key: string) =>
    withEnv({ FP_KEY: key }, () => {
      const { stack } = makeStack();
      new SshProfile(stack, 'keys', { name: 'keys', privateKey: Secret.fromEnv('FP_KEY') });
      return resourcesOf(synthJson(stack), 'terraform_data');
    });

  test('rotating an updatable secret changes only the _sync triggers', () => {
    const a = sshStack('key-one');
    const b = sshStack('key-two');
    expect(triggersOf(b.keys, 'terraform_data')).toEqual(triggersOf(a.keys, 'terraform_data'));
    expect(triggersOf(b.keys_sync, 'terraform_data').private_key).not.toBe(triggersOf(a.keys_sync, 'terraform_data').private_key);
    expect(sshStack('key-one')).toEqual(a);
  });

  test('rotating a VPN psk replaces the VPN (IMCO cannot update one)', () => {
    const vpnStack = (psk: string) =>
      withEnv({ FP_PSK: psk }, () => {
        const { stack } = makeStack();
        const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'ca', realmProviderName: 'r' });
        new Vpn(vpc, 'vpn', { vpc, publicIp: '198.51.100.7', psk: Secret.fromEnv('FP_PSK'), exposedCidrs: ['10.0.0.0/16'], vpnPlan: 'vp' });
        return resourcesOf(synthJson(stack), 'terraform_data');
      });
    expect(triggersOf(vpnStack('a').net_vpn, 'terraform_data').psk).not.toBe(triggersOf(vpnStack('b').net_vpn, 'terraform_data').psk);
  });

  test('JSON secrets are fingerprinted canonically: re-formatting is not a change', () => {
    const data = (text: string) =>
      withEnv({ FP_DATA: text }, () => {
        const { stack } = makeStack();
        new SaasAccount(stack, 'acct', { provider: 'p', accountData: Secret.fromEnv('FP_DATA', { format: 'json' }) });
        return triggersOf(resourcesOf(synthJson(stack), 'terraform_data').acct_sync, 'terraform_data').account_data;
      });
    expect(data('{"a":1,"b":"x"}')).toBe(data('{\n  "b": "x",\n  "a": 1\n}\n'));
    expect(data('{"a":1,"b":"x"}')).not.toBe(data('{"a":2,"b":"x"}'));
  });
});
