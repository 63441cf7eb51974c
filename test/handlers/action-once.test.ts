// Non-idempotent actions (POST process, POST enlarge) whose answer is lost: repeated only when the
// re-read object shows they did not take effect.
import type { BridgeApi, LiveObject } from '../../lib/handlers/api';
import { actionOnce, makeInvocationContext } from '../../lib/handlers/invocation-context';

function lostAnswerApi(stateAfter: string): { api: BridgeApi; calls: string[] } {
  const calls: string[] = [];
  let first = true;
  const api = {
    endpoint: 'https://imco.test/v2',
    action: async (_kind: string, name: string) => {
      calls.push(name);
      if (first) {
        first = false;
        throw Object.assign(new Error('IMCO POST …/process: outcome unknown'), { code: 'outcome_unknown' });
      }
      return {};
    },
    show: async (_kind: string, id: string): Promise<LiveObject> => ({ id, state: stateAfter }),
  } as unknown as BridgeApi;
  return { api, calls };
}

const spec = {
  version: 1, kind: 'cookbook_version', stack: 's', path: 'cb', endpoint: 'https://imco.test/v2',
  self: { kind: 'cookbook_version', owner: 's.cb' }, fields: {}, extras: {}, timeoutSeconds: 5,
};

test('a lost answer of an action that took effect is not sent again', async () => {
  const { api, calls } = lostAnswerApi('processing');
  await actionOnce(makeInvocationContext(spec, api, () => undefined), 'cookbook_version', 'process', 'c1', {}, (o) => o.state !== 'created');
  expect(calls).toEqual(['process']);
});

test('a lost answer of an action that did not take effect is sent again, once', async () => {
  const { api, calls } = lostAnswerApi('created');
  const lines: string[] = [];
  await actionOnce(makeInvocationContext(spec, api, (l) => lines.push(l)), 'cookbook_version', 'process', 'c1', {}, (o) => o.state !== 'created');
  expect(calls).toEqual(['process', 'process']);
  expect(lines.join('\n')).toContain('the answer to process was lost and it did not take effect; sending it again');
});
