// Diagnostics as Terraform shows them: one line each, the attribute path in the protocol's form,
// never a stack trace (details go to stderr, Terraform's log, only when TF_LOG is set), and never
// key material (PEM blocks are cut out of every text).
import type { AttributePath, Diagnostic } from '../resource-type';

/** tfplugin6.AttributePath as a plain object for the encoder. */
export interface AttributePathMessage {
  steps: ({ attribute_name: string } | { element_key_int: number } | { element_key_string: string })[];
}

export interface DiagnosticMessage {
  severity: number;
  summary: string;
  detail: string;
  attribute?: AttributePathMessage;
}

const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g;

/** The text without PEM blocks (keys, certificates). */
export function redactPem(text: string): string {
  return text.replace(PEM, '[PEM block removed]');
}

/** The text without PEM blocks and without stack frames. */
export function scrub(text: string): string {
  return redactPem(text)
    .split('\n')
    .filter((l) => !/^\s+at\s/.test(l))
    .join('\n')
    .trim();
}

function oneLine(text: string): string {
  return scrub(text).split('\n')[0].trim();
}

export function attributePathMessage(path: AttributePath): AttributePathMessage {
  return {
    steps: path.map((s) => ('attr' in s ? { attribute_name: s.attr } : 'index' in s ? { element_key_int: s.index } : { element_key_string: s.key })),
  };
}

export function diagnosticMessage(d: Diagnostic): DiagnosticMessage {
  const out: DiagnosticMessage = {
    severity: d.severity === 'warning' ? 2 : 1,
    summary: oneLine(d.summary) || 'error',
    detail: d.detail ? scrub(d.detail) : '',
  };
  if (d.attribute && d.attribute.length > 0) out.attribute = attributePathMessage(d.attribute);
  return out;
}

export function diagnosticMessages(ds: readonly Diagnostic[] | undefined): DiagnosticMessage[] {
  return (ds ?? []).map(diagnosticMessage);
}

export function errorDiagnostic(summary: string, attribute?: AttributePath): Diagnostic {
  return { severity: 'error', summary, ...(attribute ? { attribute } : {}) };
}

/**
 * An exception thrown by a resource or the definition: one error diagnostic with its message
 * (prefixed by `where`). The stack goes to stderr only when TF_LOG is set.
 */
export function exceptionDiagnostic(err: unknown, where: string): Diagnostic {
  const message = err instanceof Error ? err.message : String(err);
  if (process.env.TF_LOG && err instanceof Error && err.stack) {
    process.stderr.write(`[DEBUG] ${where}: ${redactPem(err.stack).replace(/\n\s*/g, ' | ')}\n`);
  }
  const attribute = (err as { path?: AttributePath } | null)?.path;
  return errorDiagnostic(`${where}: ${oneLine(message) || 'failed'}`, Array.isArray(attribute) && attribute.length > 0 ? attribute : undefined);
}
