import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetReconciliationImport,
  ImportBankCsv,
  ImportCamt053,
  ImportFileRequest,
  ImportRailReport,
  ImportRailReportRequest,
  ImportStripeReport,
  ListReconciliationImports,
  ListReconciliationImportsRequest,
  ReconciliationImportListResponse,
  ReconciliationImportView,
  StartStripeApiImport,
  StartStripeApiImportRequest,
} from '@libs/contracts';
import { ReconciliationImportsService } from './reconciliation-imports.service';

@Controller()
export class ReconciliationImportsRpcController {
  constructor(private readonly imports: ReconciliationImportsService) {}

  @RpcHandler(StartStripeApiImport)
  start(
    @Payload() request: StartStripeApiImportRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReconciliationImportView> {
    return this.imports.startApiImport(caller, request);
  }

  @RpcHandler(ImportStripeReport)
  stripeReport(@Payload() request: ImportFileRequest, @CallerOf() caller: Caller): Promise<ReconciliationImportView> {
    return this.imports.importStripeReport(caller, request.content);
  }

  @RpcHandler(ImportBankCsv)
  bankCsv(@Payload() request: ImportFileRequest, @CallerOf() caller: Caller): Promise<ReconciliationImportView> {
    return this.imports.importBankCsv(caller, request.content);
  }

  @RpcHandler(ImportCamt053)
  camt053(@Payload() request: ImportFileRequest, @CallerOf() caller: Caller): Promise<ReconciliationImportView> {
    return this.imports.importCamt053(caller, request.content);
  }

  @RpcHandler(ImportRailReport)
  railReport(
    @Payload() request: ImportRailReportRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReconciliationImportView> {
    return this.imports.importRailReport(caller, request.rail, request.content);
  }

  @RpcHandler(GetReconciliationImport)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ReconciliationImportView> {
    return this.imports.get(caller.tenantId, request.id);
  }

  @RpcHandler(ListReconciliationImports)
  async list(
    @Payload() request: ListReconciliationImportsRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReconciliationImportListResponse> {
    return { items: await this.imports.list(caller.tenantId, request.limit) };
  }
}
