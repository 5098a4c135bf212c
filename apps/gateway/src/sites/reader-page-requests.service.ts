import { Injectable } from '@nestjs/common';
import { Caller, RpcClient, ValidationFailedError } from '@libs/common';
import { FieldError, readerKeyOf, VerifyReaderToken } from '@libs/contracts';
import type { Principal } from '../access/principal';
import { isOnSiteDomain } from './site-domain';

/** The reader a request names: by the agency's reader id and/or email, with the reader's token or not. */
interface NamedReader {
  readerId?: string;
  email?: string;
  readerToken?: string;
}

/**
 * What a reader's page (a publishable site key, which anyone can copy) may ask of the routes
 * that also serve the agency's servers: redirects only to the site's own domain, and a reader
 * named only with the token the agency's server issued for them. Requests with a secret key
 * or a console session pass unchanged.
 */
@Injectable()
export class ReaderPageRequestsService {
  constructor(private readonly rpc: RpcClient) {}

  /** Refuses, naming each field, redirect URLs of a reader page that leave its site's domain. */
  checkRedirects(principal: Principal, urls: Record<string, string | undefined>): void {
    if (principal.kind !== 'site') return;
    const errors: FieldError[] = Object.entries(urls)
      .filter(([, url]) => url !== undefined && !isOnSiteDomain(url, principal.domain))
      .map(([field]) => ({ field, message: `${field} must be a URL on the site's domain (${principal.domain})` }));
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }

  /**
   * A reader page names an existing reader (`readerId`) only with that reader's token, and a
   * token it sends must be valid and vouch for the reader it names. Answers whether the reader
   * is vouched for: without that, the page's request must not act as an existing customer.
   */
  async checkReader(principal: Principal, caller: Caller, reader: NamedReader): Promise<boolean> {
    if (principal.kind !== 'site') return true;
    if (reader.readerToken === undefined) {
      if (reader.readerId === undefined) return false;
      throw new ValidationFailedError([
        { field: 'readerToken', message: 'readerToken is required to name a reader by readerId from a reader page' },
      ]);
    }
    const { readerKey } = await this.rpc.request(VerifyReaderToken, { token: reader.readerToken }, caller);
    if (readerKey !== readerKeyOf(reader))
      throw new ValidationFailedError([
        { field: 'readerToken', message: 'readerToken vouches for another reader than readerId or email names' },
      ]);
    return true;
  }
}
