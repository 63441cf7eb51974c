// CookbookVersion: a labelable uploaded cookbook version (API reference §4.4), built from a local
// cookbook directory or taken from a .tar.gz file. IMCO cannot update one: the content digest is an
// immutable trigger, so a content change replaces (re-uploads) it.
import { basename, join } from 'node:path';
import type { Construct } from 'constructs';
import { contentDigest } from '../../spec/archive';
import { metadataName } from '../../spec/cookbook-name';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { absolutePath, pathKind } from '../../constructs/files';

export interface CookbookVersionProps extends ImcoObjectProps {
  /**
   * A cookbook directory (with metadata.rb or metadata.json; the handler packs it) or a ready
   * `.tar.gz` / `.tgz` archive. Relative paths are resolved against the current directory.
   */
  readonly source: string;
}

/** Cookbook names as IMCO accepts them in templates. */
export const COOKBOOK_NAME = /^[A-Za-z0-9_-]+$/;

/** A custom cookbook version uploaded to IMCO. */
export class CookbookVersion extends ImcoObject {
  /** The cookbook's name (from its metadata; else the directory or archive name). */
  readonly cookbookName: string;
  /** Whether the name comes from the cookbook's metadata. */
  readonly nameFromMetadata: boolean;

  constructor(scope: Construct, id: string, props: CookbookVersionProps) {
    super(scope, id, 'cookbook_version', props);
    const source = absolutePath(String(props.source));
    const kind = pathKind(source);
    let name = basename(source).replace(/\.(tar\.gz|tgz)$/, '');
    let fromMetadata = false;
    let sha256 = '';
    if (kind === 'missing') {
      this.problem(`source ${source} does not exist; give a cookbook directory or a .tar.gz archive (relative paths are resolved against ${process.cwd()})`);
    } else if (kind === 'directory') {
      const fromMeta = metadataName(source);
      if (fromMeta === undefined && pathKind(join(source, 'metadata.rb')) !== 'file' && pathKind(join(source, 'metadata.json')) !== 'file') {
        this.problem(`source ${source} is not a cookbook: it has neither metadata.rb nor metadata.json`);
      }
      if (fromMeta !== undefined) {
        name = fromMeta;
        fromMetadata = true;
      }
      sha256 = contentDigest(source);
    } else {
      if (!/\.(tar\.gz|tgz)$/.test(source)) this.problem(`source ${source} is a file but not a .tar.gz/.tgz archive; give a cookbook directory or an archive`);
      sha256 = contentDigest(source);
    }
    const sourceOk = kind === 'directory' || /\.(tar\.gz|tgz)$/.test(source);
    if (sourceOk && !COOKBOOK_NAME.test(name)) {
      this.problem(`cookbook name '${name}' may only contain letters, digits, _ and -; fix the name in its metadata (or the directory/archive name)`);
    }
    this.cookbookName = name;
    this.nameFromMetadata = fromMetadata;
    this.encode({ fields: {}, extras: { archive: { name, path: source, sha256 } } });
  }
}
