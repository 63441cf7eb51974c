// The synth-time check of every variable the provisioners pass to imco-bridge: one over 100 KiB, or
// a provisioner whose variables add up to more than 1.5 MiB, fails validation naming the construct,
// the provisioner, the variable and what to change (Linux would refuse to start the provisioner).
import { Construct } from 'constructs';
import { TerraformStack, type LocalExecProvisioner } from 'cdktf';
import { FirewallProfile } from '../../lib/constructs';
import { environmentProblems, estimatedBytes, MAX_ENV_TOTAL_BYTES, MAX_ENV_VALUE_BYTES } from '../../lib/constructs/environment-size';
import { makeStack, resourcesOf, synthJson, validationErrors } from './helpers';

test('estimates: literal text as written, each live ${…} as a 36-byte id, escaped $${…} as text', () => {
  expect(estimatedBytes('abc')).toBe(3);
  expect(estimatedBytes('${terraform_data.some_long_resource_name.id}')).toBe(36);
  expect(estimatedBytes('x$${HOME}')).toBe(Buffer.byteLength('x$${HOME}'));
  expect(estimatedBytes('é')).toBe(2);
});

test('a stack of ordinary objects has no environment problem', () => {
  const { stack } = makeStack();
  new FirewallProfile(stack, 'fw', { name: 'fw', rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
  expect(validationErrors(stack)).toEqual([]);
});

test("lifecycle triggers over 100 KiB (a very long construct path): the delete provisioner's IMCO_BRIDGE_TRIGGERS is refused", () => {
  const { stack } = makeStack();
  const long = 'd'.repeat(60 * 1024);
  new FirewallProfile(new Construct(stack, long), 'fw', { name: 'fw' });
  const errors = validationErrors(stack)
    .filter((e) => e.includes('IMCO_BRIDGE_TRIGGERS'))
    .map((e) => e.split(long).join('<long>'));
  expect(errors).toEqual([
    expect.stringMatching(
      /^\[shop\/<long>\/fw\/Resource\] firewall profile '<long>\/fw': its provisioner 'imco-bridge delete' would pass IMCO_BRIDGE_TRIGGERS of 1\d\d KiB, more than the 100 KiB one environment variable may hold \(Linux refuses more than 128 KiB\); its identity and immutable properties \(the lifecycle triggers\) are too large: shorten the construct path and keep immutable properties small$/,
    ),
  ]);
});

test('a credential path over 100 KiB is refused on every provisioner that passes it, with the fix', () => {
  const { stack } = makeStack({ credentials: { caCertPath: `/certs/${'c'.repeat(101 * 1024)}.pem` } });
  new FirewallProfile(stack, 'fw', { name: 'fw' });
  const errors = validationErrors(stack);
  const fix = /would pass CONCERTO_CA_CERT of 102 KiB, more than the 100 KiB one environment variable may hold \(Linux refuses more than 128 KiB\); shorten the value given to ImcoSettings$/;
  expect(errors.length).toBeGreaterThanOrEqual(5); // create, delete, update; prune; sweep
  for (const e of errors) expect(e).toMatch(fix);
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^\[shop\/fw\/Resource\] firewall profile 'fw': its provisioner 'imco-bridge create'/),
      expect.stringMatching(/^\[shop\/fw\/Sync\] firewall profile 'fw': its provisioner 'imco-bridge update'/),
      expect.stringMatching(/^\[shop\/imco-prune\] the prune resource of stack 'shop': its provisioner 'imco-bridge prune'/),
      expect.stringMatching(/^\[shop\/imco-sweep\] the sweep resource of stack 'shop': its provisioner 'imco-bridge sweep'/),
    ]),
  );
});

test('a provisioner whose variables add up to more than 1.5 MiB is refused, though each one fits', () => {
  const { stack } = makeStack();
  new FirewallProfile(stack, 'fw', { name: 'fw' });
  const fw = stack.node.findChild('fw') as FirewallProfile;
  const count = Math.ceil(MAX_ENV_TOTAL_BYTES / MAX_ENV_VALUE_BYTES) + 1;
  const environment = Object.fromEntries(Array.from({ length: count }, (_, i) => [`V${i}`, 'v'.repeat(MAX_ENV_VALUE_BYTES - 10)]));
  const provisioner: LocalExecProvisioner = { type: 'local-exec', command: 'imco-bridge update', environment };
  const problems = environmentProblems(fw.syncResource, [provisioner], { subject: "firewall profile 'fw'", selfMaps: () => ({}) });
  expect(problems).toEqual([
    expect.stringMatching(
      /^firewall profile 'fw': its provisioner 'imco-bridge update' would pass \d+ KiB of environment variables, more than the 1536 KiB a provisioner can be given \(Linux refuses more than 2 MiB with Terraform's own environment\); make its largest values smaller$/,
    ),
  ]);
  expect(TerraformStack.of(fw)).toBe(stack);
});

test('the spec variable keeps its own message (checked by the object), not a second one', () => {
  const { stack } = makeStack();
  new FirewallProfile(stack, 'fw', { name: 'fw', description: 'x'.repeat(101 * 1024) });
  const errors = validationErrors(stack);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^\[shop\/fw\] firewall profile 'fw': its spec is 10\d KiB, more than the 100 KiB/);
  expect(Object.keys(resourcesOf(synthJson(stack), 'terraform_data'))).toEqual(['fw', 'fw_sync']);
});
