// Errors of the handlers and the client as Terraform diagnostics: one actionable line (the message
// is already one; handlers and client never put stack traces or key material in it), with the
// bridge-flavour advice reworded for provider users, and a hint when a wait ran out of time.
import type { AttributePath, Diagnostic } from '../resource-type';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Advice that names the provisioner flavour's CLI, in provider terms. */
function forProvider(message: string): string {
  return message.replace(
    /Adopt it with 'imco-bridge import \S+ ([^']+)'/,
    'Adopt it with an import block (import { to = <this resource address>, id = "$1" }) or terraform import',
  );
}

/** The attribute an IMCO validation error (422 with field errors) names, when it is one of `attributes`. */
function fieldPath(err: unknown, attributes: ReadonlySet<string>): AttributePath | undefined {
  const fields = (err as { fieldErrors?: Record<string, string[]> } | null)?.fieldErrors;
  const name = fields ? Object.keys(fields).find((f) => attributes.has(f)) : undefined;
  return name ? [{ attr: name }] : undefined;
}

/** One error diagnostic for a failed operation; `attributes` lets an IMCO field error carry its path. */
export function errorDiagnostic(err: unknown, attributes?: ReadonlySet<string>): Diagnostic {
  const attribute = attributes ? fieldPath(err, attributes) : undefined;
  const [first, ...rest] = forProvider(messageOf(err)).split('\n');
  const waitedTooLong = (err as { reason?: string } | null)?.reason === 'deadline';
  const detail = [
    ...rest.filter((l) => l.trim() !== ''),
    ...(waitedTooLong ? ['Allow longer with a timeouts block, e.g. timeouts { create = "30m" }.'] : []),
  ].join('\n');
  return { severity: 'error', summary: first, ...(detail ? { detail } : {}), ...(attribute ? { attribute } : {}) };
}
