// imco_cookbook_version's provider hooks: `archive` (a cookbook directory or .tar.gz) with its
// digest `archive_sha256`; either changing replaces the version. The handlers get the archive as
// the spec extra `archive` (name, path, digest).
import { cookbookName } from '../../spec/cookbook-name';
import { fileHooks } from '../../provider/resources/file-hooks';
import { type ProviderHooks, NO_PROVIDER_HOOKS } from '../../provider/resources/kind-hooks';

export const cookbookVersionProviderHooks: ProviderHooks = {
  ...NO_PROVIDER_HOOKS,
  ...fileHooks('archive', 'archive_sha256', 'cookbook directory or .tar.gz archive'),
  specExtras: (v) => {
    const path = String(v.archive);
    return { archive: { name: cookbookName(path), path, sha256: String(v.archive_sha256 ?? '') } };
  },
};
