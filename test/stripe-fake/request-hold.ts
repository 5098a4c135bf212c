import { FormObject } from './form-body';

/** An API request as the fake received it: method, path and decoded params (query and body). */
export interface RecordedApiRequest {
  method: string;
  path: string;
  params: FormObject;
}

/**
 * Keeps the first API request that `matches` from being answered until `release()`, so a test
 * can act while a client waits on Stripe (e.g. while a sync job is between two pages).
 */
export class RequestHold {
  /** Resolves with the held request once it has arrived. */
  readonly arrived: Promise<RecordedApiRequest>;
  private arrive!: (request: RecordedApiRequest) => void;
  private readonly released: Promise<void>;
  private open!: () => void;

  constructor(readonly matches: (request: RecordedApiRequest) => boolean) {
    this.arrived = new Promise((resolve) => (this.arrive = resolve));
    this.released = new Promise((resolve) => (this.open = resolve));
  }

  /** Lets the held request (or, if none has come yet, the next matching one) through. */
  release(): void {
    this.open();
  }

  /** Called by the server for the request it holds; resolves once the test releases it. */
  hold(request: RecordedApiRequest): Promise<void> {
    this.arrive(request);
    return this.released;
  }
}
