// RemovedImcoObject: the `removed` block that lets Terraform run imco-bridge delete for a construct
// taken out of the program (a removed resource block's own destroy provisioner never runs).
import { FirewallProfile, RemovedImcoObject, type HandlerFlavour } from '../../lib/constructs';
import { makeStack, synthJson, validationErrors } from './helpers';

describe.each<HandlerFlavour>(['terraform_data', 'null_resource'])('%s flavour', (flavour) => {
  test('emits one removed block per tombstone with the delete provisioner reading only self', () => {
    const { stack } = makeStack({ flavour, credentials: { configPath: '/etc/imco/client.xml' } });
    new RemovedImcoObject(stack, 'gone-web', { path: 'network/web' });
    new RemovedImcoObject(stack, 'gone-db', { path: '/db/' });
    const json = synthJson(stack);
    const triggers = flavour === 'terraform_data' ? '${jsonencode(merge(self.triggers_replace, self.input))}' : '${jsonencode(self.triggers)}';
    const provisioner = {
      'local-exec': {
        when: 'destroy',
        command: 'imco-bridge delete',
        environment: {
          CONCERTO_CONFIG: '/etc/imco/client.xml',
          CONCERTO_ENDPOINT: 'https://imco.test:886/v2',
          IMCO_BRIDGE_TRIGGERS: triggers,
          // The stack instance whose ownership label the delete looks for.
          IMCO_STACK_INSTANCE: expect.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
        },
      },
    };
    expect(json.removed).toEqual([
      { from: `${flavour}.network_web`, lifecycle: { destroy: true }, provisioner: [provisioner] },
      { from: `${flavour}.db`, lifecycle: { destroy: true }, provisioner: [provisioner] },
    ]);
    expect(validationErrors(stack)).toEqual([]);
  });
});

test('a tombstone for a construct that is still declared is an error', () => {
  const { stack } = makeStack();
  new FirewallProfile(stack, 'fw', { name: 'fw' });
  new RemovedImcoObject(stack, 'gone', { path: 'fw' });
  expect(validationErrors(stack)).toEqual([
    "[shop/gone] RemovedImcoObject 'fw': 'shop/fw' is still declared with that resource name; remove the construct, or this tombstone",
  ]);
});
