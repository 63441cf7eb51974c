// The Terraform resource name of an IMCO object's lifecycle resource, derived from its construct
// path. Pure: the constructs claim the name at synth (lib/constructs/registry.ts), and handlers use
// it to name the resource in hints such as `terraform apply -replace=…`.

/** A Terraform resource name from a construct path: `[A-Za-z0-9_-]`, starting with a letter or `_`. */
export function resourceNameOf(path: string): string {
  const clean = path.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
}
