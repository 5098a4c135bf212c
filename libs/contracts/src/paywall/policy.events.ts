import { Type } from 'class-transformer';
import { IsInt, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../define-event';
import { PolicyView } from './policy.rpc';

export class PolicyRevisionPublishedEvent {
  @IsInt() @Min(1) revision!: number;
  @ValidateNested({ each: true }) @Type(() => PolicyView) policies!: PolicyView[];
}

export const PolicyRevisionPublished = defineEvent({
  subject: 'evt.paywall.policy-revision.published.v1',
  data: PolicyRevisionPublishedEvent,
  description: "An agency's paywall policies have a new revision (the whole ordered set); keep the highest revision.",
});
