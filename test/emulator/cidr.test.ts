// Unit tests of IPv4/CIDR parsing and block arithmetic.
import { contains, hostAddress, overlaps, parseCidr, parseIpv4, type Cidr } from '../../lib/emulator/cidr';

const block = (text: string): Cidr => {
  const parsed = parseCidr(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.cidr;
};

it('parses dotted quads strictly', () => {
  expect(parseIpv4('10.0.0.1')).toBe(0x0a000001);
  expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
  for (const bad of ['10.0.0', '10.0.0.256', '010.0.0.1', '1.2.3.4.5', 'a.b.c.d', '']) expect(parseIpv4(bad)).toBeUndefined();
});

it('parses CIDR blocks and explains what is wrong', () => {
  expect(block('10.0.0.0/16')).toEqual({ network: 0x0a000000, prefix: 16, text: '10.0.0.0/16' });
  expect(parseCidr('10.0.0.1/16')).toEqual({ error: "'10.0.0.1/16' has host bits set; use 10.0.0.0/16" });
  expect(parseCidr('10.0.0.1/16', true)).toMatchObject({ cidr: { text: '10.0.0.0/16' } });
  expect(parseCidr('10.0.0.0/33')).toEqual({ error: expect.stringContaining('not a valid IPv4 CIDR') });
  expect(parseCidr('10.0.0.0')).toEqual({ error: expect.stringContaining('e.g. 10.0.0.0/16') });
  expect(block('0.0.0.0/0').prefix).toBe(0);
});

it('checks containment and overlap', () => {
  expect(contains(block('10.0.0.0/16'), block('10.0.5.0/24'))).toBe(true);
  expect(contains(block('10.0.0.0/16'), block('10.1.0.0/24'))).toBe(false);
  expect(contains(block('10.0.0.0/24'), block('10.0.0.0/16'))).toBe(false);
  expect(overlaps(block('10.0.0.0/23'), block('10.0.1.0/24'))).toBe(true);
  expect(overlaps(block('10.0.0.0/24'), block('10.0.1.0/24'))).toBe(false);
  expect(contains(block('0.0.0.0/0'), block('192.168.1.0/24'))).toBe(true);
});

it('computes host addresses inside a block', () => {
  expect(hostAddress(block('10.0.1.0/24'), 4)).toBe('10.0.1.4');
  expect(hostAddress(block('10.0.1.0/24'), 260)).toBe('10.0.1.4');
});
