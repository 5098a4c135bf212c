import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyRevisionRepository } from '../revisions/agency-revision.repository';
import { PolicyRevision } from './policy-revision.entity';

/** The only code that reads and writes policy revisions. */
@Injectable()
export class PolicyRevisionRepository extends AgencyRevisionRepository<PolicyRevision> {
  constructor(dataSource: DataSource) {
    super(dataSource, PolicyRevision, 'paywall-policies');
  }
}
