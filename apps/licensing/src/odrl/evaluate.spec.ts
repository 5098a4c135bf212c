import { agencyIri, articleAsset, catalogIri, licenseeIri, sectionIri } from './agency-iris';
import type { AtomicPolicy } from './atomic-policy';
import { evaluate } from './evaluate';
import type { Evaluation, EvaluationRequest } from './evaluation';
import { SUITE_PROFILE } from './odrl-vocabulary';
import { SUITE_POLICY_CONTEXT } from './pinned-contexts';
import type { JsonObject } from './policy-reading';
import { readPolicy } from './read-policy';
import { toAgreement } from './to-agreement';

const AGENCY = '7f1f9c1e-5b1a-4c7e-9d1e-1a2b3c4d5e6f';
const LICENSEE = licenseeIri(AGENCY, 'b9c2a1d0-0000-4000-8000-000000000001');
const OTHER_LICENSEE = licenseeIri(AGENCY, 'b9c2a1d0-0000-4000-8000-000000000002');
const CATALOG = catalogIri(AGENCY);

type Rule = JsonObject;

/** An Agreement of the agency with the licensee, its rules on the whole catalog unless they say otherwise. */
function agreement(rules: { permission?: Rule[]; prohibition?: Rule[] }, extra: JsonObject = {}): JsonObject {
  const onCatalog = (rule: Rule) => ({ target: CATALOG, ...rule });
  return {
    '@context': [...SUITE_POLICY_CONTEXT],
    '@type': 'Agreement',
    uid: 'https://revenue-suite.dev/agreements/test',
    profile: SUITE_PROFILE,
    assigner: agencyIri(AGENCY),
    assignee: LICENSEE,
    ...(rules.permission && { permission: rules.permission.map(onCatalog) }),
    ...(rules.prohibition && { prohibition: rules.prohibition.map(onCatalog) }),
    ...extra,
  };
}

function read(document: JsonObject): AtomicPolicy {
  const result = readPolicy(document);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}

interface Ask {
  action?: string;
  assignee?: string | null;
  country?: string | null;
  channel?: string | null;
  now?: string;
  countSoFar?: Record<string, number>;
  sections?: string[];
  publishedAt?: string | null;
  embargoUntil?: string | null;
  excludedTerritories?: string[];
  licensable?: boolean;
}

function ask(policy: AtomicPolicy, ask: Ask = {}): Evaluation {
  const request: EvaluationRequest = {
    assignee: ask.assignee === null ? null : { uid: ask.assignee ?? LICENSEE },
    action: ask.action ?? 'display',
    target: articleAsset(AGENCY, {
      id: 'bai-1',
      sections: ask.sections ?? ['politics'],
      publishedAt: ask.publishedAt === null ? null : new Date(ask.publishedAt ?? '2026-03-01T00:00:00Z'),
      embargoUntil: ask.embargoUntil ? new Date(ask.embargoUntil) : null,
      excludedTerritories: ask.excludedTerritories ?? [],
      licensable: ask.licensable ?? true,
    }),
    context: {
      country: ask.country === undefined ? 'VN' : ask.country,
      channel: ask.channel === undefined ? 'web' : ask.channel,
      now: new Date(ask.now ?? '2026-06-01T00:00:00Z'),
      countSoFar: ask.countSoFar ?? {},
    },
  };
  return evaluate(policy, request);
}

const display = (constraint?: Rule | Rule[]): Rule => ({
  action: 'display',
  ...(constraint && { constraint: [constraint].flat() }),
});
const when = (leftOperand: string, operator: string, rightOperand: unknown): Rule => ({
  leftOperand,
  operator,
  rightOperand,
});
const at = (value: string, type = 'xsd:dateTime') => ({ '@value': value, '@type': type });
const FIRST_CONSTRAINT = 'permission[0].constraint[0]';

type Row = [
  string,
  JsonObject,
  Ask,
  { decision: 'permit' | 'deny'; code: string; rule?: string | null; constraint?: string | null },
];

