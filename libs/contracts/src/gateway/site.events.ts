import { IsInt, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '../define-event';

/** A site as reader-facing services need it: which agency a publishable key speaks for. */
export class SiteChangedEvent {
  @IsUUID() siteId!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsString() domain!: string;
  @Matches(/^pk_[A-Za-z0-9_-]{22}$/) publishableKey!: string;
  /** Per site, strictly increasing. */
  @IsInt() @Min(1) version!: number;
}

export const SiteChanged = defineEvent({
  subject: 'evt.gateway.site.changed.v1',
  data: SiteChangedEvent,
  description: 'A site was created or changed; reader-facing services authenticate its publishable key themselves.',
});
