import { OWNER_NAMESPACE, isValidLabelName, ownerLabelName, ownershipLabel, parseStackInstanceTag, stackInstanceTag } from '../../lib/spec/identity';

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

describe('ownershipLabel', () => {
  const I = '0123456789abcdef';

  it('gives prod + web/fw and prod.web + fw different labels (the old format gave both prod.web.fw)', () => {
    expect(ownerLabelName('prod', 'web/fw')).toBe(ownerLabelName('prod.web', 'fw'));
    const a = ownershipLabel({ instance: I, stack: 'prod', path: 'web/fw' });
    const b = ownershipLabel({ instance: I, stack: 'prod.web', path: 'fw' });
    expect(a.name).not.toBe(b.name);
    expect(a.value).not.toBe(b.value);
  });

  it('gives two stack instances with the same stack name and path different labels', () => {
    const a = ownershipLabel({ instance: I, stack: 'prod', path: 'web/fw' });
    const b = ownershipLabel({ instance: 'fedcba9876543210', stack: 'prod', path: 'web/fw' });
    expect(a.name).not.toBe(b.name);
    expect(parseStackInstanceTag(b.value)).toEqual({ instance: 'fedcba9876543210', stack: 'prod' });
  });

  it('is deterministic, readable, namespaced, and valid for IMCO even for long or odd paths', () => {
    const label = ownershipLabel({ instance: I, stack: 'prod', path: 'network/web-fw' });
    expect(label).toEqual(ownershipLabel({ instance: I, stack: 'prod', path: 'network/web-fw' }));
    expect(label.name).toMatch(/^prod\.network\.web-fw-[0-9a-f]{16}$/);
    expect(label.namespace).toBe(OWNER_NAMESPACE);
    expect(label.value).toBe(`${I} prod`);
    for (const path of ['x'.repeat(300), 'a:b/c;d', 'ü/"quoted"']) {
      const l = ownershipLabel({ instance: I, stack: 'st@ck', path });
      expect(isValidLabelName(l.name)).toBe(true);
      expect(parseStackInstanceTag(l.value)?.instance).toBe(I);
    }
    expect(stackInstanceTag(I, 'st@ck')).not.toBe(stackInstanceTag(I, 'st#ck'));
  });

  it('refuses an instance id that is not one', () => {
    expect(() => ownershipLabel({ instance: 'a b', stack: 's', path: 'p' })).toThrow(/stack instance id 'a b'/);
    expect(parseStackInstanceTag('')).toBeUndefined();
    expect(parseStackInstanceTag('short s')).toBeUndefined();
  });
});
