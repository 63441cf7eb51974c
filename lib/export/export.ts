// `imco-bridge export`: reads the estate no stack owns, writes it as a CDKTF app (lib/scaffold/app.ts)
// whose main.ts adopts every object through import blocks, with the resolved lookups as the app's
// imco.context.json, and returns the summary.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BridgeApi } from '../handlers/api';
import { writeApp } from '../scaffold/app';
import { CONTEXT_FILE_NAME } from '../synth/context-file';
import { kindSpec } from '../catalog';
import { lookupExportOf } from '../kinds/export-hooks';
import { readEstate, unadoptedParts, type EstateObject } from './estate';
import { EstateLookups, type LookupCode } from './lookups';
import { renderApp } from './render';
import { summaryLines, type ExportSummary } from './summary';

export interface ExportOptions {
  readonly out: string;
  readonly stack: string;
  readonly kinds?: readonly string[];
  readonly nameFilter?: RegExp;
  /** package.json's dependency on imco-cdktf. @default `^<this version>` */
  readonly imcoCdktfSpec?: string;
  readonly force?: boolean;
  readonly progress?: (line: string) => void;
}

export interface ExportResult extends ExportSummary {
  readonly files: readonly string[];
  readonly lines: readonly string[];
}

/**
 * The lookups of the catalogue entries the objects name: each create field of an exported kind
 * that refers to a kind with a lookup export (lib/kinds/export-hooks.ts). Response-only references
 * (a volume's realm, computed from its plan) are not configured, so not looked up.
 */
async function resolveLookups(api: BridgeApi, objects: readonly EstateObject[]): Promise<{ codes: Map<string, LookupCode>; lookups: EstateLookups }> {
  const lookups = new EstateLookups(api);
  const codes = new Map<string, LookupCode>();
  for (const o of objects) {
    for (const field of kindSpec(o.kind).createFields) {
      const id = o.live[field.name];
      if (!field.ref || !lookupExportOf(field.ref) || typeof id !== 'string' || id === '') continue;
      codes.set(`${field.ref}:${id}`, await lookups.of(field.ref, id));
    }
  }
  return { codes, lookups };
}

export async function exportEstate(api: BridgeApi, options: ExportOptions): Promise<ExportResult> {
  const progress = options.progress ?? (() => undefined);
  const estate = await readEstate(api, { kinds: options.kinds, nameFilter: options.nameFilter, progress });
  progress(`resolving lookups of ${estate.objects.length} object(s)`);
  const { codes, lookups } = await resolveLookups(api, estate.objects);
  const rendered = renderApp({ stack: options.stack, endpoint: api.endpoint, objects: estate.objects, lookups: codes });
  const summary: ExportSummary = {
    exported: rendered.exported,
    skipped: [...estate.skipped, ...rendered.skipped, ...unadoptedParts(rendered.exported)],
    secrets: rendered.secrets,
  };
  const lines = summaryLines(summary);
  const files = writeApp(options.out, { mainTs: rendered.mainTs, readme: readmeText(options, lines), imcoCdktfSpec: options.imcoCdktfSpec }, { force: options.force });
  const context = join(options.out, CONTEXT_FILE_NAME);
  writeFileSync(context, `${JSON.stringify({ lookups: sortedEntries(lookups.context) }, null, 2)}\n`);
  return { ...summary, files: [...files, context], lines };
}

function sortedEntries<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

function readmeText(options: ExportOptions, lines: readonly string[]): string {
  return [
    `# ${options.stack}`,
    '',
    'An existing IMCO estate, exported by `imco-bridge export`: every construct in `main.ts` adopts its',
    'object through an import block, so the first apply imports everything and changes nothing.',
    '',
    '```sh',
    'npm install',
    '# set the secrets listed below, and the IMCO credentials (CONCERTO_* or ~/.concerto/client.xml)',
    'npx cdktf synth',
    `cd cdktf.out/stacks/${options.stack} && terraform init && terraform plan   # imports only`,
    'terraform apply   # adopts them; the next plan attaches the ownership labels and shows no changes',
    '```',
    '',
    '## Export summary',
    '',
    '```',
    ...lines,
    '```',
    '',
  ].join('\n');
}
