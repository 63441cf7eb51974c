// Routing: maps `METHOD /v2/path` to a handler. Paths live under `/v2` (and `/v3` as an alias),
// a trailing slash is ignored, literal segments win over `{param}` segments, and the answer for a
// known path with an unknown method is 405 (with Allow), for an unknown path 404.
import { methodNotAllowed, notFound } from './http-errors';

export type RouteParams = Readonly<Record<string, string>>;

interface Route<H> {
  readonly template: string;
  readonly segments: readonly string[];
  readonly methods: Map<string, H>;
}

export type RouteResult<H> = { readonly handler: H; readonly params: RouteParams; readonly template: string };

export const API_PREFIXES = ['/v2', '/v3'] as const;

/** The API-relative path (`/cloud/servers`), or undefined when the URL is not under /v2 or /v3. */
export function apiRelativePath(pathname: string): string | undefined {
  for (const prefix of API_PREFIXES) {
    if (pathname === prefix || pathname === prefix + '/') return '/';
    if (pathname.startsWith(prefix + '/')) {
      const rest = pathname.slice(prefix.length).replace(/\/+$/, '');
      return rest === '' ? '/' : rest;
    }
  }
  return undefined;
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** Orders templates so that, segment by segment, a literal comes before a parameter. */
function specificity(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const pa = isParam(a[i]) ? 1 : 0;
    const pb = isParam(b[i]) ? 1 : 0;
    if (pa !== pb) return pa - pb;
  }
  return a.length - b.length;
}

export class Router<H> {
  private routes: Route<H>[] = [];

  /** Registers `method template`; registering the same pair twice is a programming error. */
  add(method: string, template: string, handler: H): void {
    const normalised = template.replace(/\/+$/, '') || '/';
    let route = this.routes.find((r) => r.template === normalised);
    if (!route) {
      route = { template: normalised, segments: normalised.split('/').filter(Boolean), methods: new Map() };
      this.routes.push(route);
      this.routes.sort((a, b) => specificity(a.segments, b.segments));
    }
    if (route.methods.has(method)) throw new Error(`route ${method} ${normalised} registered twice`);
    route.methods.set(method, handler);
  }

  has(method: string, template: string): boolean {
    return this.routes.some((r) => r.template === template && r.methods.has(method));
  }

  /** Finds the handler for an API-relative path; throws 404/405 ApiErrors. */
  resolve(method: string, path: string, displayPath: string = path): RouteResult<H> {
    let segments: string[];
    try {
      segments = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
    } catch {
      throw notFound(`no such path: ${displayPath} (malformed percent-encoding)`);
    }
    const allowed = new Set<string>();
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let matches = true;
      for (let i = 0; i < segments.length && matches; i++) {
        const seg = route.segments[i];
        if (isParam(seg)) params[seg.slice(1, -1)] = segments[i];
        else matches = seg === segments[i];
      }
      if (!matches) continue;
      const handler = route.methods.get(method);
      if (handler) return { handler, params, template: route.template };
      route.methods.forEach((_h, m) => allowed.add(m));
    }
    if (allowed.size > 0) throw methodNotAllowed(method, displayPath, [...allowed].sort());
    throw notFound(`no such path: ${displayPath}; see the IMCO API v2 reference §3 for the endpoints`);
  }

  templates(): { method: string; template: string }[] {
    return this.routes.flatMap((r) => [...r.methods.keys()].map((method) => ({ method, template: r.template })));
  }
}
