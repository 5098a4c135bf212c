/** A rail's API did not answer usefully (timeout, network, 5xx, unreadable body): try again later. */
export class RailUnavailableError extends Error {
  constructor(rail: string, detail: string) {
    super(`${rail} is unavailable: ${detail}`);
  }
}

/**
 * The rail answered and refused what was asked (a duplicate order, an amount out of its limits,
 * credentials it does not know): the rail's code and message, for the person who configured it.
 */
export class RailRefusedError extends Error {
  constructor(
    readonly rail: string,
    readonly code: string,
    detail: string,
  ) {
    super(`${rail} refused: ${detail} (${code})`);
  }
}

export interface RailHttpAnswer {
  status: number;
  body: unknown;
}

/** The only way adapters reach their rail's API: JSON over HTTP with a deadline. */
export class RailHttp {
  constructor(readonly timeoutMs: number) {}

  /** POSTs JSON; answers the status and parsed body of any 2xx or 4xx answer, throws RailUnavailableError otherwise. */
  async postJson(
    rail: string,
    url: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<RailHttpAnswer> {
    return this.send(rail, url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  async getJson(rail: string, url: string, headers: Record<string, string> = {}): Promise<RailHttpAnswer> {
    return this.send(rail, url, { method: 'GET', headers });
  }

  private async send(rail: string, url: string, init: RequestInit): Promise<RailHttpAnswer> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new RailUnavailableError(rail, (error as Error).message);
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500) throw new RailUnavailableError(rail, `HTTP ${response.status}`);
    try {
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    } catch {
      throw new RailUnavailableError(rail, `HTTP ${response.status} with a body that is not JSON`);
    }
  }
}
