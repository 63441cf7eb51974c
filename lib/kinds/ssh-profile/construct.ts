// SshProfile: a labelable SSH key pair (API reference §7.1). The public key is given inline or read
// from a file at synth; the private key only by reference (a Secret), fingerprinted in the triggers.
import type { Construct } from 'constructs';
import { readTextFile } from '../../spec/text-encoding';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { absolutePath, pathKind } from '../../constructs/files';
import type { Secret } from '../../constructs/secret';

export interface SshProfileProps extends ImcoObjectProps {
  readonly name: string;
  /** OpenSSH public key (`ssh-ed25519 AAAA… comment`). Give publicKey or publicKeyFile. @default none */
  readonly publicKey?: string;
  /** File holding the public key, read at synth. @default none */
  readonly publicKeyFile?: string;
  /** Private key, by reference only. @default none */
  readonly privateKey?: Secret;
}

const PUBLIC_KEY = /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/;

/** An IMCO SSH profile. */
export class SshProfile extends ImcoObject {
  constructor(scope: Construct, id: string, props: SshProfileProps) {
    super(scope, id, 'ssh_profile', props);
    this.checkName(props.name);
    let publicKey = props.publicKey;
    let origin = 'publicKey';
    if (props.publicKey !== undefined && props.publicKeyFile !== undefined) {
      this.problem('give either publicKey or publicKeyFile, not both');
    } else if (props.publicKeyFile !== undefined) {
      const file = absolutePath(String(props.publicKeyFile));
      origin = `publicKeyFile ${file}`;
      if (pathKind(file) !== 'file') {
        this.problem(`publicKeyFile ${file} does not exist or is not a file; check the path (relative paths are resolved against ${process.cwd()})`);
      } else {
        const decoded = readTextFile(file, 'publicKeyFile');
        if (decoded.problem !== undefined) this.problem(decoded.problem);
        else publicKey = decoded.text.trim();
      }
    }
    if (publicKey !== undefined) {
      if (typeof publicKey !== 'string') {
        this.problem('publicKey must be a string');
        publicKey = undefined;
      } else if (/PRIVATE KEY/.test(publicKey)) {
        this.problem(`${origin} holds a PRIVATE key; it would be written into the stack — give the public key here and the private key as privateKey: Secret.fromFile(path)`);
        publicKey = undefined;
      } else if (!PUBLIC_KEY.test(publicKey.trim())) {
        this.problem(`${origin} is not an OpenSSH public key (expected e.g. 'ssh-ed25519 AAAA… comment')`);
      }
    }
    this.encode({
      fields: {
        name: props.name,
        public_key: publicKey?.trim(),
        private_key: props.privateKey === undefined ? undefined : this.secretField('private_key', props.privateKey, 'privateKey'),
      },
    });
  }
}
