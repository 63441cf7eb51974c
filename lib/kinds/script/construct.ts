// Script: a labelable user script (API reference §4.5) with code inline or read from a file at
// synth, parameters, and attachments uploaded from local files (their digests make content
// changes visible as updates). Everything is mutable.
import { basename } from 'node:path';
import type { Construct } from 'constructs';
import type { FileSpec } from '../../spec/spec';
import { readTextFile } from '../../spec/text-encoding';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { absolutePath, pathKind, sha256OfFile } from '../../constructs/files';

export interface ScriptProps extends ImcoObjectProps {
  readonly name: string;
  /** @default '' */
  readonly description?: string;
  /** The script's code. Give `code` or `codeFile`, not both. @default '' */
  readonly code?: string;
  /**
   * A file whose content is the script's code, read at synth. It must be UTF-8 (a UTF-8 byte-order
   * mark is dropped; a UTF-16 file with a byte-order mark is decoded); other encodings are refused
   * with the `iconv` command that converts the file. @default none
   */
  readonly codeFile?: string;
  /** Names of the parameters the script accepts. @default [] */
  readonly parameters?: readonly string[];
  /** Files uploaded as attachments (named by their base name). @default [] */
  readonly attachments?: readonly string[];
}

/** An IMCO script. */
export class Script extends ImcoObject {
  /** Names of the script's parameters. */
  readonly parameters: readonly string[];

  constructor(scope: Construct, id: string, props: ScriptProps) {
    super(scope, id, 'script', props);
    this.checkName(props.name);
    let code = props.code ?? '';
    if (props.code !== undefined && typeof props.code !== 'string') this.problem('code must be a string');
    if (props.code !== undefined && props.codeFile !== undefined) {
      this.problem('give either code or codeFile, not both');
    } else if (props.codeFile !== undefined) {
      const file = absolutePath(String(props.codeFile));
      if (pathKind(file) !== 'file') {
        this.problem(`codeFile ${file} does not exist or is not a file; check the path (relative paths are resolved against ${process.cwd()})`);
      } else {
        const decoded = readTextFile(file, 'codeFile');
        if (decoded.problem !== undefined) this.problem(decoded.problem);
        else code = decoded.text;
      }
    }
    const parameters = Array.isArray(props.parameters) ? [...props.parameters] : [];
    if (props.parameters !== undefined && !Array.isArray(props.parameters)) this.problem('parameters must be an array of names');
    const seenParams = new Set<string>();
    parameters.forEach((p, i) => {
      if (typeof p !== 'string' || p.trim() === '') this.problem(`parameters[${i}] must be a non-empty name`);
      else if (seenParams.has(p)) this.problem(`parameters[${i}] '${p}' is listed twice; remove the duplicate`);
      seenParams.add(p);
    });
    this.parameters = parameters;
    const attachments: FileSpec[] = [];
    const byName = new Map<string, string>();
    (props.attachments ?? []).forEach((given, i) => {
      const file = absolutePath(String(given));
      if (pathKind(file) !== 'file') {
        this.problem(`attachments[${i}] ${file} does not exist or is not a file; check the path (relative paths are resolved against ${process.cwd()})`);
        return;
      }
      const name = basename(file);
      const earlier = byName.get(name);
      if (earlier !== undefined) {
        this.problem(`attachments[${i}] ${file} has the same file name as ${earlier}; attachments are named by file name, so rename one`);
        return;
      }
      byName.set(name, file);
      attachments.push({ name, path: file, sha256: sha256OfFile(file) });
    });
    this.encode({
      fields: {
        name: props.name,
        description: props.description ?? '',
        code,
        parameters,
      },
      extras: { attachments },
    });
  }
}
