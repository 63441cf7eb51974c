// Reading the `client.xml` of the official `cio` CLI (root `<concerto server="…">` with a child
// `<ssl cert="…" key="…" server_ca="…"/>`): XML entities, attributes, the full set of values (the
// client's discovery, lib/client/config.ts) and the root's `server` alone (the constructs'
// synth-time endpoint discovery, lib/constructs/endpoint.ts). No certificate or key is read here.

/** Values read from a `client.xml` (attributes of `<concerto>` and `<concerto><ssl>`). */
export interface ClientXmlValues {
  readonly server?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly serverCa?: string;
}

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower];
  });
}

function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) attrs[m[1]] = decodeXmlEntities(m[3] ?? m[4] ?? '');
  return attrs;
}

/** The attributes of the `<ssl>` child of the root, reading on from `from` (just after the root tag). */
function sslAttributes(text: string, from: number): Record<string, string> {
  let ssl: Record<string, string> = {};
  let depth = 1;
  let m: RegExpExecArray | null;
  const anyTag = /<\s*(\/?)\s*([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  anyTag.lastIndex = from;
  while ((m = anyTag.exec(text)) && depth > 0) {
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (closing) depth -= 1;
    else {
      if (depth === 1 && m[2] === 'ssl') ssl = parseAttributes(m[3]);
      if (!selfClosing) depth += 1;
    }
  }
  return ssl;
}

/** The values of a `client.xml`; undefined when its root element is not `<concerto>`. */
export function readClientXml(xml: string): ClientXmlValues | undefined {
  const withoutNoise = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^>]*>/gi, '');
  const tagRe = /<\s*([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const first = tagRe.exec(withoutNoise);
  if (!first || first[1] !== 'concerto' || withoutNoise.slice(0, first.index).trim() !== '') return undefined;
  const root = parseAttributes(first[2]);
  const ssl = first[3] !== '/' ? sslAttributes(withoutNoise, tagRe.lastIndex) : {};
  const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);
  return { server: nonEmpty(root.server), cert: nonEmpty(ssl.cert), key: nonEmpty(ssl.key), serverCa: nonEmpty(ssl.server_ca) };
}

/** The `server` attribute of the `<concerto>` element of a client.xml, if any (a lenient read). */
export function serverOfClientXml(xml: string): string | undefined {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  const root = /<\s*concerto\b([^>]*)>/.exec(text);
  if (!root) return undefined;
  const attr = /(?:^|\s)server\s*=\s*("([^"]*)"|'([^']*)')/.exec(root[1]);
  const value = attr ? decodeXmlEntities(attr[2] ?? attr[3] ?? '').trim() : '';
  return value === '' ? undefined : value;
}
