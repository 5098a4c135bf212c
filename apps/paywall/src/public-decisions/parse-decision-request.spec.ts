import { createValidationPipe, ValidationFailedError } from '@libs/common';
import { DECISION_TEXT_LIMITS, DecisionRequest, StructuredDataRequest } from '@libs/contracts';
import { parseDecisionRequest } from './parse-decision-request';
import { parseStructuredDataRequest } from './parse-structured-data-request';

/** The fields class-validator refuses, as the services' validation pipe runs it (unknown fields refused). */
async function refusedByContract(type: new () => object, input: object): Promise<string[]> {
  try {
    await createValidationPipe().transform(input, { type: 'body', metatype: type });
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return [...new Set(error.errors!.map((e) => e.field))].sort();
  }
}

function refusedByHand(parsed: { errors: { field: string }[] } | object): string[] {
  return 'errors' in parsed ? [...new Set(parsed.errors.map((e) => e.field))].sort() : [];
}

const text = (length: number) => 'x'.repeat(length);

/** Each input, and the fields refused in it (none: accepted). */
const DECISION_REQUESTS: [string, Record<string, unknown>, string[]][] = [
  ['the article alone', { articleId: 'bai-1' }, []],
  [
    'every field',
    {
      articleId: 'thoi-su/2026:bai_1.html',
      anonymousId: 'anon_1234-abcd',
      readerToken: 'r.k1.mac',
      meterToken: 'm.k1.mac',
      url: 'https://tinnhanh.vn/bai-1',
      referrer: 'https://www.google.com/',
      country: 'VN',
      device: 'mobile',
      section: 'thoi-su',
      lang: 'en',
    },
    [],
  ],
  ['null for every optional field', { articleId: 'a', anonymousId: null, device: null, lang: null, url: null }, []],
  ['no article', {}, ['articleId']],
  ['a null article', { articleId: null }, ['articleId']],
  ['an empty article id', { articleId: '' }, ['articleId']],
  ['an article id of 200 characters', { articleId: text(200) }, []],
  ['an article id of 201 characters', { articleId: text(201) }, ['articleId']],
  ['. as the article id', { articleId: '.' }, ['articleId']],
  ['.. as the article id', { articleId: '..' }, ['articleId']],
  ['... as the article id', { articleId: '...' }, []],
  ['a space in the article id', { articleId: 'bai 1' }, ['articleId']],
  ['an underscore in the article id', { articleId: 'bai_1' }, []],
  ['a question mark in the article id', { articleId: 'bai?1' }, ['articleId']],
  ['a number as the article id', { articleId: 42 }, ['articleId']],
  ['the article id twice (a repeated query parameter)', { articleId: ['a', 'b'] }, ['articleId']],
  ['a short anonymous id', { articleId: 'a', anonymousId: 'abc' }, ['anonymousId']],
  ['an anonymous id of 64 characters', { articleId: 'a', anonymousId: text(64) }, []],
  ['an anonymous id of 65 characters', { articleId: 'a', anonymousId: text(65) }, ['anonymousId']],
  ['a dot in the anonymous id', { articleId: 'a', anonymousId: 'anon.1234' }, ['anonymousId']],
  ...(Object.entries(DECISION_TEXT_LIMITS) as [string, number][]).flatMap(
    ([field, limit]): [string, Record<string, unknown>, string[]][] => [
      [`${field} at its limit`, { articleId: 'a', [field]: text(limit) }, []],
      [`${field} over its limit`, { articleId: 'a', [field]: text(limit + 1) }, [field]],
      [`${field} empty`, { articleId: 'a', [field]: '' }, []],
      [`${field} not a string`, { articleId: 'a', [field]: 7 }, [field]],
    ],
  ),
  ['a lower-case country', { articleId: 'a', country: 'vn' }, ['country']],
  ['a three-letter country', { articleId: 'a', country: 'VNM' }, ['country']],
  ['an unknown device', { articleId: 'a', device: 'phone' }, ['device']],
  ['an unknown language', { articleId: 'a', lang: 'fr' }, ['lang']],
  ['a language that is not a string', { articleId: 'a', lang: 1 }, ['lang']],
  ['an unknown field', { articleId: 'a', siteId: 'x' }, ['siteId']],
  [
    'several faults at once',
    { articleId: '', country: 'x', device: 'tv', extra: true },
    ['articleId', 'country', 'device', 'extra'],
  ],
];

const STRUCTURED_DATA_REQUESTS: [string, Record<string, unknown>, string[]][] = [
  ['the article alone', { articleId: 'bai-1' }, []],
  ['a selector', { articleId: 'bai-1', cssSelector: '.noi-dung > p' }, []],
  ['.. as the article id', { articleId: '..' }, ['articleId']],
  ['no article', { cssSelector: '.noi-dung' }, ['articleId']],
  ['a selector with <', { articleId: 'a', cssSelector: '<script>' }, ['cssSelector']],
  ['a selector with a control character', { articleId: 'a', cssSelector: '.a\n.b' }, ['cssSelector']],
  ['a selector of 201 characters', { articleId: 'a', cssSelector: text(201) }, ['cssSelector']],
  ['an empty selector', { articleId: 'a', cssSelector: '' }, ['cssSelector']],
  ['an unknown field', { articleId: 'a', lang: 'vi' }, ['lang']],
];

describe('the hand-written check of the public endpoint and the contract', () => {
  it.each(DECISION_REQUESTS)('decision request, %s: the same fields refused', async (_case, input, refused) => {
    expect(refusedByHand(parseDecisionRequest(input))).toEqual(refused);
    expect(await refusedByContract(DecisionRequest, input)).toEqual(refused);
  });

  it.each(STRUCTURED_DATA_REQUESTS)(
    'structured-data request, %s: the same fields refused',
    async (_case, input, refused) => {
      expect(refusedByHand(parseStructuredDataRequest(input))).toEqual(refused);
      expect(await refusedByContract(StructuredDataRequest, input)).toEqual(refused);
    },
  );

  it('answers what it accepted as it was given, absent fields absent', () => {
    const given = { articleId: 'bai-1', country: 'VN', device: 'tablet', lang: 'vi', anonymousId: null };
    expect(parseDecisionRequest(given)).toEqual({
      request: { articleId: 'bai-1', country: 'VN', device: 'tablet', lang: 'vi' },
    });
    expect(parseStructuredDataRequest({ articleId: 'bai-1' })).toEqual({
      request: { articleId: 'bai-1', cssSelector: '.paywall-content' },
    });
  });

  it('refuses a body that is not a JSON object, naming the body', () => {
    for (const body of [null, 'bai-1', [{ articleId: 'a' }], 7])
      expect(parseDecisionRequest(body)).toEqual({ errors: [{ field: 'body', message: 'send a JSON object' }] });
  });
});
