import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyRevisionRepository } from '../revisions/agency-revision.repository';
import { OfferRevision } from './offer-revision.entity';

/** The only code that reads and writes offer revisions. */
@Injectable()
export class OfferRevisionRepository extends AgencyRevisionRepository<OfferRevision> {
  constructor(dataSource: DataSource) {
    super(dataSource, OfferRevision, 'paywall-offers');
  }
}
