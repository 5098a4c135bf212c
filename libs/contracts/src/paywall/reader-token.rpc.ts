import { IsEmail, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { READER_ID } from '../subscriptions/checkout.rpc';

/** A logged-in reader, as the agency's server knows them: its own reader id and/or the email. */
export class IssueReaderTokenRequest {
  @ValidateIf((o: IssueReaderTokenRequest) => o.readerId !== undefined || o.email === undefined)
  @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@-' })
  readerId?: string;
  @ValidateIf((o: IssueReaderTokenRequest) => o.email !== undefined || o.readerId === undefined)
  @IsEmail()
  email?: string;
}

export class ReaderTokenView {
  /** Goes with the reader's decision requests (`readerToken`); signed, short-lived. */
  @IsString() token!: string;
  @IsString() readerKey!: string;
  @IsString() expiresAt!: string;
}

export const IssueReaderToken = defineRpc({
  subject: 'paywall.reader-token.issue.v1',
  request: IssueReaderTokenRequest,
  response: ReaderTokenView,
  description:
    "Vouches for a logged-in reader: the agency's server asks, the reader's page sends the token with each decision.",
  roles: ['admin', 'editor'],
});

/** A reader token as a reader's page sends it, to be checked. */
export class VerifyReaderTokenRequest {
  @IsString() @Length(1, 4096) token!: string;
}

export class VerifiedReaderView {
  /** The reader the token vouches for (`reader:<readerId>` or `email:<email>`). */
  @IsString() readerKey!: string;
}

export const VerifyReaderToken = defineRpc({
  subject: 'paywall.reader-token.verify.v1',
  request: VerifyReaderTokenRequest,
  response: VerifiedReaderView,
  description:
    "Whom a reader token vouches for, for a reader page's request that names a reader (validation failure when it is expired, forged or another agency's).",
  roles: ['reader'],
});
