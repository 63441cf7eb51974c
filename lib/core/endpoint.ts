// The IMCO endpoint rules of the `cio` CLI, the one implementation the client (discovery) and the
// constructs (synth-time discovery) share: only a plain https:// URL; trailing `/` stripped; `/v2`
// appended when the URL has no path. Callers phrase the faults in their own words.

/** An endpoint read from text: normalised, or what is wrong with it. */
export type EndpointReading =
  | { readonly endpoint: string; /** The path as given, without trailing `/` ('' when none). */ readonly pathname: string; readonly fault?: undefined }
  | {
      readonly endpoint?: undefined;
      readonly fault: 'not-url' | 'http' | 'scheme' | 'query' | 'credentials';
      /** The text, trimmed. */
      readonly given: string;
      /** For `http`: the https:// form to use instead. */
      readonly httpsForm?: string;
    };

/** Reads an endpoint like `cio`. */
export function readEndpoint(raw: string): EndpointReading {
  const given = raw.trim();
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { fault: 'not-url', given };
  }
  if (url.protocol === 'http:') return { fault: 'http', given, httpsForm: `https://${url.host}${url.pathname === '/' ? '' : url.pathname}` };
  if (url.protocol !== 'https:') return { fault: 'scheme', given };
  if (url.search || url.hash) return { fault: 'query', given };
  if (url.username || url.password) return { fault: 'credentials', given };
  const pathname = url.pathname.replace(/\/+$/, '');
  return { endpoint: `https://${url.host}${pathname === '' ? '/v2' : pathname}`, pathname };
}