const TABLE: Row[] = [
  // territory (ISO 3166)
  [
    'a territory the permission names',
    agreement({ permission: [display(when('spatial', 'eq', 'VN'))] }),
    { country: 'VN' },
    { decision: 'permit', code: 'permitted', rule: 'permission[0]' },
  ],
  [
    'a territory it does not name',
    agreement({ permission: [display(when('spatial', 'eq', 'VN'))] }),
    { country: 'US' },
    { decision: 'deny', code: 'constraint-not-satisfied', constraint: FIRST_CONSTRAINT },
  ],
  [
    'one of several territories',
    agreement({ permission: [display(when('spatial', 'isAnyOf', ['VN', 'LA', 'KH']))] }),
    { country: 'LA' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'a territory excluded by isNoneOf',
    agreement({ permission: [display(when('spatial', 'isNoneOf', ['CN']))] }),
    { country: 'CN' },
    { decision: 'deny', code: 'constraint-not-satisfied' },
  ],
  [
    'a territory written as RightsML does (IPTC alpha-3 IRI)',
    agreement({ permission: [display(when('spatial', 'eq', { '@id': 'http://cvx.iptc.org/iso3166-1a3/VNM' }))] }),
    { country: 'VN' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'no known country against a territory',
    agreement({ permission: [display(when('spatial', 'eq', 'VN'))] }),
    { country: null },
    { decision: 'deny', code: 'constraint-undecidable', constraint: FIRST_CONSTRAINT },
  ],
  [
    'a country the article itself excludes, whatever the policy says',
    agreement({ permission: [display()] }),
    { country: 'VN', excludedTerritories: ['VN'] },
    { decision: 'deny', code: 'territory-excluded' },
  ],
  // time window
  [
    'inside the window',
    agreement({
      permission: [
        display([
          when('dateTime', 'gteq', at('2026-01-01T00:00:00Z')),
          when('dateTime', 'lt', at('2027-01-01T00:00:00Z')),
        ]),
      ],
    }),
    { now: '2026-06-01T00:00:00Z' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'at the end of the window (excluded)',
    agreement({
      permission: [
        display([
          when('dateTime', 'gteq', at('2026-01-01T00:00:00Z')),
          when('dateTime', 'lt', at('2027-01-01T00:00:00Z')),
        ]),
      ],
    }),
    { now: '2027-01-01T00:00:00Z' },
    { decision: 'deny', code: 'constraint-not-satisfied', constraint: 'permission[0].constraint[1]' },
  ],
  [
    'before the window',
    agreement({ permission: [display([when('dateTime', 'gteq', at('2026-01-01T00:00:00Z'))])] }),
    { now: '2025-12-31T23:59:59Z' },
    { decision: 'deny', code: 'constraint-not-satisfied' },
  ],
  [
    'on the last day of an xsd:date window (the whole day counts)',
    agreement({ permission: [display(when('dateTime', 'lteq', at('2026-12-31', 'xsd:date')))] }),
    { now: '2026-12-31T23:00:00Z' },
    { decision: 'permit', code: 'permitted' },
  ],
  // count / quota
  [
    'a use within the quota',
    agreement({ permission: [display(when('count', 'lteq', 3))] }),
    { countSoFar: { [FIRST_CONSTRAINT]: 2 } },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'a use past the quota',
    agreement({ permission: [display(when('count', 'lteq', 3))] }),
    { countSoFar: { [FIRST_CONSTRAINT]: 3 } },
    { decision: 'deny', code: 'constraint-not-satisfied', constraint: FIRST_CONSTRAINT },
  ],
  [
    'a quota kept under its uid',
    agreement({ permission: [display({ uid: 'urn:quota:monthly', ...when('count', 'lt', 1000) })] }),
    { countSoFar: { 'urn:quota:monthly': 998 } },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'a quota kept under its uid, spent (this use would be the thousandth)',
    agreement({ permission: [display({ uid: 'urn:quota:monthly', ...when('count', 'lt', 1000) })] }),
    { countSoFar: { 'urn:quota:monthly': 999 } },
    { decision: 'deny', code: 'constraint-not-satisfied' },
  ],
  // delay after publication and embargo
  [
    'too soon after publication',
    agreement({ permission: [display(when('delayPeriod', 'gteq', 'PT24H'))] }),
    { publishedAt: '2026-03-01T00:00:00Z', now: '2026-03-01T12:00:00Z' },
    { decision: 'deny', code: 'constraint-not-satisfied' },
  ],
  [
    'once the delay has passed',
    agreement({ permission: [display(when('delayPeriod', 'gteq', 'PT24H'))] }),
    { publishedAt: '2026-03-01T00:00:00Z', now: '2026-03-02T00:00:00Z' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'a delay with no publication time',
    agreement({ permission: [display(when('delayPeriod', 'gteq', 'PT24H'))] }),
    { publishedAt: null },
    { decision: 'deny', code: 'constraint-undecidable' },
  ],
  [
    'an article under embargo',
    agreement({ permission: [display()] }),
    { embargoUntil: '2026-06-02T00:00:00Z', now: '2026-06-01T00:00:00Z' },
    { decision: 'deny', code: 'embargoed' },
  ],
  [
    'an article whose embargo has lifted',
    agreement({ permission: [display()] }),
    { embargoUntil: '2026-06-01T00:00:00Z', now: '2026-06-01T00:00:00Z' },
    { decision: 'permit', code: 'permitted' },
  ],
  // sections
  [
    'a section the article is in (constraint)',
    agreement({ permission: [display(when('section', 'isAnyOf', ['politics', 'business']))] }),
    { sections: ['politics'] },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'a section the article is not in (constraint)',
    agreement({ permission: [display(when('section', 'eq', 'sport'))] }),
    { sections: ['politics'] },
    { decision: 'deny', code: 'constraint-not-satisfied' },
  ],
  [
    'a section as the target',
    agreement({ permission: [{ ...display(), target: sectionIri(AGENCY, 'politics') }] }),
    { sections: ['politics'] },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'another section as the target',
    agreement({ permission: [{ ...display(), target: sectionIri(AGENCY, 'sport') }] }),
    { sections: ['politics'] },
    { decision: 'deny', code: 'article-not-covered' },
  ],
  [
    'a catalog refined to sections',
    agreement({
      permission: [
        {
          ...display(),
          target: {
            '@type': 'AssetCollection',
            source: CATALOG,
            refinement: [when('section', 'isNoneOf', ['opinion'])],
          },
        },
      ],
    }),
    { sections: ['opinion'] },
    { decision: 'deny', code: 'article-not-covered' },
  ],
  // channel
  [
    'a channel the permission names',
    agreement({ permission: [display(when('deliveryChannel', 'isAnyOf', ['web', 'app']))] }),
    { channel: 'web' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'a channel it does not name',
    agreement({ permission: [display(when('deliveryChannel', 'isAnyOf', ['web', 'app']))] }),
    { channel: 'feed' },
    { decision: 'deny', code: 'constraint-not-satisfied' },
  ],
  // the action hierarchy (includedIn)
  [
    'display under a permission to use',
    agreement({ permission: [{ action: 'use' }] }),
    { action: 'display' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'display under a permission to play (display is included in play)',
    agreement({ permission: [{ action: 'play' }] }),
    { action: 'display' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'use under a permission to display only',
    agreement({ permission: [display()] }),
    { action: 'use' },
    { decision: 'deny', code: 'no-permission' },
  ],
  [
    'AI training under a permission to reproduce (never inherited)',
    agreement({ permission: [{ action: 'reproduce' }] }),
    { action: 'aiTrain' },
    { decision: 'deny', code: 'no-permission' },
  ],
  [
    'AI training under a permission to use',
    agreement({ permission: [{ action: 'use' }] }),
    { action: 'rev:aiTrain' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'AI training under a permission of text and data mining',
    agreement({ permission: [{ action: 'textAndDataMining' }] }),
    { action: 'aiTrain' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'search indexing under a permission to index',
    agreement({ permission: [{ action: 'index' }] }),
    { action: 'searchIndex' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'an action no vocabulary has',
    agreement({ permission: [{ action: 'use' }] }),
    { action: 'dance' },
    { decision: 'deny', code: 'unknown-action' },
  ],
  // conflicts
  [
    'a prohibited action under conflict prohibit',
    agreement({ permission: [{ action: 'use' }], prohibition: [{ action: 'aiTrain' }] }, { conflict: 'prohibit' }),
    { action: 'aiTrain' },
    { decision: 'deny', code: 'prohibited', rule: 'prohibition[0]' },
  ],
  [
    'another action under the same policy',
    agreement({ permission: [{ action: 'use' }], prohibition: [{ action: 'aiTrain' }] }, { conflict: 'prohibit' }),
    { action: 'display' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'a prohibited action under conflict perm',
    agreement({ permission: [{ action: 'use' }], prohibition: [{ action: 'aiTrain' }] }, { conflict: 'perm' }),
    { action: 'aiTrain' },
    { decision: 'permit', code: 'permitted-over-prohibition' },
  ],
  [
    'any action of a policy voided by a conflict (conflict invalid)',
    agreement(
      { permission: [{ action: 'use' }], prohibition: [{ action: 'print', constraint: when('spatial', 'eq', 'VN') }] },
      { conflict: 'invalid' },
    ),
    { action: 'display', country: 'VN' },
    { decision: 'deny', code: 'policy-void' },
  ],
  [
    'the same policy where the prohibition is not in force',
    agreement(
      { permission: [{ action: 'use' }], prohibition: [{ action: 'print', constraint: when('spatial', 'eq', 'VN') }] },
      { conflict: 'invalid' },
    ),
    { action: 'display', country: 'US' },
    { decision: 'permit', code: 'permitted' },
  ],
  [
    'a conflict with no strategy (invalid is the default)',
    agreement({
      permission: [{ action: 'use' }],
      prohibition: [{ action: 'print', constraint: when('spatial', 'eq', 'VN') }],
    }),
    { action: 'display', country: 'VN' },
    { decision: 'deny', code: 'policy-void' },
  ],
  [
    'a prohibition that cannot be decided still applies',
    agreement(
      {
        permission: [{ action: 'use' }],
        prohibition: [{ action: 'aiTrain', constraint: when('spatial', 'eq', 'VN') }],
      },
      { conflict: 'prohibit' },
    ),
    { action: 'aiTrain', country: null },
    { decision: 'deny', code: 'prohibited' },
  ],
  // parties
  [
    'another licensee under an agreement',
    agreement({ permission: [display()] }),
    { assignee: OTHER_LICENSEE },
    { decision: 'deny', code: 'not-assignee' },
  ],
  [
    'no one named under an agreement',
    agreement({ permission: [display()] }),
    { assignee: null },
    { decision: 'deny', code: 'not-assignee' },
  ],
  [
    'an article the agency does not license',
    agreement({ permission: [display()] }),
    { licensable: false },
    { decision: 'deny', code: 'not-licensable' },
  ],
];

describe('evaluate', () => {
  it.each(TABLE)('%s', (_case, document, request, expected) => {
    const answer = ask(read(document), request);
    expect({ decision: answer.decision, code: answer.reason.code }).toEqual({
      decision: expected.decision,
      code: expected.code,
    });
    if (expected.rule !== undefined) expect(answer.reason.rule).toBe(expected.rule);
    if (expected.constraint !== undefined) expect(answer.reason.constraint).toBe(expected.constraint);
  });

  describe('offer versus agreement', () => {
    const offer: JsonObject = {
      '@context': [...SUITE_POLICY_CONTEXT],
      '@type': 'Offer',
      uid: `${agencyIri(AGENCY)}/licence-offers/o-1/revisions/3`,
      profile: SUITE_PROFILE,
      assigner: agencyIri(AGENCY),
      permission: [{ target: CATALOG, action: ['display', 'reproduce'] }],
    };
    const terms = {
      uid: 'https://revenue-suite.dev/agreements/a-1',
      assignee: LICENSEE,
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    };

    it('grants nothing while it is an offer', () => {
      expect(ask(read(offer), { assignee: LICENSEE }).reason.code).toBe('offer-not-agreed');
      expect(ask(read(offer), { assignee: null }).reason.code).toBe('offer-not-agreed');
    });

    it('grants the licensee who accepted it, within the term, once it is an agreement', () => {
      const accepted = read(toAgreement(offer, terms));
      expect(accepted.type).toBe('Agreement');
      expect(ask(accepted, { now: '2026-06-01T00:00:00Z' }).decision).toBe('permit');
      expect(ask(accepted, { action: 'reproduce', now: '2026-06-01T00:00:00Z' }).decision).toBe('permit');
      expect(ask(accepted, { assignee: OTHER_LICENSEE }).reason.code).toBe('not-assignee');
      expect(ask(accepted, { now: '2027-01-01T00:00:00Z' }).reason).toMatchObject({
        code: 'constraint-not-satisfied',
        rule: 'permission[0]',
      });
      expect(ask(accepted, { now: '2025-12-31T00:00:00Z' }).reason.code).toBe('constraint-not-satisfied');
    });

    it('names the offer revision it came from and leaves the offer unchanged', () => {
      const before = structuredClone(offer);
      const accepted = toAgreement(offer, terms);
      expect(accepted['dct:source']).toEqual({ '@id': offer.uid });
      expect(accepted.assignee).toBe(LICENSEE);
      expect(offer).toEqual(before);
    });
  });

  describe('duties incurred', () => {
    const pay = (amount: string, currency: string, ...more: Rule[]) => ({
      action: [
        {
          'rdf:value': { '@id': 'odrl:compensate' },
          refinement: [
            { leftOperand: 'payAmount', operator: 'eq', rightOperand: amount, unit: `rev:currency/${currency}` },
            ...more,
          ],
        },
      ],
    });

    it('a price per article, attribution and a link back', () => {
      const policy = read(
        agreement({
          permission: [
            {
              action: 'reproduce',
              duty: [
                pay('2000', 'VND', when('unitOfCount', 'eq', { '@id': 'rev:article' })),
                { action: 'attribute', attributedParty: agencyIri(AGENCY) },
                { action: 'linkBack' },
              ],
            },
          ],
        }),
      );
      const answer = ask(policy, { action: 'reproduce' });
      expect(answer.decision).toBe('permit');
      expect(answer.duties).toEqual([
        expect.objectContaining({
          action: 'compensate',
          payment: expect.objectContaining({ amount: '2000', currency: 'VND', basis: 'per-unit', unit: 'article' }),
        }),
        expect.objectContaining({
          action: 'attribute',
          payment: null,
          parties: [{ function: 'attributedParty', uid: agencyIri(AGENCY) }],
        }),
        expect.objectContaining({ action: 'rev:linkBack', payment: null }),
      ]);
    });

    it.each([
      [
        'a flat fee per month',
        pay('5000000', 'VND', when('timeInterval', 'eq', 'P1M')),
        { amount: '5000000', currency: 'VND', basis: 'per-period', period: 'P1M', minimum: false },
      ],
      [
        'a price per thousand crawls',
        pay('50000', 'VND', when('unitOfCount', 'eq', { '@id': 'rev:thousandCrawls' })),
        { amount: '50000', basis: 'per-unit', unit: 'thousand-crawls' },
      ],
      [
        'a price per retrieval in dollars (minor units)',
        pay('0.25', 'USD', when('unitOfCount', 'eq', { '@id': 'rev:retrieval' })),
        { amount: '25', currency: 'USD', unit: 'retrieval' },
      ],
      [
        'a revenue share with a yearly minimum guarantee',
        {
          action: [
            {
              'rdf:value': { '@id': 'odrl:compensate' },
              refinement: [
                when('revenueShare', 'eq', '30'),
                { leftOperand: 'payAmount', operator: 'gteq', rightOperand: '120000000', unit: 'rev:currency/VND' },
                when('timeInterval', 'eq', 'P1Y'),
              ],
            },
          ],
        },
        { basis: 'revenue-share', revenueShareBasisPoints: 3000, amount: '120000000', minimum: true, period: 'P1Y' },
      ],
    ])('%s', (_case, duty, payment) => {
      const answer = ask(read(agreement({ permission: [{ action: 'distribute', duty: [duty] }] })), {
        action: 'distribute',
      });
      expect(answer.duties[0].payment).toEqual(expect.objectContaining(payment));
    });

    it('reports the quota the granting permission counts, with its period', () => {
      const policy = read(
        agreement({
          permission: [
            display([{ uid: 'urn:quota:monthly', ...when('count', 'lteq', 1000) }, when('timeInterval', 'eq', 'P1M')]),
          ],
        }),
      );
      expect(ask(policy, { countSoFar: { 'urn:quota:monthly': 10 } }).quotas).toEqual([
        { key: 'urn:quota:monthly', limit: 1000, used: 10, period: 'P1M' },
      ]);
    });
  });
});
