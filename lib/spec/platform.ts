// Platform identity: which IMCO platform an endpoint names. `/v2` and `/v3` are two API paths of
// one platform (IMCO serves both), so `https://h:886/v2` and `https://h:886/v3/` are the same
// platform, and objects created through one are managed through the other. A lifecycle resource
// records the endpoint text it was created with, and a change of that text replaces it: the delete
// of such a replacement refuses until `imco-bridge repoint` (lib/cli/repoint.ts) records the new
// text in the state, so re-pointing never re-creates objects.

/** The platform an endpoint names: scheme, lower-case host, port (443 left out), path without `/v2`/`/v3`. */
export function platformIdentity(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return endpoint.trim().replace(/\/+$/, '');
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v[23]$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

/** True when two endpoints name the same platform (the `/v2`↔`/v3` alias and trailing `/` ignored). */
export function samePlatform(a: string, b: string): boolean {
  return platformIdentity(a) === platformIdentity(b);
}

/** True when two endpoints are the same text, but for trailing slashes. */
export function sameEndpoint(a: string, b: string): boolean {
  return a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');
}
