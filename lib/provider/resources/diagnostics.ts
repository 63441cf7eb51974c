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

/** One error diagnostic for a failed operation. */
export function errorDiagnostic(err: unknown, attribute?: AttributePath): Diagnostic {
  const [first, ...rest] = forProvider(messageOf(err)).split('\n');
  const waitedTooLong = (err as { reason?: string } | null)?.reason === 'deadline';
  const detail = [
    ...rest.filter((l) => l.trim() !== ''),
    ...(waitedTooLong ? ['Allow longer with a timeouts block, e.g. timeouts { create = "30m" }.'] : []),
  ].join('\n');
  return { severity: 'error', summary: first, ...(detail ? { detail } : {}), ...(attribute ? { attribute } : {}) };
}
