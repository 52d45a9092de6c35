import * as cheerio from 'cheerio';
import { DEFECTS } from './user-key.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { listen } from '../core/listen.ts';
import { seededRandom } from '../core/random.ts';
import { startDataBackend, type StartedDataBackend } from '../backend/start-data-backend.ts';
import { generatePopulation } from '../fixtures/generate-population.ts';
import type { Beneficiary, Population } from '../fixtures/population.ts';
import { startSimulator } from '../simulator/start-simulator.ts';
import type { StartedSimulator } from '../simulator/started-simulator.ts';
import { startReferenceTarget, type StartedReferenceTarget } from './start-reference-target.ts';
import { Browser, pkcePair, TEST_APPS } from './test-kit.ts';
import type { Defect } from './user-key.ts';
import { uuidV1WindowStart } from '../world/uuid-v1-window.ts';

const ALL_SCOPES = [
  'openid',
  'profile',
  'patient/Patient.read',
  'patient/Coverage.read',
  'patient/ExplanationOfBenefit.read',
].join(' ');
const MBI_HASH = { salt: '6E6F747468657265616C706570706572', iterations: 2 };
const app = TEST_APPS[0]!;
const callback = app.redirectUris[0]!;

/**
 * One full flow over real HTTP: the simulator's login form, the target's consent page, the code
 * exchange and a FHIR search, for two beneficiaries whose UUID v1 accounts were created one
 * simulated minute apart (inside one ~429.5 s `time_low` window, DOMAIN.md section 1).
 */
