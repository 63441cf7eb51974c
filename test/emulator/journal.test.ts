// The request journal: one JSON line per request with time, method, path (with query), status,
// durationMs and body; secrets (private keys, psk, SaaS account data) never appear in it; upload
// bodies are journalled as their length; --no-journal writes nothing.
import { existsSync, promises as fs } from 'node:fs';
import { startTestEmulator } from '../support/emulator';
import { buildFixture, create, PRIVATE_KEY, PRIVATE_KEY_BODY, PSK } from './support/fixtures';

const SECRETS = [PRIVATE_KEY_BODY, PSK, 'dd-api-SECRET', 'dd-app-SECRET', 'rotated-SECRET-value', 'dashed-SECRET-key'];

it('journals every request in the documented format with secrets redacted', async () => {
  const emu = await startTestEmulator();
  try {
    const fx = await buildFixture(emu);
    await emu.request('PUT', `/cloud/ssh_profiles/${fx.sshProfile.id}`, { body: { 'private-key': `${PRIVATE_KEY}dashed-SECRET-key` } });
    await emu.request('PUT', `/settings/saas_accounts/${fx.saasAccount.id}`, { body: { account_data: { api_key: 'rotated-SECRET-value', application_key: 'x' } } });
    await emu.request('GET', '/storage/volumes?server_id=abc');
    await emu.request('POST', '/labels', { raw: '{oops', headers: { 'Content-Type': 'application/json' } });
    await emu.flush();

    const text = await fs.readFile(emu.journalPath, 'utf8');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const entries = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(expect.arrayContaining(['body', 'durationMs', 'method', 'path', 'status', 'time']));
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(typeof e.durationMs).toBe('number');
      expect(Number.isInteger(e.status)).toBe(true);
      expect(e.fault).toBeUndefined();
    }
    const find = (method: string, pathPart: string) => entries.filter((e) => e.method === method && e.path.includes(pathPart));
    expect(find('POST', '/cloud/ssh_profiles/')[0].body).toEqual({ name: 'ops', public_key: expect.any(String), private_key: '[REDACTED]' });
    expect(find('PUT', '/cloud/ssh_profiles/')[0].body).toEqual({ 'private-key': '[REDACTED]' });
    expect(find('POST', '/vpn')[0].body).toMatchObject({ psk: '[REDACTED]', public_ip: '203.0.113.10' });
    expect(find('POST', '/settings/saas_accounts')[0].body).toEqual({ saas_provider_id: expect.any(String), account_data: '[REDACTED]' });
    expect(find('GET', '/storage/volumes?server_id=abc')[0]).toMatchObject({ status: 200, body: null, path: '/v2/storage/volumes?server_id=abc' });
    const upload = entries.find((e) => e.path.startsWith('/_uploads/'));
    expect(upload).toMatchObject({ method: 'PUT', status: 200, body: expect.any(Number) });
    expect(upload.body).toBeGreaterThan(100);
    expect(entries.find((e) => e.status === 400).body).toBe('[unparseable: 5 bytes]');
    expect(find('POST', '/blueprint/scripts')[0]).toMatchObject({ status: 201, body: { name: 'install', code: 'echo hi', parameters: ['PORT'], label_ids: [fx.label.id] } });
  } finally {
    await emu.dispose();
  }
});

it('keeps secrets out of every answer too', async () => {
  const emu = await startTestEmulator();
  try {
    await buildFixture(emu);
    const texts = await Promise.all(
      ['/cloud/ssh_profiles', '/settings/saas_accounts', '/audit/events'].map(async (p) => (await emu.request('GET', p)).text),
    );
    const vpcs = (await emu.request('GET', '/network/vpcs')).json;
    texts.push((await emu.request('GET', `/network/vpcs/${vpcs[0].id}/vpn`)).text);
    texts.push(JSON.stringify(emu.snapshot()));
    for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret);
  } finally {
    await emu.dispose();
  }
});

it('writes no journal with journal: false', async () => {
  const emu = await startTestEmulator({ journal: false });
  try {
    await create(emu, '/labels', { name: 'x' });
    await emu.flush();
    expect(existsSync(emu.journalPath)).toBe(false);
  } finally {
    await emu.dispose();
  }
});
