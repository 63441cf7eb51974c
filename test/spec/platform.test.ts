import { platformIdentity, sameEndpoint, samePlatform } from '../../lib/spec/platform';

describe('samePlatform', () => {
  it('treats /v2 and /v3 of one host as one platform (and ignores trailing slashes, host case, port 443)', () => {
    expect(samePlatform('https://clients.example.com:886/v2', 'https://clients.example.com:886/v3/')).toBe(true);
    expect(samePlatform('https://Clients.Example.com/v2', 'https://clients.example.com:443/v3')).toBe(true);
    expect(platformIdentity('https://h:886/v3')).toBe('https://h:886');
  });

  it('tells other hosts, ports and paths apart', () => {
    expect(samePlatform('https://a.example.com/v2', 'https://b.example.com/v2')).toBe(false);
    expect(samePlatform('https://a.example.com:886/v2', 'https://a.example.com:887/v2')).toBe(false);
    expect(samePlatform('https://a.example.com/x/v2', 'https://a.example.com/v2')).toBe(false);
  });
});

describe('sameEndpoint', () => {
  it('is the same text but for trailing slashes (what a lifecycle resource records)', () => {
    expect(sameEndpoint('https://h/v2/', 'https://h/v2')).toBe(true);
    expect(sameEndpoint('https://h/v2', 'https://h/v3')).toBe(false);
  });
});
