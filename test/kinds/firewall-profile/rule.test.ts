// The firewall rule check shared by the FirewallProfile construct and the emulator: the same
// sources pass and fail on both sides (IPv6 included), each side wording the problem its own way.
import { checkRuleSource } from '../../../lib/kinds/firewall-profile/rule';
import { FirewallProfile } from '../../../lib/constructs';
import { makeStack, validationErrors } from '../../constructs/helpers';
import { startTestEmulator } from '../../support/emulator';

const SOURCES: [string, boolean][] = [
  ['any', true],
  ['ANY', true],
  ['1.2.3.4', true],
  ['10.0.0.0/8', true],
  ['2001:db8::/32', true],
  ['2001:db8::1', true],
  ['10.0.0.1/8', false],
  ['10.0.0.0/33', false],
  ['2001:db8::/129', false],
  ['office', false],
  ['', false],
];

it.each(SOURCES)('checkRuleSource(%j) accepts: %s', (source, ok) => {
  expect(checkRuleSource(source).problem === undefined).toBe(ok);
});

it('normalises any to lower case and reports the network of a block with host bits', () => {
  expect(checkRuleSource(' ANY ')).toEqual({ source: 'any' });
  expect(checkRuleSource('192.168.1.10/24')).toEqual({ problem: 'host-bits', network: '192.168.1.0/24' });
});

function constructProblems(source: string): string[] {
  const { stack } = makeStack();
  new FirewallProfile(stack, 'fw', { name: 'fw', rules: [{ protocol: 'tcp', port: 22, source }] });
  return validationErrors(stack);
}

describe('the construct and the emulator agree on every source', () => {
  let emu: Awaited<ReturnType<typeof startTestEmulator>>;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.dispose();
  });

  it.each(SOURCES)('%j', async (source, ok) => {
    const rule = { ip_protocol: 'tcp', min_port: 22, max_port: 22, source };
    const res = await emu.request('POST', '/network/firewall_profiles', { body: { name: `fw ${source}`, description: '', rules: [rule] } });
    expect({ source, status: res.status }).toEqual({ source, status: ok ? 201 : 422 });
    expect({ source, problems: constructProblems(source).length > 0 }).toEqual({ source, problems: !ok });
  });
});
