// The exported app's main.ts: one TypeScript stack with a construct per adopted object (props from
// the live object, references between exported objects as construct references, catalogue entries
// as lookups), each adopting its IMCO id through `importFrom`. Pure: the estate and the resolved
// lookups in, the text and what was left out out.
import type { EstateObject, SkippedObject } from './estate';
import { exportTableOf } from '../kinds/export-hooks';
import { attachedConstruct, parentConstruct, type KindExport, type RenderContext } from './kind-export';
import type { LookupCode } from './lookups';
import { VariableNames, constructIds } from './names';

/** A secret IMCO does not return: the environment variable the app reads it from. */
export interface SecretPlaceholder {
  readonly variable: string;
  readonly construct: string;
  readonly what: string;
}

export interface RenderInput {
  readonly stack: string;
  readonly endpoint: string;
  readonly objects: readonly EstateObject[];
  /** Lookup code by `<kind>:<id>`. */
  readonly lookups: ReadonlyMap<string, LookupCode>;
}

export interface RenderedApp {
  readonly mainTs: string;
  readonly exported: readonly EstateObject[];
  readonly skipped: readonly SkippedObject[];
  readonly secrets: readonly SecretPlaceholder[];
}

const literal = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

function constructLines(className: string, variable: string, id: string, props: readonly (readonly [string, string])[], importCall: string): string[] {
  return [
    `    const ${variable} = new ${className}(this, ${literal(id)}, {`,
    ...props.map(([name, value]) => `      ${name}: ${value},`),
    `    }).${importCall};`,
  ];
}

/**
 * The table's code, with the parent's construct first and the construct the object is attached to
 * last when the table names those props; an object without them exported is skipped.
 */
function withReferences(table: KindExport, o: EstateObject, ctx: RenderContext): ReturnType<KindExport['render']> {
  const parent = table.parentProp ? parentConstruct(o, ctx) : undefined;
  if (parent && 'skip' in parent) return parent;
  const attached = table.attachedProp ? attachedConstruct(o, ctx, table.attachedProp) : { props: [] };
  if ('skip' in attached) return attached;
  const code = table.render(o, ctx);
  if ('skip' in code) return code;
  const first: (readonly [string, string])[] = parent && table.parentProp ? [[table.parentProp, parent.ref]] : [];
  return { ...code, props: [...first, ...code.props, ...attached.props] };
}

/** Renders the stack; objects whose table cannot express them (or what they refer to) are skipped. */
export function renderApp(input: RenderInput): RenderedApp {
  const ids = constructIds(input.objects);
  const variables = new VariableNames();
  const exportedVars = new Map<string, string>();
  const classes = new Set<string>(['ImcoSettings']);
  const lookupVars = new Map<string, string>();
  const lookupLines: string[] = [];
  const body: string[] = [];
  const exported: EstateObject[] = [];
  const skipped: SkippedObject[] = [];
  const secrets: SecretPlaceholder[] = [];
  let current = '';
  const ctx: RenderContext = {
    ref: (kind, id) => exportedVars.get(`${kind}:${String(id)}`),
    refOrId: (kind, id) => exportedVars.get(`${kind}:${String(id)}`) ?? literal(String(id)),
    lookup: (kind, id) => {
      const key = `${kind}:${String(id)}`;
      const code = input.lookups.get(key);
      if (!code) return `${literal(String(id))} /* ${kind.replace(/_/g, ' ')} */`;
      if (!code.className) return code.expression;
      let variable = lookupVars.get(key);
      if (!variable) {
        variable = variables.take(code.stem);
        lookupVars.set(key, variable);
        classes.add(code.className);
        lookupLines.push(`    const ${variable} = ${code.expression};`);
      }
      return variable;
    },
    secret: (field, what, format) => {
      const variable = `IMCO_${current}_${field}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
      secrets.push({ variable, construct: current, what });
      classes.add('Secret');
      return `Secret.fromEnv(${literal(variable)}${format ? `, { format: ${literal(format)} }` : ''})`;
    },
    literal,
  };
  let section = '';
  for (const o of input.objects) {
    const table = exportTableOf(o.kind);
    if (!table) continue;
    current = ids.get(o.id)!;
    const secretsBefore = secrets.length;
    const code = withReferences(table, o, ctx);
    if ('skip' in code) {
      secrets.length = secretsBefore;
      skipped.push({ kind: o.kind, id: o.id, name: o.name, reason: code.skip });
      continue;
    }
    const variable = variables.take(current);
    exportedVars.set(`${o.kind}:${o.id}`, variable);
    classes.add(table.className);
    if (section !== o.kind) {
      section = o.kind;
      body.push('', `    // ${o.kind.replace(/_/g, ' ')}s`);
    }
    const parts = code.partIds && code.partIds.length > 0 ? `, ${literal(code.partIds)}` : '';
    body.push(...constructLines(table.className, variable, current, code.props, `importFrom(${literal(code.importId)}${parts})`));
    exported.push(o);
  }
  return { mainTs: mainText(input, [...classes].sort(), lookupLines, body), exported, skipped, secrets };
}

function mainText(input: RenderInput, classes: readonly string[], lookupLines: readonly string[], body: readonly string[]): string {
  return [
    `// ${input.stack}: the IMCO estate of ${input.endpoint}, exported by \`imco-bridge export\`.`,
    '// Every construct adopts its existing object through an import block (importFrom): the first',
    '// `terraform apply` imports them and changes nothing; the next plan attaches the ownership labels.',
    '// Set the secrets the API does not return before synth (see README.md).',
    "import { App, TerraformStack } from 'cdktf';",
    "import type { Construct } from 'constructs';",
    `import { ${classes.join(', ')} } from 'imco-cdktf';`,
    '',
    'export class ExportedEstate extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    "    new ImcoSettings(this, 'imco');",
    ...(lookupLines.length > 0 ? ['', '    // lookups (resolved in imco.context.json)', ...lookupLines] : []),
    ...body,
    '  }',
    '}',
    '',
    'const app = new App();',
    `new ExportedEstate(app, ${literal(input.stack)});`,
    'app.synth();',
    '',
  ].join('\n');
}
