// Unit tests of routing: version prefixes, trailing slashes, literal-over-parameter precedence,
// 404 and 405 answers.
import { ApiError } from '../../lib/emulator/http-errors';
import { apiRelativePath, Router } from '../../lib/emulator/router';

function router(): Router<string> {
  const r = new Router<string>();
  r.add('GET', '/blueprint/templates/{template_id}/scripts/{id}', 'show-script');
  r.add('PUT', '/blueprint/templates/{template_id}/scripts/{id}', 'update-script');
  r.add('PUT', '/blueprint/templates/{template_id}/scripts/reorder', 'reorder');
  r.add('GET', '/cloud/servers', 'list');
  r.add('POST', '/cloud/servers/', 'create');
  return r;
}

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected an error');
}

it('maps /v2 and /v3 paths to API-relative paths and drops trailing slashes', () => {
  expect(apiRelativePath('/v2/cloud/servers/')).toBe('/cloud/servers');
  expect(apiRelativePath('/v3/cloud/servers')).toBe('/cloud/servers');
  expect(apiRelativePath('/v2')).toBe('/');
  expect(apiRelativePath('/v2x/cloud')).toBeUndefined();
  expect(apiRelativePath('/cloud/servers')).toBeUndefined();
});

it('prefers literal segments over parameters', () => {
  const r = router();
  expect(r.resolve('PUT', '/blueprint/templates/t1/scripts/reorder').handler).toBe('reorder');
  expect(r.resolve('PUT', '/blueprint/templates/t1/scripts/s1')).toMatchObject({ handler: 'update-script', params: { template_id: 't1', id: 's1' } });
  expect(r.resolve('GET', '/blueprint/templates/t1/scripts/reorder').handler).toBe('show-script');
  expect(r.resolve('POST', '/cloud/servers').handler).toBe('create');
});

it('answers 405 with Allow for a known path and 404 for an unknown one', () => {
  const r = router();
  const wrongMethod = errorOf(() => r.resolve('DELETE', '/cloud/servers'));
  expect(wrongMethod.status).toBe(405);
  expect(wrongMethod.headers.Allow).toBe('GET, POST');
  expect(wrongMethod.body).toEqual({ error: expect.stringContaining('DELETE') });
  const unknown = errorOf(() => r.resolve('GET', '/cloud/nothing'));
  expect(unknown.status).toBe(404);
  expect(unknown.body).toEqual({ error: expect.stringContaining('/cloud/nothing') });
  expect(errorOf(() => r.resolve('GET', '/cloud/servers/%zz/x')).status).toBe(404);
});

it('refuses to register the same route twice', () => {
  expect(() => router().add('GET', '/cloud/servers/', 'again')).toThrow(/registered twice/);
});
