// An optional list IMCO gives as empty when a create leaves it out (a firewall profile's rules),
// pure: IMCO's `null` or `[]` reads back as `[]`, a state that holds null reads as IMCO has it,
// and `rules = []` or a left-out `rules` both plan no change against it; left out on a profile
// with rules clears them, as before.
import { kindSpec } from '../../../lib/catalog';
import type { TfObject } from '../../../lib/provider/resource-type';
import { planResource } from '../../../lib/provider/resources/plan';
import { kindModel } from '../../../lib/provider/resources/schema';
import { stateFromLive } from '../../../lib/provider/resources/state';

const model = kindModel(kindSpec('firewall_profile'));
const ENDPOINT = 'https://imco.example/v2';
const rule = { ip_protocol: 'tcp', min_port: 22, max_port: 22, source: '0.0.0.0/0' };

function full(values: TfObject): TfObject {
  const out: TfObject = { timeouts: null };
  for (const a of model.schema.attributes) out[a.name] = null;
  return { ...out, ...values };
}

/** Terraform's proposed new state: the configuration, with the prior value of computed attributes left out. */
function proposed(prior: TfObject | null, config: TfObject): TfObject {
  const out: TfObject = { ...config };
  for (const a of model.schema.attributes) if (a.computed && (config[a.name] === null || config[a.name] === undefined)) out[a.name] = prior ? prior[a.name] : null;
  return out;
}

function planOf(prior: TfObject, config: TfObject) {
  const res = planResource(model, { prior, proposed: proposed(prior, config), config });
  expect(res.diagnostics?.filter((d) => d.severity === 'error')).toEqual([]);
  return res;
}

test.each([
  ['IMCO answers rules: null', null],
  ['IMCO answers rules: []', []],
  ['IMCO leaves rules out', undefined],
])('%s: a read (after an import, or of a state holding null) gives [], and rules = [] or left out plans no change', (_what, answer) => {
  const live = { id: 'fw1', name: 'web', description: 'd', default: false, ...(answer === undefined ? {} : { rules: answer }) };
  for (const prior of [null, full({ id: 'fw1', name: 'web', description: 'd', endpoint: ENDPOINT, rules: null })]) {
    const read = stateFromLive(model, live as never, prior, ENDPOINT);
    expect(read.rules).toEqual([]);
    for (const rules of [[], null]) {
      const res = planOf(read, full({ name: 'web', description: 'd', rules }));
      expect(res.planned!.rules).toEqual(read.rules);
    }
  }
});

test('rules left out of the configuration of a profile with rules: the plan clears them ([])', () => {
  const state = full({ id: 'fw1', name: 'web', description: 'd', endpoint: ENDPOINT, rules: [rule] });
  expect(planOf(state, full({ name: 'web', description: 'd', rules: null })).planned!.rules).toEqual([]);
});

test('a create that leaves rules out plans [] (known), not an unknown value', () => {
  const config = full({ name: 'web', description: 'd', rules: null });
  expect(planResource(model, { prior: null, proposed: proposed(null, config), config }).planned!.rules).toEqual([]);
});

test('rules is optional and computed in the schema', () => {
  expect(model.schema.attributes.find((a) => a.name === 'rules')).toMatchObject({ optional: true, computed: true });
});
