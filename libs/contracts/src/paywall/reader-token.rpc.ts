import { IsEmail, IsString, Matches, ValidateIf } from 'class-validator';
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
