import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyRevisions } from '../revisions/agency-revisions';
import { PolicyRevision } from './policy-revision.entity';

/** The only code that reads and writes policy revisions. */
@Injectable()
export class PolicyRevisionsRepository extends AgencyRevisions<PolicyRevision> {
  constructor(dataSource: DataSource) {
    super(dataSource, PolicyRevision, 'paywall-policies');
  }
}
