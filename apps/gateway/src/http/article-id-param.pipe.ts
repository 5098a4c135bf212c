import { PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '@libs/common';
import { ARTICLE_ID, ARTICLE_ID_MESSAGE } from '@libs/contracts';

/** `:articleId` path parameters are the agency's own article ids; anything else is a 400 naming it. */
export class ArticleIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ARTICLE_ID.test(value)) throw new ValidationFailedError([{ field: 'articleId', message: ARTICLE_ID_MESSAGE }]);
    return value;
  }
}
