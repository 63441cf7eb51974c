// Fault injection over real sockets: 503/500/429 before any processing (429 and 503 with
// Retry-After), dropped connections before or after processing (the change may have happened),
// deterministic with a seed, /ping exempt, latency, and the journal's `fault` field.
import { promises as fs } from 'node:fs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

async function statuses(emu: TestEmulator, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      out.push(String((await emu.request('GET', '/cloud/generic_images')).status));
    } catch {
      out.push('reset');
    }
  }
  return out;
}

async function journal(emu: TestEmulator): Promise<any[]> {
  await emu.flush();
  return (await fs.readFile(emu.journalPath, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

it('answers 503 with Retry-After before processing anything, but never on /ping', async () => {
  const emu = await startTestEmulator({ faults: '503:1', seed: 1 });
  try {
    const res = await emu.request('POST', '/labels', { body: { name: 'never' } });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json).toEqual({ error: expect.stringContaining('retry after 1 s') });
    expect((await emu.request('GET', '/ping')).status).toBe(200);
    emu.setFaults('');
    expect((await emu.request('GET', '/labels')).json).toEqual([]);
    const entries = await journal(emu);
    expect(entries.find((e) => e.method === 'POST')).toMatchObject({ status: 503, fault: '503', body: { name: 'never' } });
  } finally {
    await emu.dispose();
  }
});

it('answers 429 with a configurable Retry-After and 500 without one', async () => {
  const emu = await startTestEmulator({ faults: '429:1:3' });
  try {
    const limited = await emu.request('GET', '/cloud/servers');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
    emu.setFaults('500:1');
    const broken = await emu.request('GET', '/cloud/servers');
    expect(broken.status).toBe(500);
    expect(broken.headers['retry-after']).toBeUndefined();
    expect(broken.json.error).toContain('fault injected');
  } finally {
    await emu.dispose();
  }
});

it('produces the same faults for the same seed', async () => {
  const spec = '503:0.2,429:0.2,500:0.1,reset:0.1';
  const a = await startTestEmulator({ faults: spec, seed: 1234 });
  const b = await startTestEmulator({ faults: spec, seed: 1234 });
  try {
    const first = await statuses(a, 40);
    expect(await statuses(b, 40)).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['200', '503', '429', '500', 'reset']));
    a.setFaults(spec, 99);
    expect(await statuses(a, 40)).not.toEqual(first);
  } finally {
    await a.dispose();
    await b.dispose();
  }
});

it('drops connections both before and after processing; after means the change happened', async () => {
  const emu = await startTestEmulator({ faults: 'reset:1', seed: 5 });
  try {
    let dropped = 0;
    for (let i = 0; i < 24; i++) {
      await expect(emu.request('POST', '/blueprint/scripts', { body: { name: `s${i}` } })).rejects.toThrow(/socket hang up|ECONNRESET/);
      dropped++;
    }
    emu.setFaults('');
    const created = ((await emu.request('GET', '/blueprint/scripts')).json as { name: string }[]).map((s) => s.name);
    const entries = (await journal(emu)).filter((e) => e.method === 'POST');
    const after = entries.filter((e) => e.fault === 'reset:after');
    const before = entries.filter((e) => e.fault === 'reset:before');
    expect(dropped).toBe(24);
    expect(after.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length + before.length).toBe(24);
    expect(created.sort()).toEqual(after.map((e) => e.body.name).sort());
    for (const e of after) expect(e.status).toBe(201);
    for (const e of before) expect(e.status).toBe(0);
  } finally {
    await emu.dispose();
  }
});

it('adds latency without breaking answers, and the latency can be changed at run time', async () => {
  const emu = await startTestEmulator({ latencyMs: 20 });
  try {
    expect((await emu.request('GET', '/cloud/generic_images')).status).toBe(200);
    emu.setLatency(0);
    expect((await emu.request('GET', '/ping')).status).toBe(200);
    expect(() => emu.setLatency(-1)).toThrow(/whole number/);
    expect(() => emu.setFaults('bogus:1')).toThrow(/unknown/);
  } finally {
    await emu.dispose();
  }
});

it('injects faults on upload URLs too', async () => {
  const emu = await startTestEmulator();
  try {
    const cv = (await emu.request('POST', '/blueprint/cookbook_versions', { body: {} })).json;
    emu.setFaults('503:1');
    expect((await emu.request('PUT', cv.upload_url, { raw: 'x', chunked: true })).status).toBe(503);
  } finally {
    await emu.dispose();
  }
});
