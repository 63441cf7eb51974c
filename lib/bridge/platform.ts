// Platform identity: which IMCO platform an endpoint names. `/v2` and `/v3` are two API paths of
// one platform (IMCO serves both), so `https://h:886/v2` and `https://h:886/v3/` are the same
// platform, and objects created through one are managed through the other. Another host or port
// is another address: the handlers refuse it until `imco-bridge repoint` records it (lib/cli/repoint.ts).

/** Environment variable with the endpoint an object was created on, as its lifecycle resource keeps it. */
export const RECORDED_ENDPOINT_ENV = 'IMCO_BRIDGE_RECORDED_ENDPOINT';

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
