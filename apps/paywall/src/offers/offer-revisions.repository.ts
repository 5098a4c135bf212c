import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyRevisions } from '../revisions/agency-revisions';
import { OfferRevision } from './offer-revision.entity';

/** The only code that reads and writes offer revisions. */
@Injectable()
export class OfferRevisionsRepository extends AgencyRevisions<OfferRevision> {
  constructor(dataSource: DataSource) {
    super(dataSource, OfferRevision, 'paywall-offers');
  }
}
