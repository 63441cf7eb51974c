// `imco-bridge context fetch|refresh` resolution: a name IMCO does not know is reported per lookup,
// but a failing API (TLS, credentials, network) aborts the whole command with that one error —
// instead of repeating it as a "failed" line for every lookup, with nothing on stderr.
import { ImcoError } from '../../lib/client';
import type { BridgeApi, LiveObject } from '../../lib/handlers/api';
import { fetchQueries } from '../../lib/handlers/lookup-context';

function apiListing(list: (kind: string) => Promise<LiveObject[]>): BridgeApi {
  return { endpoint: 'https://imco.test/v2', list } as unknown as BridgeApi;
}

test('a lookup IMCO has no match for is reported for that lookup only', async () => {
  const api = apiListing(async () => [{ id: 'p1', name: 'AWS' }]);
  const out = await fetchQueries(api, [
    { kind: 'cloud_provider', name: 'AWS' },
    { kind: 'cloud_provider', name: 'Nimbus' },
  ]);
  expect(out['cloud_provider:name=AWS'].value?.id).toBe('p1');
  expect(out['cloud_provider:name=Nimbus'].error).toContain("'Nimbus' not found");
});

test('an API failure aborts the fetch with that error, once', async () => {
  const tls = new ImcoError('IMCO GET /cloud/cloud_providers: TLS handshake with imco.test failed: the server certificate has expired', { code: 'tls' });
  let calls = 0;
  const api = apiListing(async () => {
    calls++;
    throw tls;
  });
  await expect(
    fetchQueries(api, [
      { kind: 'cloud_provider', name: 'AWS' },
      { kind: 'saas_provider', name: 'New Relic' },
    ]),
  ).rejects.toBe(tls);
  expect(calls).toBe(1);
});
