// Terraform template escaping for everything the constructs write into `cdk.tf.json`: literal user
// text must never be interpolated by Terraform (`${` → `$${`, `%{` → `%%{`), while our own
// expressions (`${self.id}`, cdktf tokens of other resources) stay live.
import { randomBytes } from 'node:crypto';
import { Token } from 'cdktf';

/** Escapes literal text so that Terraform's template engine yields it unchanged. */
export function escapeTemplate(text: string): string {
  // Replacement functions: in a replacement *string*, `$$` would mean a single `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * JSON-encodes `value` for a Terraform string attribute: all literal text is escaped; strings for
 * which `isLive` answers true (cdktf tokens such as another resource's `.id`) are spliced in
 * unescaped so that Terraform resolves them.
 */
export function jsonForTerraform(value: unknown, isLive: (text: string) => boolean = (t) => Token.isUnresolved(t)): string {
  const nonce = randomBytes(8).toString('hex');
  const live: string[] = [];
  const placeholder = (i: number): string => `@@imco-live-${nonce}-${i}@@`;
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!isLive(v)) return v;
      live.push(v);
      return placeholder(live.length - 1);
    }
    if (Array.isArray(v)) return v.map(swap);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, swap(x)]));
    }
    return v;
  };
  let text = escapeTemplate(JSON.stringify(swap(value)));
  live.forEach((token, i) => {
    text = text.split(placeholder(i)).join(token);
  });
  return text;
}

/** Quotes a word for the POSIX shell that runs local-exec commands (double quotes, escaped). */
export function shellQuote(word: string): string {
  return `"${word.replace(/(["\\$`])/g, '\\$1')}"`;
}
