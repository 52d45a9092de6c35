import { logger } from '../core/log.ts';

const log = logger('backend:gate');

/** How the holding ended: every expected lookup arrived, or the wait for the next one ran out. */
export interface GateOutcome {
  /** Lookups held. */
  held: number;
  /** True when all `count` lookups waited together. */
  filled: boolean;
}

/** A hold in progress. */
export interface LookupHold {
  /** Settles once `count` lookups wait, or when the idle limit passed without another. */
  readonly filled: Promise<GateOutcome>;
  /**
   * Answers the held lookup of the beneficiary who comes first in the population, and resolves
   * with their index there once the answer is written; undefined when none is held.
   */
  answerNext(): Promise<number | undefined>;
  /** Answers everything still held and ends the hold. */
  release(): void;
}

/** Called once the answer to a request the gate let through has been written. */
export type Answered = () => void;

interface Held {
  rank: number;
  arrival: number;
  pass: (answered: Answered) => void;
}

/**
 * Holds the data backend's login lookups (the Patient search by identifier a Blue Button-shaped
 * target makes when it meets a new user, DOMAIN.md section 7) until `count` of them wait at
 * once, then lets its caller answer them one at a time, in the population's order. A target makes
 * that lookup between finding no user for a login and storing one, so when `count` first logins
 * are in flight every one of them is inside that window at the same moment: the interleaving a
 * race needs, made certain instead of left to timing; and the caller, answering the next one only
 * once the previous login is over, makes the stores happen in the same order every run.
 * Only liveness has a clock: if `idleLimitMs` passes without another lookup arriving (a target
 * that serialises first logins, or needs no lookup), holding stops with those already held, and
 * the outcome says the hold did not fill.
 */
export class LoginLookupGate {
  readonly #rank: (request: Request) => Promise<number>;
  #holding: Holding | undefined;
  #arrivals = 0;

  /** `rank` orders held lookups (the beneficiary's place in the population), lower first. */
  constructor(rank: (request: Request) => Promise<number> = async () => 0) {
    this.#rank = rank;
  }

  /** Starts holding; one hold at a time. */
  hold(count: number, options: { idleLimitMs: number }): LookupHold {
    if (this.#holding) throw new Error('the data backend already holds login lookups');
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(`count must be a positive integer (got ${count})`);
    }
    let settle: (outcome: GateOutcome) => void = () => {};
    const filled = new Promise<GateOutcome>((resolve) => (settle = resolve));
    const held: Held[] = [];
    let arrived = 0;
    let timer: NodeJS.Timeout | undefined;
    const holding: Holding = {
      stop: (full) => {
        clearTimeout(timer);
        if (this.#holding !== holding) return;
        this.#holding = undefined;
        log('holding %d login lookups (%s)', arrived, full ? 'filled' : 'idle');
        settle({ held: arrived, filled: full });
      },
      add: (one) => {
        held.push(one);
        arrived += 1;
        log('holding login lookup %d of %d', arrived, count);
        if (arrived >= count) holding.stop(true);
        else idle();
      },
    };
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => holding.stop(false), options.idleLimitMs);
      // A hold left behind must not keep a finished run's process alive.
      timer.unref();
    };
    this.#holding = holding;
    idle();

    const answerNext = async (): Promise<number | undefined> => {
      held.sort((a, b) => a.rank - b.rank || a.arrival - b.arrival);
      const next = held.shift();
      if (!next) return undefined;
      await new Promise<void>((written) => next.pass(written));
      return next.rank;
    };
    const release = () => {
      holding.stop(false);
      for (const one of held.splice(0)) one.pass(() => {});
    };
    return { filled, answerNext, release };
  }

  /**
   * Resolves when the request may be answered: at once, unless it is a login lookup arriving
   * while lookups are held. Call the returned function once its answer is written.
   */
  async pass(request: Request): Promise<Answered> {
    if (!this.#holding || !isLoginLookup(request)) return () => {};
    const rank = await this.#rank(request);
    const holding = this.#holding;
    if (!holding) return () => {};
    const arrival = (this.#arrivals += 1);
    return new Promise<Answered>((pass) => holding.add({ rank, arrival, pass }));
  }
}

interface Holding {
  add(held: Held): void;
  stop(filled: boolean): void;
}

/** The login lookup: a Patient search by identifier, as a GET or as a POST `_search`. */
export function isLoginLookup(request: Request): boolean {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/+$/, '');
  if (request.method === 'POST') return path.endsWith('/v2/fhir/Patient/_search');
  return (
    request.method === 'GET' &&
    path.endsWith('/v2/fhir/Patient') &&
    url.searchParams.has('identifier')
  );
}
