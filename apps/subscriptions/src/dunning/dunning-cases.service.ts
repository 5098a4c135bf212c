import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/common';
import { DunningCaseListResponse, DunningCaseView, LIST_PAGE_DEFAULT, ListDunningCasesRequest } from '@libs/contracts';
import { toDunningCaseView } from './dunning-case.mapper';
import { DunningCaseRepository } from './dunning-case.repository';

/** What staff see of dunning: the readers at risk now, and how each case ended. */
@Injectable()
export class DunningCasesService {
  constructor(private readonly cases: DunningCaseRepository) {}

  async list(tenantId: string, request: ListDunningCasesRequest): Promise<DunningCaseListResponse> {
    const limit = request.limit ?? LIST_PAGE_DEFAULT;
    const rows = await this.cases.findPageOfTenant(tenantId, request.status ?? 'open', limit, request.before);
    return { items: rows.map(toDunningCaseView), nextBefore: rows.length === limit ? rows[rows.length - 1].id : null };
  }

  async get(tenantId: string, id: string): Promise<DunningCaseView> {
    const dunningCase = await this.cases.findOneOfTenant(tenantId, id);
    if (!dunningCase) throw new NotFoundError('dunning case', id);
    return toDunningCaseView(dunningCase);
  }
}
