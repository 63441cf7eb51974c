import { changedFields, sameValue } from '../../lib/handlers/compare';

describe('field comparison', () => {
  it('compares firewall rules as a set with case-insensitive protocols', () => {
    const desired = [
      { ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' },
      { ip_protocol: 'tcp', min_port: 22, max_port: 22, source: '10.0.0.0/8' },
    ];
    const live = [
      { ip_protocol: 'TCP', min_port: 22, max_port: 22, source: '10.0.0.0/8' },
      { protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' },
    ];
    expect(sameValue('firewall_profile', 'rules', desired, live)).toBe(true);
    expect(sameValue('firewall_profile', 'rules', desired, live.slice(0, 1))).toBe(false);
  });

  it('treats absent, null and empty alike, and compares objects by content', () => {
    expect(sameValue('script', 'description', '', null)).toBe(true);
    expect(sameValue('template', 'configuration_attributes', { a: 1, b: { c: 2 } }, { b: { c: 2 }, a: 1 })).toBe(true);
    expect(sameValue('template', 'run_list', ['a', 'b'], ['b', 'a'])).toBe(false);
  });

  it('returns only the desired fields that differ', () => {
    const body = changedFields('vpc', ['name'], { name: 'new', cidr: '10.0.0.0/16' }, { name: 'old', cidr: '10.1.0.0/16' });
    expect(body).toEqual({ name: 'new' });
  });
});
