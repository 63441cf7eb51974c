// The synth-time check of what the provisioners hand to imco-bridge through their environment.
// Linux refuses to start a process with one variable over 128 KiB (MAX_ARG_STRLEN) or with more
// than ARG_MAX (2 MiB) of arguments and variables in all; Terraform then fails with `fork/exec
// /bin/sh: argument list too long`, and keeps failing on every later apply. Each variable of each
// handler resource's provisioners is estimated at synth (literal text as it is, a Terraform id as
// 36 bytes, a `self` map as the JSON of the map) and refused, naming the construct and the fix,
// when it could not be passed. The spec variable has its own message (ImcoObject).
import { TerraformStack, Token, type LocalExecProvisioner, type TerraformResource } from 'cdktf';
import { resolve } from 'cdktf/lib/_tokens';
import { OBJECT_CHUNK_ENV_PREFIX } from '../spec/object-chunks';
import { SPEC_ENV, TRIGGERS_ENV } from '../spec/spec';

/** Largest value of one variable the constructs pass (below Linux's 128 KiB, with room to spare). */
export const MAX_ENV_VALUE_BYTES = 100 * 1024;
/** Largest environment of one provisioner (ARG_MAX is 2 MiB; the rest is left to Terraform's own environment). */
export const MAX_ENV_TOTAL_BYTES = 1536 * 1024;
/** Bytes of a Terraform-generated id (a UUID). */
const ID_BYTES = 36;

export interface EnvironmentCheck {
  /** Who the messages name (`firewall profile 'network/web'`, `stack 'shop'`). */
  readonly subject: string;
  /** The maps a `${… self.… }` expression reads (the resource's triggers and input), unresolved. */
  readonly selfMaps: () => Readonly<Record<string, unknown>>;
  /** Bytes of variables the estimate cannot know from the text (computed at validation). */
  readonly bytes?: Readonly<Record<string, () => number>>;
  /** Variables checked elsewhere, counted only in the total. */
  readonly checkedElsewhere?: readonly string[];
}

/** Bytes Terraform will pass for `text` (escapes counted as written: never less than the truth). */
export function estimatedBytes(text: string): number {
  let bytes = Buffer.byteLength(text);
  const live = /(\$+)\{([^}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = live.exec(text))) {
    if (m[1].length % 2 === 1) bytes += ID_BYTES - Buffer.byteLength(`\${${m[2]}}`);
  }
  return Math.max(0, bytes);
}

function fixFor(name: string): string {
  if (name === TRIGGERS_ENV) return 'its identity and immutable properties (the lifecycle triggers) are too large: shorten the construct path and keep immutable properties small';
  if (name.startsWith(OBJECT_CHUNK_ENV_PREFIX)) return 'the stack declares too many objects: split them over several stacks';
  if (name.startsWith('CONCERTO_')) return 'shorten the value given to ImcoSettings';
  return 'make the value smaller';
}

const kib = (bytes: number): number => Math.ceil(bytes / 1024);

/** The problems of one resource's provisioner environments (empty when all fit). */
export function environmentProblems(
  resource: TerraformResource,
  provisioners: readonly LocalExecProvisioner[],
  check: EnvironmentCheck,
): string[] {
  const stack = TerraformStack.of(resource);
  const resolveText = (v: unknown): string => {
    const r = Token.isUnresolved(v) || typeof v !== 'string' ? resolve(stack, v) : v;
    return typeof r === 'string' ? r : JSON.stringify(r);
  };
  let selfBytes: number | undefined;
  const selfMapBytes = (): number => {
    if (selfBytes === undefined) {
      const resolved = resolve(stack, check.selfMaps()) as Record<string, unknown>;
      selfBytes = Object.entries(resolved).reduce(
        (n, [k, v]) => n + Buffer.byteLength(JSON.stringify(k)) + estimatedBytes(JSON.stringify(typeof v === 'string' ? v : JSON.stringify(v))) + 2,
        2,
      );
    }
    return selfBytes;
  };
  const problems: string[] = [];
  for (const p of provisioners) {
    const verb = resolveText(p.command).split(' ').pop();
    let total = 0;
    for (const [name, value] of Object.entries(p.environment ?? {})) {
      const text = resolveText(value);
      const bytes = check.bytes?.[name]?.() ?? (/\bself\./.test(text) ? selfMapBytes() : estimatedBytes(text));
      total += Buffer.byteLength(name) + 2 + bytes;
      if (bytes > MAX_ENV_VALUE_BYTES && !check.checkedElsewhere?.includes(name)) {
        problems.push(
          `${check.subject}: its provisioner 'imco-bridge ${verb}' would pass ${name} of ${kib(bytes)} KiB, more than the ` +
            `${kib(MAX_ENV_VALUE_BYTES)} KiB one environment variable may hold (Linux refuses more than 128 KiB); ${fixFor(name)}`,
        );
      }
    }
    if (total > MAX_ENV_TOTAL_BYTES) {
      problems.push(
        `${check.subject}: its provisioner 'imco-bridge ${verb}' would pass ${kib(total)} KiB of environment variables, more than ` +
          `the ${kib(MAX_ENV_TOTAL_BYTES)} KiB a provisioner can be given (Linux refuses more than 2 MiB with Terraform's own environment); ` +
          'make its largest values smaller',
      );
    }
  }
  return problems;
}

/** Variables of the spec, checked by ImcoObject with its own message. */
export const SPEC_VARIABLES: readonly string[] = [SPEC_ENV];
