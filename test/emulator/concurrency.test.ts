// 50 concurrent clients, each on its own keep-alive connection, creating, reading, updating and
// listing at the same time: every answer is a success and every object is there afterwards.
import { Agent } from 'node:https';
import { clientTls, rawRequest, startTestEmulator } from '../support/emulator';

const CLIENTS = 50;
const ROUNDS = 4;

it(`serves ${CLIENTS} concurrent clients without errors`, async () => {
  const emu = await startTestEmulator();
  const tls = clientTls(emu);
  const agents = Array.from({ length: CLIENTS }, () => new Agent({ ...tls, keepAlive: true, maxSockets: 1 }));
  try {
    const failures: string[] = [];
    const check = (what: string, status: number, ok: number[]) => {
      if (!ok.includes(status)) failures.push(`${what} → ${status}`);
    };
    await Promise.all(
      agents.map(async (agent, client) => {
        for (let round = 0; round < ROUNDS; round++) {
          const created = await rawRequest(agent, 'POST', `${emu.endpoint}/blueprint/scripts/`, { body: { name: `c${client}-r${round}`, code: 'true' } });
          check('create', created.status, [201]);
          const id = created.json?.id;
          check('show', (await rawRequest(agent, 'GET', `${emu.endpoint}/blueprint/scripts/${id}`)).status, [200]);
          check('update', (await rawRequest(agent, 'PUT', `${emu.endpoint}/blueprint/scripts/${id}`, { body: { description: 'busy' } })).status, [200]);
          check('list', (await rawRequest(agent, 'GET', `${emu.endpoint}/cloud/servers`)).status, [200]);
          check('label', (await rawRequest(agent, 'POST', `${emu.endpoint}/labels`, { body: { name: `l${client}-${round}` } })).status, [201]);
        }
      }),
    );
    expect(failures).toEqual([]);
    const scripts = (await emu.request('GET', '/blueprint/scripts')).json;
    expect(scripts).toHaveLength(CLIENTS * ROUNDS);
    expect(new Set(scripts.map((s: any) => s.id)).size).toBe(CLIENTS * ROUNDS);
    expect(scripts.every((s: any) => s.description === 'busy')).toBe(true);
  } finally {
    agents.forEach((a) => a.destroy());
    await emu.dispose();
  }
});
