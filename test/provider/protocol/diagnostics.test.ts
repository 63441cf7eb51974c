// Diagnostics: one line, attribute paths in the protocol's form, no stack traces, no key material.
import { attributePathMessage, diagnosticMessage, exceptionDiagnostic, scrub } from '../../../lib/provider/protocol/diagnostics';
import { fakePemKey, fakePkcs8PrivateKey } from '../../support/fake-keys';

describe('diagnostics', () => {
  it('converts attribute paths to tfplugin6 AttributePath steps', () => {
    expect(attributePathMessage([{ attr: 'rules' }, { index: 2 }, { attr: 'tags' }, { key: 'k' }])).toEqual({
      steps: [{ attribute_name: 'rules' }, { element_key_int: 2 }, { attribute_name: 'tags' }, { element_key_string: 'k' }],
    });
  });

  it('keeps a summary to its first line and removes PEM blocks from every text', () => {
    const pem = fakePkcs8PrivateKey().pem.trimEnd();
    const d = diagnosticMessage({ severity: 'warning', summary: `bad key ${pem}\nsecond line`, detail: `detail ${pem}`, attribute: [{ attr: 'private_key_wo' }] });
    expect(d).toEqual({
      severity: 2,
      summary: 'bad key [PEM block removed]',
      detail: 'detail [PEM block removed]',
      attribute: { steps: [{ attribute_name: 'private_key_wo' }] },
    });
    const cut = fakePemKey('EC PRIVATE KEY').pem;
    expect(scrub(cut.slice(0, cut.indexOf('-----END')))).toBe('[PEM block removed]');
  });

  it('turns an exception into one error line with its message, no stack', () => {
    const err = new Error('IMCO answered 500\n    at Foo (x.js:1:1)');
    const d = exceptionDiagnostic(err, 'imco_vpc');
    expect(d).toEqual({ severity: 'error', summary: 'imco_vpc: IMCO answered 500' });
    expect(diagnosticMessage(d).detail).toBe('');
  });

  it('keeps the attribute path an exception carries', () => {
    const err = Object.assign(new Error('bad'), { path: [{ attr: 'cidr' }] });
    expect(exceptionDiagnostic(err, 'imco_vpc').attribute).toEqual([{ attr: 'cidr' }]);
  });
});

describe('diagnostics in the log', () => {
  const write = process.stderr.write;
  let logged = '';
  beforeEach(() => {
    logged = '';
    process.stderr.write = ((chunk: string) => {
      logged += chunk;
      return true;
    }) as typeof process.stderr.write;
  });
  afterEach(() => {
    process.stderr.write = write;
    delete process.env.TF_LOG;
  });

  it('writes the stack to stderr, on one line and without PEM blocks, only when TF_LOG is set', () => {
    const key = fakePkcs8PrivateKey();
    const err = new Error(`bad ${key.pem.trimEnd()}`);
    exceptionDiagnostic(err, 'imco_vpc');
    expect(logged).toBe('');
    process.env.TF_LOG = 'debug';
    exceptionDiagnostic(err, 'imco_vpc');
    expect(logged).toMatch(/^\[DEBUG\] imco_vpc: Error: bad \[PEM block removed\] \| at /);
    expect(logged.trim().split('\n')).toHaveLength(1);
    expect(logged).not.toContain(key.body);
  });
});
