import { activeConformance } from './document-conformance';

/** A thin HTTP client for the gateway, answering status, headers and parsed body. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly credentials: { bearer?: string; siteKey?: string } = {},
  ) {}

  as(credentials: { bearer?: string; siteKey?: string }): Api {
    return new Api(this.baseUrl, credentials);
  }

  get<T = Record<string, unknown>>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.send<T>('GET', path, undefined, headers);
  }

  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    return this.send<T>('POST', path, body, headers);
  }

  put<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    return this.send<T>('PUT', path, body, headers);
  }

  patch<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    return this.send<T>('PATCH', path, body, headers);
  }

  delete<T = Record<string, unknown>>(path: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.send<T>('DELETE', path, undefined, headers);
  }

  async send<T>(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const all: Record<string, string> = { ...headers };
    if (this.credentials.bearer) all.authorization = `Bearer ${this.credentials.bearer}`;
    if (this.credentials.siteKey) all['x-site-key'] = this.credentials.siteKey;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      all['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: all, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    activeConformance()?.checkAnswer(
      method,
      response.url,
      response.status,
      response.headers.get('content-type'),
      parsed,
    );
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
}
