import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { MakeQuote, QuoteRequest, QuoteView } from '@libs/contracts';
import { QuotesService } from './quotes.service';

@Controller()
export class QuotesRpcController {
  constructor(private readonly quotes: QuotesService) {}

  @RpcHandler(MakeQuote)
  quote(@Payload() request: QuoteRequest, @CallerOf() caller: Caller): Promise<QuoteView> {
    return this.quotes.quote(caller, request);
  }
}
