import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../define-event';
import { ExperimentView } from './experiment.rpc';

export const ExperimentChanged = defineEvent({
  subject: 'evt.paywall.experiment.changed.v1',
  data: ExperimentView,
  description: 'An experiment was created, changed, started or stopped; keep the highest version.',
});

export class ArmImpressions {
  @IsUUID() experimentId!: string;
  @IsString() arm!: string;
  @IsInt() @Min(1) impressions!: number;
}

export class ExperimentImpressionsRecordedEvent {
  @ValidateNested({ each: true }) @Type(() => ArmImpressions) counts!: ArmImpressions[];
}

export const ExperimentImpressionsRecorded = defineEvent({
  subject: 'evt.paywall.experiment-impression.recorded.v1',
  data: ExperimentImpressionsRecordedEvent,
  description: 'Decisions that showed experiment arms, counted by one paywall instance over about a second.',
});
