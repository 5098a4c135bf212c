import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetReconciliationImport,
  ImportBankCsv,
  ImportCamt053,
  ImportFileRequest,
  ImportStripeReport,
  ListReconciliationImports,
  ListReconciliationImportsRequest,
  ReconciliationImportListResponse,
  ReconciliationImportView,
  StartStripeApiImport,
  StartStripeApiImportRequest,
} from '@libs/contracts';
import { ReconciliationImportsService } from './reconciliation-imports.service';

const FINANCE = ['admin', 'finance'];

@Controller()
export class ReconciliationImportsRpcController {
  constructor(private readonly imports: ReconciliationImportsService) {}

  @RpcHandler(StartStripeApiImport, { roles: FINANCE })
  start(
    @Payload() request: StartStripeApiImportRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReconciliationImportView> {
    return this.imports.startApiImport(caller, request);
  }

  @RpcHandler(ImportStripeReport, { roles: FINANCE })
  stripeReport(@Payload() request: ImportFileRequest, @CallerOf() caller: Caller): Promise<ReconciliationImportView> {
    return this.imports.importStripeReport(caller, request.content);
  }

  @RpcHandler(ImportBankCsv, { roles: FINANCE })
  bankCsv(@Payload() request: ImportFileRequest, @CallerOf() caller: Caller): Promise<ReconciliationImportView> {
    return this.imports.importBankCsv(caller, request.content);
  }

  @RpcHandler(ImportCamt053, { roles: FINANCE })
  camt053(@Payload() request: ImportFileRequest, @CallerOf() caller: Caller): Promise<ReconciliationImportView> {
    return this.imports.importCamt053(caller, request.content);
  }

  @RpcHandler(GetReconciliationImport, { roles: FINANCE })
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ReconciliationImportView> {
    return this.imports.get(caller.tenantId, request.id);
  }

  @RpcHandler(ListReconciliationImports, { roles: FINANCE })
  async list(
    @Payload() request: ListReconciliationImportsRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReconciliationImportListResponse> {
    return { items: await this.imports.list(caller.tenantId, request.limit) };
  }
}
