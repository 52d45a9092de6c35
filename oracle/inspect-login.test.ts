import { describe, expect, it } from 'vitest';
import type { AppSession, ReceivedResponse } from '../apps/app-session.ts';
import { inspectLogin } from './inspect-login.ts';
import type { LoginRecord } from './login-record.ts';
import type { Ownership } from './ownership.ts';

const canaries: Record<string, string> = {
  'twinsub-canary-aaaaaaaaaaaaaaaa': 'bene-0001',
  'twinsub-canary-aaaaaaaaaaaaaaab': 'bene-0001',
  'twinsub-canary-bbbbbbbbbbbbbbbb': 'bene-0002',
};
const patients: Record<string, string> = {
  '-20140000000001': 'bene-0001',
  '-20140000000002': 'bene-0002',
};
const subjects: Record<string, string> = {
  'bene-0001': '1e0f2d2a-ea1b-11f0-8000-0a1b2c3d4e5f',
  'bene-0002': '2c7b9e10-ea1b-11f0-8000-0a1b2c3d4e5f',
};

const ownership: Ownership = {
  canaryPattern: /twinsub-canary-[0-9a-z]{16}/g,
  ownerOfCanary: (canary) => canaries[canary],
  ownerOfPatient: (id) => patients[id],
  patientOf: (key) => Object.entries(patients).find(([, owner]) => owner === key)![0],
  subjectOf: (key) => subjects[key] ?? '',
};

function record(
  viewer: string,
  responses: ReceivedResponse[],
  state: AppSession['state'] = 'connected',
): LoginRecord {
  return {
    viewer,
    viewerSub: subjects[viewer]!,
    app: 'app-2',
    outcome: {
      finalUrl: 'http://127.0.0.1:1/callback',
      status: 200,
      title: 'Connected',
      excerpt: '',
      requests: 9,
    },
    session: { app: 'app-2', appUser: viewer, state, responses },
  };
}

const ownIdentity = (patient: string): ReceivedResponse[] => [
  {
    purpose: 'token',
    method: 'POST',
    url: 'http://t/token',
    status: 200,
    body: JSON.stringify({ patient }),
  },
  {
    purpose: 'userinfo',
    method: 'GET',
    url: 'http://t/userinfo',
    status: 200,
    body: JSON.stringify({ sub: patient, patient }),
  },
];

const resource = (url: string, body: unknown): ReceivedResponse => ({
  purpose: 'resource',
  method: 'GET',
  url,
  status: 200,
  body: JSON.stringify(body),
});

