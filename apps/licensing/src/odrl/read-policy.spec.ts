import { agencyIri, catalogIri } from './agency-iris';
import { odrl, SUITE_PROFILE, suite } from './odrl-vocabulary';
import type { JsonObject } from './policy-reading';
import { readPolicy } from './read-policy';

const AGENCY = agencyIri('7f1f9c1e-5b1a-4c7e-9d1e-1a2b3c4d5e6f');
const CATALOG = catalogIri('7f1f9c1e-5b1a-4c7e-9d1e-1a2b3c4d5e6f');
const CONTEXT = ['http://www.w3.org/ns/odrl.jsonld', 'https://revenue-suite.dev/ns/odrl.jsonld'];

/** A valid Offer of the agency, changed by `change` into the case at hand. */
function offer(change: (policy: JsonObject & { permission: JsonObject[] }) => void = () => undefined): JsonObject {
  const policy = {
    '@context': [...CONTEXT],
    '@type': 'Offer',
    uid: `${AGENCY}/licence-offers/o-1`,
    profile: SUITE_PROFILE,
    assigner: AGENCY,
    permission: [
      {
        target: CATALOG,
        action: 'display',
        constraint: [
          { leftOperand: 'spatial', operator: 'eq', rightOperand: 'VN' },
          { leftOperand: 'dateTime', operator: 'lt', rightOperand: { '@value': '2027-01-01', '@type': 'xsd:date' } },
        ],
        duty: [
          {
            action: [
              {
                'rdf:value': { '@id': 'odrl:compensate' },
                refinement: [
                  { leftOperand: 'payAmount', operator: 'eq', rightOperand: '150000', unit: 'rev:currency/VND' },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
  change(policy);
  return policy;
}

const errorsOf = (document: unknown) => {
  const read = readPolicy(document);
  return read.ok ? [] : read.errors;
};

describe('readPolicy', () => {
  it('reads a valid offer into atomic rules with every term expanded', () => {
    const read = readPolicy(offer((p) => (p.permission[0].action = ['display', 'aiInput'])));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.policy).toMatchObject({ type: 'Offer', profiles: [SUITE_PROFILE], conflict: [] });
    expect(read.policy.permissions.map((rule) => rule.action)).toEqual([odrl('display'), suite('aiInput')]);
    expect(read.policy.permissions[0].parties.get(odrl('assigner'))).toEqual({
      uid: AGENCY,
      collection: false,
      refinement: [],
    });
    expect(read.policy.permissions[0].duties[0]).toMatchObject({
      path: 'permission[0].duty[0]',
      action: odrl('compensate'),
    });
  });

  it.each<[string, (policy: JsonObject & { permission: JsonObject[] }) => void, string, RegExp]>([
    ['an unknown action', (p) => (p.permission[0].action = 'dance'), 'permission[0].action', /unknown action dance/],
    [
      'an unknown action among several',
      (p) => (p.permission[0].action = ['display', 'ex:dance']),
      'permission[0].action[1]',
      /ex:dance/,
    ],
    ['a deprecated action', (p) => (p.permission[0].action = 'pay'), 'permission[0].action', /deprecated/],
    [
      'an unknown left operand',
      (p) => ((p.permission[0].constraint as JsonObject[])[1].leftOperand = 'mood'),
      'permission[0].constraint[1].leftOperand',
      /unknown leftOperand mood/,
    ],
    [
      'an unknown operator',
      (p) => ((p.permission[0].constraint as JsonObject[])[0].operator = 'about'),
      'permission[0].constraint[0].operator',
      /unknown operator about/,
    ],
    [
      'an operator a territory does not take',
      (p) => ((p.permission[0].constraint as JsonObject[])[0].operator = 'lt'),
      'permission[0].constraint[0].operator',
      /spatial takes/,
    ],
    [
      'a territory that is no country',
      (p) => ((p.permission[0].constraint as JsonObject[])[0].rightOperand = 'XX'),
      'permission[0].constraint[0].rightOperand',
      /ISO 3166/,
    ],
    [
      'a list for a relational operator',
      (p) => ((p.permission[0].constraint as JsonObject[])[0].rightOperand = ['VN', 'LA']),
      'permission[0].constraint[0].rightOperand',
      /isAnyOf/,
    ],
    [
      'a date that is no date',
      (p) => ((p.permission[0].constraint as JsonObject[])[1].rightOperand = 'soon'),
      'permission[0].constraint[1].rightOperand',
      /xsd:date/,
    ],
    [
      'a right operand to fetch',
      (p) =>
        ((p.permission[0].constraint as JsonObject[])[0] = {
          leftOperand: 'spatial',
          operator: 'eq',
          rightOperandReference: 'http://example.com/c100',
        }),
      'permission[0].constraint[0].rightOperandReference',
      /never dereferences/,
    ],
    [
      'an amount with decimals VND does not have',
      (p) => (refinementOf(p).rightOperand = '150000.5'),
      'permission[0].duty[0].action[0].refinement[0].rightOperand',
      /more decimals than VND has \(0\)/,
    ],
    [
      'an amount written as a float',
      (p) => (refinementOf(p).rightOperand = 1500.5),
      'permission[0].duty[0].action[0].refinement[0].rightOperand',
      /never a float/,
    ],
    [
      'an amount without its currency',
      (p) => delete refinementOf(p).unit,
      'permission[0].duty[0].action[0].refinement[0].unit',
      /currency/,
    ],
    [
      'a currency the suite does not take',
      (p) => (refinementOf(p).unit = 'rev:currency/XYZ'),
      'permission[0].duty[0].action[0].refinement[0].unit',
      /currency/,
    ],
    ['a rule without an action', (p) => delete p.permission[0].action, 'permission[0].action', /needs an action/],
    ['a permission without a target', (p) => delete p.permission[0].target, 'permission[0].target', /needs a target/],
    ['a relative IRI as target', (p) => (p.permission[0].target = 'bai-1'), 'permission[0].target', /absolute IRI/],
    ['an offer without its assigner', (p) => delete p.assigner, 'permission[0].assigner', /assigner/],
    ['an agreement without its assignee', (p) => (p['@type'] = 'Agreement'), 'permission[0].assignee', /assignee/],
    ['a policy type the service does not take', (p) => (p['@type'] = 'Ticket'), '@type', /Ticket/],
    [
      'a profile the suite does not know',
      (p) => (p.profile = 'http://example.com/odrl:profile:01'),
      'profile',
      /not a profile the suite knows/,
    ],
    [
      'terms outside the core without a profile',
      (p) => delete p.profile,
      'profile',
      /display .* is not in ODRL's core vocabulary/,
    ],
    [
      "the suite's terms under RightsML's profile only",
      (p) => {
        p.profile = 'https://iptc.org/std/RightsML/odrl-profile/';
        p.permission[0].action = 'aiTrain';
      },
      'profile',
      /rev:/,
    ],
    [
      'a context the suite does not ship',
      (p) => (p['@context'] = [...CONTEXT, 'https://example.com/context.jsonld']),
      '@context[2]',
      /never fetched/,
    ],
    [
      'an inline context redefining a term',
      (p) => (p['@context'] = [...CONTEXT, { display: 'http://example.com/evil/' }]),
      '@context',
      /cannot be redefined/,
    ],
    [
      'no ODRL context',
      (p) => (p['@context'] = 'https://revenue-suite.dev/ns/odrl.jsonld'),
      '@context',
      /ODRL context/,
    ],
    ['a key no context defines', (p) => (p.summary = 'http://example.com/x/database'), 'summary', /not a term/],
    [
      'a key no context defines, in a rule',
      (p) => (p.permission[0].summary = 'x'),
      'permission[0].summary',
      /not a term/,
    ],
    [
      'a term out of place',
      (p) => (p.permission[0].leftOperand = 'spatial'),
      'permission[0].leftOperand',
      /not a term that belongs here/,
    ],
    ['a nested context', (p) => (p.permission[0]['@context'] = CONTEXT), 'permission[0].@context', /nested context/],
    [
      'a logical constraint of one member',
      (p) =>
        ((p.permission[0].constraint as JsonObject[])[0] = {
          or: [{ leftOperand: 'spatial', operator: 'eq', rightOperand: 'VN' }],
        }),
      'permission[0].constraint[0].or',
      /two or more/,
    ],
    [
      'a logical constraint naming a constraint the policy does not hold',
      (p) =>
        ((p.permission[0].constraint as JsonObject[])[0] = {
          xone: { '@list': [{ '@id': 'http://example.com/p:88/C1' }, { '@id': 'http://example.com/p:88/C2' }] },
        }),
      'permission[0].constraint[0].xone[0]',
      /never fetched/,
    ],
    [
      'inheritance (a parent is never fetched)',
      (p) => (p.inheritFrom = 'http://example.com/policy:default'),
      'inheritFrom',
      /never fetched/,
    ],
    [
      'a remedy with a consequence',
      (p) => {
        (p as JsonObject).prohibition = [
          {
            target: CATALOG,
            action: 'aiTrain',
            remedy: [{ action: 'delete', consequence: [{ action: 'compensate' }] }],
          },
        ];
        p.conflict = 'prohibit';
      },
      'prohibition[0].remedy[0].consequence',
      /not a term that belongs here/,
    ],
    [
      'rules that always conflict under conflict invalid',
      (p) => {
        p.permission[0] = { target: CATALOG, action: 'use' };
        (p as JsonObject).prohibition = [{ target: CATALOG, action: 'aiTrain' }];
      },
      'conflict',
      /permission\[0\] \(use\) and prohibition\[0\] \(rev:aiTrain\) conflict/,
    ],
    ['a conflict term ODRL does not have', (p) => (p.conflict = 'first'), 'conflict', /perm, prohibit or invalid/],
    [
      'a compact rule expanding into too many atomic rules',
      (p) => {
        p.permission[0].target = Array.from({ length: 30 }, (_, i) => `${CATALOG}/${i}`);
        p.permission[0].action = Array.from({ length: 20 }, () => 'display');
      },
      'permission[0]',
      /more than 500 atomic rules/,
    ],
  ])('refuses %s, naming it', (_case, change, field, message) => {
    const errors = errorsOf(offer(change));
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.find((e) => e.field === field)?.message).toMatch(message);
  });

  it('refuses a document that is not an object', () => {
    expect(errorsOf([offer()])).toEqual([{ field: 'body', message: expect.any(String) }]);
  });

  it('takes the published context over https and an inline prefix it already defines', () => {
    const document = offer(
      (p) =>
        (p['@context'] = [
          'https://www.w3.org/ns/odrl.jsonld',
          CONTEXT[1],
          { vcard: 'http://www.w3.org/2006/vcard/ns#' },
        ]),
    );
    expect(errorsOf(document)).toEqual([]);
  });
});

function refinementOf(policy: { permission: JsonObject[] }): JsonObject {
  const duty = (policy.permission[0].duty as JsonObject[])[0];
  return ((duty.action as JsonObject[])[0].refinement as JsonObject[])[0];
}
