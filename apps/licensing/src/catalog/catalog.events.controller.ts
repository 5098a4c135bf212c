import { Controller } from '@nestjs/common';
import { ConsumesEvent, EventTransaction } from '@libs/common';
import { ArticleChanged, ArticleChangedEvent, EventEnvelope } from '@libs/contracts';
import { CatalogService } from './catalog.service';

@Controller()
export class CatalogEventsController {
  constructor(private readonly catalog: CatalogService) {}

  @ConsumesEvent(ArticleChanged)
  follow(event: EventEnvelope<ArticleChangedEvent>, tx: EventTransaction): Promise<void> {
    return this.catalog.follow(tx, event.tenantId, event.data);
  }
}
