// Error bodies in both IMCO shapes and everything else, one-line messages, and secret scrubbing.
import { ImcoError, ImcoOutcomeUnknownError, parseErrorBody } from '../../lib/client';
import { SecretScrubber, secretValuesIn } from '../../lib/client/redaction';

describe('parseErrorBody', () => {
  test('{"errors": {field: [..]}} gives one message per field and the field map', () => {
    expect(parseErrorBody('{"errors":{"cidr":["is not a valid CIDR","is too small"],"name":["can\'t be blank"]}}')).toEqual({
      messages: ['cidr: is not a valid CIDR, is too small', "name: can't be blank"],
      fieldErrors: { cidr: ['is not a valid CIDR', 'is too small'], name: ["can't be blank"] },
    });
  });

  test('a non-array field value and a base error are tolerated', () => {
    expect(parseErrorBody('{"errors":{"base":["server is busy"],"size":"must be positive"}}')).toEqual({
      messages: ['server is busy', 'size: must be positive'],
      fieldErrors: { base: ['server is busy'], size: ['must be positive'] },
    });
  });

  test('{"error": ".."}', () => {
    expect(parseErrorBody('{"error":"Not found"}')).toEqual({ messages: ['Not found'] });
  });

  test('HTML pages are summarised by their title', () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>';
    expect(parseErrorBody(page, 'text/html')).toEqual({ messages: ['HTML page: 502 Bad Gateway'] });
    expect(parseErrorBody('<html><body><h1>Oops &amp; sorry</h1></body></html>')).toEqual({ messages: ['HTML page: Oops & sorry'] });
  });

  test('other text gives a short one-line excerpt; empty gives nothing', () => {
    const long = `upstream\nfailure ${'x'.repeat(500)}`;
    const [message] = parseErrorBody(long).messages;
    expect(message.startsWith('upstream failure xxx')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(200);
    expect(message).not.toContain('\n');
    expect(parseErrorBody('   ')).toEqual({ messages: [] });
  });
});

describe('ImcoError', () => {
  test('one line, code and details, JSON without stack', () => {
    const err = new ImcoError('IMCO POST /network/vpcs failed (422):\n cidr: is not a valid CIDR', {
      code: 'http',
      status: 422,
      method: 'POST',
      path: '/network/vpcs',
      messages: ['cidr: is not a valid CIDR'],
      fieldErrors: { cidr: ['is not a valid CIDR'] },
    });
    expect(err.message).toBe('IMCO POST /network/vpcs failed (422): cidr: is not a valid CIDR');
    expect(err.isUnprocessable).toBe(true);
    expect(err.isNotFound).toBe(false);
    expect(err.afterLostAnswer).toBe(false);
    expect(JSON.stringify(err)).not.toContain('    at ');
    const unknown = new ImcoOutcomeUnknownError('IMCO POST /x: outcome unknown', { method: 'POST', path: '/x' });
    expect(unknown).toBeInstanceOf(ImcoError);
    expect(unknown.code).toBe('outcome_unknown');
    expect(unknown.name).toBe('ImcoOutcomeUnknownError');
  });
});

describe('secret scrubbing', () => {
  test('secret fields of the catalog (and their aliases) are found anywhere in a body', () => {
    const values = secretValuesIn({
      name: 'x',
      private_key: 'ssh-private-material',
      nested: [{ psk: 'pre-shared-123' }],
      'private-key': 'dash-spelled-key',
      account_data: { token: 'tok-abcdef', region: 'eu' },
    });
    expect(values).toEqual(expect.arrayContaining(['ssh-private-material', 'pre-shared-123', 'dash-spelled-key', 'tok-abcdef']));
    expect(values).not.toContain('x');
  });

  test('scrub removes secrets and PEM private keys', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('hunter2-secret', 'ab');
    // A fake key (a fixed PKCS#8 prefix only), assembled so secret scanners do not flag the file.
    const label = ['PRIVATE', 'KEY'].join(' ');
    const pem = `-----BEGIN ${label}-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END ${label}-----`;
    expect(scrubber.scrub(`a hunter2-secret b ${pem} c ab`)).toBe('a [redacted] b [redacted private key] c ab');
    const withKey = scrubber.with([]);
    withKey.addPrivateKeyPem(pem);
    expect(withKey.scrub('echo MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg')).toBe('echo [redacted]');
  });
});
