// go-plugin handshake pieces: the magic cookie and protocol checks, the handshake line's form.
import { handshakeLine, handshakeProblem, MAGIC_COOKIE_VALUE, socketPath } from '../../lib/provider/handshake';

describe('go-plugin handshake', () => {
  it('tells a human who runs the file that it is a Terraform plugin, in one line', () => {
    const msg = handshakeProblem({});
    expect(msg).toMatch(/^terraform-provider-imco is a Terraform plugin, not a command/);
    expect(msg).not.toContain('\n');
    expect(handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: 'wrong' })).toBe(msg);
  });

  it('accepts the magic cookie, with or without protocol 6 listed first', () => {
    expect(handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6' })).toBeUndefined();
    expect(handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE })).toBeUndefined();
  });

  it('refuses a Terraform that does not offer protocol 6', () => {
    expect(handshakeProblem({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '4,5' })).toBe(
      'terraform-provider-imco speaks plugin protocol 6 but this Terraform offers only 4,5: use Terraform 1.11 or later',
    );
  });

  it('writes 1|6|unix|<socket>|grpc|<base64 DER without padding>', () => {
    const der = Uint8Array.of(1, 2, 3, 4); // base64 "AQIDBA==" → without padding "AQIDBA"
    expect(handshakeLine('/tmp/plugin1', der)).toBe('1|6|unix|/tmp/plugin1|grpc|AQIDBA\n');
    expect(handshakeLine('/tmp/plugin1')).toBe('1|6|unix|/tmp/plugin1|grpc|\n');
  });

  it('puts the socket in PLUGIN_UNIX_SOCKET_DIR when set, a fresh name each time', () => {
    const a = socketPath({ PLUGIN_UNIX_SOCKET_DIR: '/run/x' });
    expect(a).toMatch(/^\/run\/x\/plugin[0-9a-f]{12}$/);
    expect(socketPath({ PLUGIN_UNIX_SOCKET_DIR: '/run/x' })).not.toBe(a);
  });
});
