// Export hook of SSH profiles: name, public key, and the private key as a Secret.fromEnv
// placeholder (IMCO never returns it); the account's `default` profile is left out.
import { prop, str, type KindExport } from '../../export/kind-export';

export const sshProfileExport: KindExport = {
  kind: 'ssh_profile',
  className: 'SshProfile',
  defaultReason: (live) => (live.name === 'default' ? "the account's default SSH profile (created by the platform)" : undefined),
  render: (o, ctx) => ({
    props: [
      ['name', ctx.literal(o.live.name)],
      ...prop('publicKey', str(o.live.public_key) !== undefined ? ctx.literal(o.live.public_key) : undefined),
      ['privateKey', ctx.secret('private_key', 'the SSH private key (PEM text)')],
    ],
    importId: o.id,
  }),
};
