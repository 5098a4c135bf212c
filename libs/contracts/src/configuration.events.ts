import { Nullable } from './nullable';
import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { defineEvent } from './define-event';
import type { EventContract } from './contract-registry';
import type { ServiceName } from './services';

/**
 * A configuration or money-relevant change made inside a service, for the agency's one audit
 * log (kept by the gateway): who, what, from what to what. Secrets never appear in it.
 */
export class ConfigurationChangedEvent {
  /** `api-key:<id>`, `user:<id>`, `operator`, or the service itself for its own jobs. */
  @IsString() @Length(1, 200) actor!: string;
  @Nullable() @IsOptional() @IsString() requestId!: string | null;
  /** `<target>.<verb>`, e.g. `plan.created`, `billing-settings.updated`. */
  @Matches(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/) action!: string;
  @IsString() @Length(1, 100) targetType!: string;
  @IsString() @Length(1, 200) targetId!: string;
  @Nullable() @IsOptional() @IsObject() before!: Record<string, unknown> | null;
  @Nullable() @IsOptional() @IsObject() after!: Record<string, unknown> | null;
}

function configurationChanged(service: Exclude<ServiceName, 'gateway'>): EventContract<ConfigurationChangedEvent> {
  return defineEvent({
    subject: `evt.${service}.configuration.changed.v1`,
    data: ConfigurationChangedEvent,
    description: `A configuration or money-relevant change in ${service} (who, what, before/after), for the audit log.`,
  });
}

/** One audit subject per service that keeps configuration; the gateway records them all. */
export const CONFIGURATION_CHANGED = {
  paywall: configurationChanged('paywall'),
  subscriptions: configurationChanged('subscriptions'),
  payments: configurationChanged('payments'),
  advertising: configurationChanged('advertising'),
  licensing: configurationChanged('licensing'),
  finance: configurationChanged('finance'),
} as const;
