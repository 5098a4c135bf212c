import { ApiQuery } from '@nestjs/swagger';
import { RECONCILIATION_LIST_LIMIT } from '@libs/contracts';

/** The `limit` of a reconciliation list (imports, runs), as the contracts bound it. */
export const ReconciliationListLimitQuery = () =>
  ApiQuery({
    name: 'limit',
    required: false,
    schema: {
      type: 'integer',
      minimum: 1,
      maximum: RECONCILIATION_LIST_LIMIT.max,
      default: RECONCILIATION_LIST_LIMIT.default,
    },
  });