describe('startReferenceTarget with the simulator and the data backend', () => {
  let population: Population;
  let simulator: StartedSimulator;
  let backend: StartedDataBackend;
  const targets = new Map<Defect, StartedReferenceTarget>();
  const twins: Beneficiary[] = [];
  const subjects: string[] = [];

  beforeAll(async () => {
    population = generatePopulation({ seed: 2018, size: 2 });
    // One second into a UUID v1 window, so both accounts (60 s apart) fall inside it.
    const clock = new ManualClock(uuidV1WindowStart(DEFAULT_EPOCH_MS) + 1_000);
    simulator = await startSimulator({
      clock,
      random: seededRandom(2018),
      scheme: 'uuid-v1',
      onWarning: () => {},
    });
    backend = await startDataBackend({ population, mbiHash: MBI_HASH, clock });

    for (const defect of ['none', 'truncate-uuid-96'] as const) {
      const identityClient = { clientId: `target-${defect}`, clientSecret: `secret-${defect}` };
      const target = await startReferenceTarget({
        issuer: simulator.issuer,
        identityClient,
        backendUrl: backend.url,
        mbiHash: MBI_HASH,
        defect,
        databaseUrl: process.env.DATABASE_URL || undefined,
        apps: [app],
      });
      targets.set(defect, target);
      await simulator.registerClient({
        client_id: identityClient.clientId,
        client_secret: identityClient.clientSecret,
        redirect_uris: [target.identityRedirectUri],
      });
    }

    for (const beneficiary of population.beneficiaries) {
      const account = simulator.createAccount({
        username: beneficiary.username,
        password: beneficiary.password,
        profile: {
          given_name: beneficiary.givenName,
          family_name: beneficiary.familyName,
          email: beneficiary.email,
          birthdate: beneficiary.birthDate,
          mbi: beneficiary.mbi,
        },
      });
      twins.push(beneficiary);
      subjects.push(account.sub);
      clock.advance(60_000);
    }
  }, 60_000);

  afterAll(async () => {
    for (const target of targets.values()) await target.stop();
    await backend?.stop();
    await simulator?.stop();
  });

  /** Logs `beneficiary` in through `target` as an app would, and returns what the app gets. */
  const connect = async (target: StartedReferenceTarget, beneficiary: Beneficiary) => {
    const browser = new Browser();
    const pkce = pkcePair();
    const state = 'integration-state-0123456789';
    let url = `${target.url}/v2/o/authorize/?${new URLSearchParams({
      client_id: app.clientId,
      redirect_uri: callback,
      response_type: 'code',
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      scope: ALL_SCOPES,
    })}`;
    let response = await browser.get(url);

    for (let step = 0; step < 20 && !url.startsWith(callback); step += 1) {
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url).href;
        if (url.startsWith(callback)) break;
        response = await browser.get(url);
        continue;
      }
      const $ = cheerio.load(await response.text());
      const form = $('#authorizationForm').length ? $('#authorizationForm') : $('#login-form');
      if (!form.length) throw new Error(`stuck at ${url}: ${response.status} ${$('title').text()}`);
      const fields = new URLSearchParams();
      form.find('input[type=hidden]').each((_, el) => {
        fields.append($(el).attr('name')!, $(el).attr('value') ?? '');
      });
      if (form.is('#login-form')) {
        fields.set('username', beneficiary.username);
        fields.set('password', beneficiary.password);
      } else {
        fields.set('share_demographic_scopes', 'True');
        fields.set('allow', 'Allow');
      }
      response = await browser.post(new URL(form.attr('action') ?? '', url).href, fields);
    }

    const code = new URL(url).searchParams.get('code');
    const token = (await (
      await fetch(`${target.url}/v2/o/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: code ?? '',
          redirect_uri: callback,
          code_verifier: pkce.verifier,
          client_id: app.clientId,
          client_secret: app.clientSecret,
        }),
      })
    ).json()) as { access_token: string; patient: string };
    const search = (await (
      await fetch(`${target.url}/v2/fhir/Patient/`, {
        headers: { authorization: `Bearer ${token.access_token}` },
      })
    ).json()) as { entry?: { resource: { id: string } }[] };
    return {
      patient: token.patient,
      served: search.entry?.map((entry) => entry.resource.id),
      accessToken: token.access_token,
    };
  };

  const served = async (target: StartedReferenceTarget, beneficiary: Beneficiary) => {
    const { patient, served } = await connect(target, beneficiary);
    return { patient, served };
  };

  it('creates the two accounts as twins: UUID v1 subjects that differ only in time_low', () => {
    expect(subjects[0]).not.toBe(subjects[1]);
    expect(subjects[0]!.slice(9)).toBe(subjects[1]!.slice(9));
  });

  it('gives each twin their own patient with defect none', async () => {
    const target = targets.get('none')!;

    const first = await served(target, twins[0]!);
    const second = await served(target, twins[1]!);

    expect(first).toEqual({ patient: twins[0]!.patientId, served: [twins[0]!.patientId] });
    expect(second).toEqual({ patient: twins[1]!.patientId, served: [twins[1]!.patientId] });
  });

  it("serves the first twin's patient to the second with defect truncate-uuid-96", async () => {
    const target = targets.get('truncate-uuid-96')!;

    const first = await served(target, twins[0]!);
    const second = await served(target, twins[1]!);

    // The 2018 leak reproduced: both logins end at the first beneficiary's record.
    expect(first).toEqual({ patient: twins[0]!.patientId, served: [twins[0]!.patientId] });
    expect(second).toEqual({ patient: twins[0]!.patientId, served: [twins[0]!.patientId] });
  });

  it("pages through claims by links rewritten to the target's own URL", async () => {
    const beneficiary = twins[1]!;
    const { accessToken } = await connect(targets.get('none')!, beneficiary);
    const target = targets.get('none')!;
    const owners: string[] = [];
    const pages: string[] = [];

    let next: string | undefined = `${target.url}/v2/fhir/ExplanationOfBenefit/?_count=2`;
    while (next) {
      pages.push(next);
      const response = await fetch(next, { headers: { authorization: `Bearer ${accessToken}` } });
      const page = (await response.json()) as fhir4.Bundle;
      for (const entry of page.entry ?? []) {
        owners.push((entry.resource as fhir4.ExplanationOfBenefit).patient.reference ?? '');
      }
      next = page.link?.find((link) => link.relation === 'next')?.url;
    }

    expect(owners).toEqual(beneficiary.eobs.map(() => `Patient/${beneficiary.patientId}`));
    expect(pages).toHaveLength(Math.ceil(beneficiary.eobs.length / 2));
    expect(pages.every((url) => url.startsWith(`${target.url}/v2/fhir/`))).toBe(true);
  });

  it('shows a login whose MBI has no Medicare record the not-found page', async () => {
    const stranger = { ...twins[0]!, username: 'stranger', mbi: '9AA9AA9AA99' };
    simulator.createAccount({
      username: stranger.username,
      password: stranger.password,
      profile: { given_name: 'Sam', family_name: 'Stranger', mbi: stranger.mbi },
    });

    const error = await connect(targets.get('none')!, stranger).catch((caught: Error) => caught);

    expect((error as Error).message).toMatch(/: 404 Login failed: no Medicare record found$/);
  });
});

describe('startReferenceTarget when it cannot start', () => {
  const options = {
    issuer: 'http://127.0.0.1:4000',
    identityClient: { clientId: 'bb2', clientSecret: 'bb2-secret' },
    backendUrl: 'http://127.0.0.1:4100',
    mbiHash: MBI_HASH,
    apps: [app],
  };

  it('reports a taken port as PORT_IN_USE before opening a database', async () => {
    await using taken = await listen((_req, res) => res.end());

    const error = await startReferenceTarget({ ...options, port: taken.port }).catch((e) => e);

    expect([error.code, error.message]).toEqual([
      'PORT_IN_USE',
      `port must be a free port (got ${taken.port}: already in use); ` +
        'choose another port or 0 for any free one',
    ]);
  });

  it('reports an unreachable DATABASE_URL and frees the port it had taken', async () => {
    const port = await freePort();

    const error = await startReferenceTarget({
      ...options,
      port,
      databaseUrl: 'postgres://twinsub@127.0.0.1:1/twinsub',
    }).catch((e) => e);
    await using again = await listen((_req, res) => res.end(), { port });

    expect(error.code).toBe('DATABASE_UNREACHABLE');
    expect(error.message).toMatch(/^Failed to connect to DATABASE_URL postgres:\/\/twinsub@127/);
    expect(again.port).toBe(port);
  });

  it('reports every invalid option at once before starting anything', async () => {
    const error = await startReferenceTarget({
      ...options,
      defect: 'x' as never,
      backendUrl: 'nowhere',
    }).catch((e) => e);

    expect([error.code, error.message]).toEqual([
      'INVALID_OPTION',
      "Invalid reference target options: backendUrl must be an http(s) URL (got 'nowhere'); " +
        `defect must be one of ${DEFECTS.join(', ')} (got 'x')`,
    ]);
  });
});

async function freePort(): Promise<number> {
  const probe = await listen((_req, res) => res.end());
  await probe.stop();
  return probe.port;
}