describe('inspectLogin', () => {
  it('finds nothing when every canary and patient belongs to the viewer', () => {
    const findings = inspectLogin(
      record('bene-0002', [
        ...ownIdentity('-20140000000002'),
        resource('http://t/v2/fhir/Patient/', { tag: 'twinsub-canary-bbbbbbbbbbbbbbbb' }),
      ]),
      ownership,
    );

    expect(findings).toEqual([]);
  });

  it('records one violation per answer and owner, naming both subjects', () => {
    const body = { entry: ['twinsub-canary-aaaaaaaaaaaaaaaa', 'twinsub-canary-aaaaaaaaaaaaaaab'] };
    const findings = inspectLogin(
      record('bene-0002', [resource('http://t/v2/fhir/ExplanationOfBenefit/', body)]),
      ownership,
    );

    expect(findings).toEqual([
      {
        kind: 'violation',
        viewer: 'bene-0002',
        viewerSub: '2c7b9e10-ea1b-11f0-8000-0a1b2c3d4e5f',
        owner: 'bene-0001',
        ownerSub: '1e0f2d2a-ea1b-11f0-8000-0a1b2c3d4e5f',
        app: 'app-2',
        channel: 'resource',
        url: 'http://t/v2/fhir/ExplanationOfBenefit/',
        marker: 'twinsub-canary-aaaaaaaaaaaaaaaa',
        markerKind: 'canary',
        count: 2,
        excerpt: JSON.stringify(body),
      },
    ]);
  });

  it('flags a token response that names another beneficiary as patient', () => {
    const findings = inspectLogin(
      record('bene-0002', [
        {
          purpose: 'token',
          method: 'POST',
          url: 'http://t/token',
          status: 200,
          body: '{"patient":"-20140000000001"}',
        },
      ]),
      ownership,
    );

    expect(findings).toMatchObject([
      {
        kind: 'violation',
        owner: 'bene-0001',
        channel: 'token',
        marker: '-20140000000001',
        markerKind: 'patient-id',
      },
    ]);
  });

  it('reports a login that did not end connected as a lock-out with the page it ended on', () => {
    const locked = record('bene-0002', [], 'failed');
    locked.session!.error = 'server_error';
    locked.outcome = {
      finalUrl: 'http://t/cb',
      status: 500,
      title: 'Server error',
      excerpt: 'Server error',
      requests: 6,
    };

    expect(inspectLogin(locked, ownership)).toEqual([
      {
        kind: 'lock-out',
        viewer: 'bene-0002',
        viewerSub: '2c7b9e10-ea1b-11f0-8000-0a1b2c3d4e5f',
        app: 'app-2',
        url: 'http://t/cb',
        status: 500,
        title: 'Server error',
        excerpt: 'Server error',
        appError: 'server_error',
      },
    ]);
  });

  it('ignores canaries it cannot attribute', () => {
    const findings = inspectLogin(
      record('bene-0002', [
        ...ownIdentity('-20140000000002'),
        resource('http://t/x', {
          tag: 'twinsub-canary-zzzzzzzzzzzzzzzz twinsub-canary-bbbbbbbbbbbbbbbb',
        }),
      ]),
      ownership,
    );

    expect(findings).toEqual([]);
  });

  it('flags a userinfo whose sub names another beneficiary', () => {
    const findings = inspectLogin(
      record('bene-0002', [
        {
          purpose: 'userinfo',
          method: 'GET',
          url: 'http://t/userinfo',
          status: 200,
          body: '{"sub":"-20140000000001"}',
        },
      ]),
      ownership,
    );

    expect(findings).toMatchObject([
      { kind: 'violation', owner: 'bene-0001', channel: 'userinfo', marker: '-20140000000001' },
    ]);
  });

  it.each([
    [
      'a token response without a patient',
      [{ ...ownIdentity('x')[0]!, body: '{}' }],
      "a token response did not name bene-0002's patient -20140000000002",
    ],
    [
      'errors on every page',
      [...ownIdentity('-20140000000002'), { ...resource('http://t/p', {}), status: 500 }],
      "no resource answer carried bene-0002's own data",
    ],
    [
      'no userinfo',
      [ownIdentity('-20140000000002')[0]!],
      "no userinfo answer named bene-0002's patient -20140000000002",
    ],
    ['nothing at all', [], 'the app received no token response'],
  ])(
    'reports a connected login with %s as a lock-out saying what was missing',
    (_, responses, missing) => {
      const findings = inspectLogin(
        record('bene-0002', responses as ReceivedResponse[]),
        ownership,
      );

      expect(findings).toMatchObject([
        { kind: 'lock-out', viewer: 'bene-0002', app: 'app-2', missing },
      ]);
      expect(findings).toHaveLength(1);
    },
  );

  it('keeps the leak evidence of a login that failed after receiving foreign data', () => {
    const failed = record(
      'bene-0002',
      [
        {
          purpose: 'token',
          method: 'POST',
          url: 'http://t/token',
          status: 200,
          body: '{"patient":"-20140000000001"}',
        },
      ],
      'failed',
    );

    expect(
      inspectLogin(failed, ownership).map((f) => [f.kind, f.kind === 'violation' ? f.owner : '']),
    ).toEqual([
      ['violation', 'bene-0001'],
      ['lock-out', ''],
    ]);
  });

  describe('a login whose refusal the probe allows', () => {
    const refused = (status: number, responses: ReceivedResponse[] = []): LoginRecord => ({
      ...record('bene-0002', responses, 'started'),
      outcome: {
        finalUrl: 'http://t/mymedicare/sls-callback',
        status,
        title: status === 0 ? 'Login broke down' : 'Server error',
        excerpt: '',
        requests: 6,
      },
      refusalAllowed: "UserInfo named another account's sub",
    });

    it('is no lock-out when the target refused it with an error page', () => {
      expect(inspectLogin(refused(500), ownership)).toEqual([]);
    });

    it('is still a lock-out when the login broke down instead', () => {
      expect(
        inspectLogin(refused(0), ownership).map((f) => [f.kind, f.kind === 'lock-out' && f.status]),
      ).toEqual([['lock-out', 0]]);
    });

    it('still reports foreign data that arrived before the refusal', () => {
      const leaked = refused(500, [
        {
          purpose: 'token',
          method: 'POST',
          url: 'http://t/token',
          status: 200,
          body: '{"patient":"-20140000000001"}',
        },
      ]);

      expect(inspectLogin(leaked, ownership).map((f) => f.kind)).toEqual(['violation', 'lock-out']);
    });

    it('is checked like any other login when the target let it through', () => {
      const connected: LoginRecord = {
        ...record('bene-0002', ownIdentity('-20140000000001')),
        refusalAllowed: "UserInfo named another account's sub",
      };

      expect(
        inspectLogin(connected, ownership).map((f) => [
          f.kind,
          f.kind === 'violation' ? f.owner : '',
        ]),
      ).toEqual([
        ['violation', 'bene-0001'],
        ['violation', 'bene-0001'],
      ]);
    });
  });

  it('names both issuers when the ownership knows them', () => {
    const issuers: Record<string, string> = {
      'bene-0001': 'http://127.0.0.1:4010',
      'bene-0002': 'http://127.0.0.1:4012',
    };
    const twoIssuers: Ownership = { ...ownership, issuerOf: (key) => issuers[key] ?? '' };

    const findings = inspectLogin(record('bene-0002', ownIdentity('-20140000000001')), twoIssuers);

    expect(findings.map((f) => f.kind === 'violation' && [f.viewerIssuer, f.ownerIssuer])).toEqual([
      ['http://127.0.0.1:4012', 'http://127.0.0.1:4010'],
      ['http://127.0.0.1:4012', 'http://127.0.0.1:4010'],
    ]);
  });
});
