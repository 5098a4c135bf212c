import { IsEmail, IsUrl, Matches, ValidateIf } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { READER_ID } from './checkout.rpc';

export class CreatePortalRequest {
  @ValidateIf((o: CreatePortalRequest) => o.readerId !== undefined || o.email === undefined)
  @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@-' })
  readerId?: string;
  @ValidateIf((o: CreatePortalRequest) => o.email !== undefined || o.readerId === undefined) @IsEmail() email?: string;
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) returnUrl!: string;
}

export class PortalView {
  @IsUrl({ require_tld: false }) url!: string;
}

export const CreatePortal = defineRpc({
  subject: 'subscriptions.portal.create.v1',
  request: CreatePortalRequest,
  response: PortalView,
  description: "A customer-portal session for a reader's billing.",
  roles: ['admin', 'editor'],
});
