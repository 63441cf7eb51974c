// The spec-too-big message fits the kind (issue 13 item 10): 2,000 firewall rules are told to merge
// or split over several profiles (with how many fit), not to use script attachments; a template's
// configuration attributes go to a cookbook; a script's code still goes to attachments.
import { FirewallProfile, Script, Template, type FirewallRule } from '../../lib/constructs';
import { makeStack, validationErrors } from './helpers';

const rules = (n: number): FirewallRule[] =>
  Array.from({ length: n }, (_, i) => ({ protocol: 'tcp', port: 1000 + i, source: `10.${(i >> 8) & 255}.${i & 255}.0/24` }));

test('2,000 firewall rules: merge them or split them over several profiles, with how many fit in one', () => {
  const { stack } = makeStack();
  new FirewallProfile(stack, 'fw', { name: 'fw', rules: rules(2000) });
  const [error, ...more] = validationErrors(stack);
  expect(more).toEqual([]);
  expect(error).toMatch(
    /^\[shop\/fw\] firewall profile 'fw': its spec is \d+ KiB, more than the 100 KiB that fit in a provisioner's environment; its 2000 rules are too many for one firewall profile here — merge rules into port ranges \(fromPort\/toPort\) and wider source CIDRs, or split them over several FirewallProfiles \(about \d+ rules like these fit in one\)$/,
  );
  expect(error).not.toContain('attachment');
  // The estimate holds: that many rules of the same shape do fit in one profile.
  const fit = Number(/about (\d+) rules/.exec(error)?.[1]);
  expect(fit).toBeGreaterThan(100);
  expect(fit).toBeLessThan(2000);
  const again = makeStack().stack;
  new FirewallProfile(again, 'fw', { name: 'fw', rules: rules(fit) });
  expect(validationErrors(again)).toEqual([]);
});

test("a template's big configuration attributes: move bulk data into a cookbook", () => {
  const { stack } = makeStack();
  new Template(stack, 'tpl', { name: 'tpl', genericImage: 'img-1', configurationAttributes: { blob: 'x'.repeat(101 * 1024) } });
  expect(validationErrors(stack)).toEqual([
    expect.stringMatching(/its configuration attributes are too large — keep them small and move bulk data into a cookbook \(its attributes or files\), uploaded from disk$/),
  ]);
});

test("a script's big code: ship it as attachments", () => {
  const { stack } = makeStack();
  new Script(stack, 'big', { name: 'big', code: 'x'.repeat(101 * 1024) });
  expect(validationErrors(stack)).toEqual([expect.stringContaining('ship big files as script attachments')]);
});
