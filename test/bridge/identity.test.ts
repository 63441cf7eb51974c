import { isValidLabelName, ownerLabelName } from '../../lib/bridge/identity';

describe('ownerLabelName', () => {
  it('joins stack and path with dots when every character is allowed', () => {
    expect(ownerLabelName('prod', 'network/web-fw')).toBe('prod.network.web-fw');
  });

  it('replaces characters IMCO refuses and adds a digest so distinct paths stay distinct', () => {
    const a = ownerLabelName('prod', 'net/a:b');
    const b = ownerLabelName('prod', 'net/a;b');
    expect(isValidLabelName(a)).toBe(true);
    expect(isValidLabelName(b)).toBe(true);
    expect(a).not.toBe(b);
    expect(a.startsWith('prod.net.a_b-')).toBe(true);
  });

  it('keeps long paths within the label length limit and unique', () => {
    const long = 'x'.repeat(150);
    const a = ownerLabelName('s', `${long}/1`);
    const b = ownerLabelName('s', `${long}/2`);
    expect(a.length).toBeLessThanOrEqual(100);
    expect(a).not.toBe(b);
    expect(isValidLabelName(a)).toBe(true);
  });
});
