import type { AtomicPolicy, AtomicRule } from './atomic-policy';
import { evaluate } from './evaluate';
import type { Evaluation, EvaluationContext } from './evaluation';
import { mergePolicies } from './merge-policies';
import { SUITE_PROFILE } from './odrl-vocabulary';
import type { JsonObject } from './policy-reading';
import { readPolicy } from './read-policy';
import { toAgreement } from './to-agreement';

/**
 * The examples of the W3C ODRL Information Model 2.2 (https://www.w3.org/TR/odrl-model/), each
 * transcribed as the policy it shows and checked for the outcome the specification describes.
 *
 * The examples name illustrative profiles ("http://example.com/odrl:profile:NN", which the
 * specification says are "for illustrative purposes only"); a processor must stop at a profile
 * it does not know, so `example()` gives them the suite's profile, which adopts ODRL's common
 * vocabulary, and one test shows an example refused with its illustrative profile.
 */
const ODRL_CONTEXT = 'http://www.w3.org/ns/odrl.jsonld';
const ex = (path: string) => `http://example.com/${path}`;

function example(policy: JsonObject): JsonObject {
  return { '@context': ODRL_CONTEXT, ...policy, ...(policy.profile !== undefined && { profile: SUITE_PROFILE }) };
}

function read(document: JsonObject, parents: Record<string, JsonObject> = {}): AtomicPolicy {
  const result = readPolicy(document, { parentOf: (uid) => parents[uid] });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}

function refusals(document: JsonObject): string[] {
  const result = readPolicy(document);
  return result.ok ? [] : result.errors.map((e) => e.field);
}

function ask(
  policy: AtomicPolicy,
  action: string,
  target: string,
  party: string | null,
  context: Partial<EvaluationContext> & { partyOf?: string[] } = {},
): Evaluation {
  const { partyOf, ...rest } = context;
  return evaluate(policy, {
    assignee: party ? { uid: party, partOf: partyOf ?? [] } : null,
    action,
    target: {
      uid: target,
      partOf: [],
      sections: [],
      publishedAt: null,
      embargoUntil: null,
      excludedTerritories: [],
      licensable: true,
    },
    context: { country: null, channel: null, now: new Date('2017-06-01T00:00:00Z'), countSoFar: {}, ...rest },
  });
}

const agreed = (offer: JsonObject, assignee: string) =>
  read(toAgreement(offer, { uid: ex('agreement:1'), assignee, start: new Date('2017-01-01T00:00:00Z'), end: null }));

/** Atomic rules without the paths they were read from, to compare a compact policy with its expansion. */
const rulesOf = (rules: AtomicRule[]) =>
  rules.map(({ path: _path, duties, ...rule }) => ({ ...rule, duties: duties.map(({ path: _p, ...d }) => d) }));

const MOVIE = ex('asset:9898.movie');
const BILLIE = ex('party:person:billie');

describe('the ODRL Information Model 2.2 examples', () => {
  describe('Set, Offer and Agreement', () => {
    const set = example({ '@type': 'Set', uid: ex('policy:1010'), permission: [{ target: MOVIE, action: 'use' }] });
    const offer = example({
      '@type': 'Offer',
      uid: ex('policy:1011'),
      profile: 'illustrative',
      permission: [{ target: MOVIE, assigner: ex('party:org:abc'), action: 'play' }],
    });
    const agreement = example({
      '@type': 'Agreement',
      uid: ex('policy:1012'),
      profile: 'illustrative',
      permission: [{ target: MOVIE, assigner: ex('party:org:abc'), assignee: BILLIE, action: 'play' }],
    });

    it('a Set states rules for anyone: use of the movie, which covers displaying it', () => {
      expect(ask(read(set), 'display', MOVIE, null).decision).toBe('permit');
      expect(ask(read(set), 'use', ex('asset:other'), null).reason.code).toBe('article-not-covered');
    });

    it('an Offer grants nothing; the Agreement it becomes grants its assignee', () => {
      expect(ask(read(offer), 'play', MOVIE, BILLIE).reason.code).toBe('offer-not-agreed');
      expect(ask(agreed(offer, BILLIE), 'play', MOVIE, BILLIE).decision).toBe('permit');
    });

    it('an Agreement grants billie, and no one else, to play the movie', () => {
      expect(ask(read(agreement), 'play', MOVIE, BILLIE).decision).toBe('permit');
      expect(ask(read(agreement), 'play', MOVIE, ex('party:person:murphy')).reason.code).toBe('not-assignee');
    });

    it('a processor stops at a profile it does not know: the example as written is refused', () => {
      expect(refusals({ ...agreement, profile: 'http://example.com/odrl:profile:01' })).toEqual(['profile']);
    });

    it('the offer to display asset:3333 and to play music:1012 are offers too', () => {
      const display = example({
        '@type': 'Offer',
        uid: ex('policy:3333'),
        profile: 'illustrative',
        permission: [{ target: ex('asset:3333'), action: 'display', assigner: ex('party:0001') }],
      });
      const music = example({
        '@type': 'Offer',
        uid: ex('policy:1012'),
        profile: 'illustrative',
        permission: [{ target: ex('music:1012'), assigner: ex('org:abc'), action: 'play' }],
      });
      expect(ask(read(display), 'display', ex('asset:3333'), null).reason.code).toBe('offer-not-agreed');
      expect(ask(read(music), 'play', ex('music:1012'), null).reason.code).toBe('offer-not-agreed');
    });
  });

  describe('assets and parties', () => {
    it('refuses a relation a profile would define (summary), naming it', () => {
      const indexing = example({
        '@type': 'Policy',
        uid: ex('policy:1011'),
        profile: 'illustrative',
        permission: [
          {
            target: { '@type': 'AssetCollection', uid: ex('archive1011') },
            action: 'index',
            summary: ex('x/database'),
          },
        ],
      });
      expect(refusals(indexing)).toEqual(['permission[0].summary']);
    });

    it('grants every member of a party collection, described with vCard (an inline prefix)', () => {
      const teamA = example({
        '@context': [ODRL_CONTEXT, { vcard: 'http://www.w3.org/2006/vcard/ns#' }],
        '@type': 'Agreement',
        uid: ex('policy:777'),
        profile: 'illustrative',
        permission: [
          {
            target: ex('looking-glass.ebook'),
            assigner: {
              '@type': ['Party', 'vcard:Organization'],
              uid: ex('org/sony-books'),
              'vcard:fn': 'Sony Books LCC',
              'vcard:hasEmail': 'sony-contact@example.com',
            },
            assignee: {
              '@type': ['PartyCollection', 'vcard:Group'],
              uid: ex('team/A'),
              'vcard:fn': 'Team A',
              'vcard:hasEmail': 'teamA@example.com',
            },
            action: 'use',
          },
        ],
      });
      const policy = read(teamA);
      expect(
        ask(policy, 'use', ex('looking-glass.ebook'), ex('person/murphy'), { partyOf: [ex('team/A')] }).decision,
      ).toBe('permit');
      expect(ask(policy, 'use', ex('looking-glass.ebook'), ex('person/someone')).reason.code).toBe('not-assignee');
    });

    it('refuses refinements by terms only a profile defines (runningTime, foaf:age) and an action it defines (ex:view)', () => {
      const catalogue = example({
        '@type': 'Offer',
        uid: ex('policy:4444'),
        profile: 'illustrative',
        permission: [
          {
            assigner: ex('org88'),
            target: {
              '@type': 'AssetCollection',
              source: ex('media-catalogue'),
              refinement: [
                {
                  leftOperand: 'runningTime',
                  operator: 'lt',
                  rightOperand: { '@value': '60', '@type': 'xsd:integer' },
                  unit: 'http://qudt.org/vocab/unit/MinuteTime',
                },
              ],
            },
            action: 'play',
          },
        ],
      });
      const friends = example({
        '@type': 'Agreement',
        uid: ex('policy:4444'),
        profile: 'illustrative',
        permission: [
          {
            target: ex('myPhotos:BdayParty'),
            assigner: ex('user44'),
            assignee: {
              '@type': 'PartyCollection',
              source: ex('user44/friends'),
              refinement: [
                { leftOperand: 'foaf:age', operator: 'gt', rightOperand: { '@value': '17', '@type': 'xsd:integer' } },
              ],
            },
            action: { '@id': 'ex:view' },
          },
        ],
      });
      expect(refusals(catalogue)).toEqual(['permission[0].target.refinement[0].leftOperand']);
      expect(refusals(friends).sort()).toEqual([
        'permission[0].action',
        'permission[0].assignee.refinement[0].leftOperand',
      ]);
    });
  });

  describe('constraints and refinements', () => {
    it('permits distributing until 2018-01-01 and not from then on', () => {
      const offer = example({
        '@type': 'Offer',
        uid: ex('policy:6163'),
        profile: 'illustrative',
        permission: [
          {
            target: ex('document:1234'),
            assigner: ex('org:616'),
            action: 'distribute',
            constraint: [
              {
                leftOperand: 'dateTime',
                operator: 'lt',
                rightOperand: { '@value': '2018-01-01', '@type': 'xsd:date' },
              },
            ],
          },
        ],
      });
      const policy = agreed(offer, BILLIE);
      expect(
        ask(policy, 'distribute', ex('document:1234'), BILLIE, { now: new Date('2017-12-31T12:00:00Z') }).decision,
      ).toBe('permit');
      expect(
        ask(policy, 'distribute', ex('document:1234'), BILLIE, { now: new Date('2018-01-01T00:00:00Z') }).reason.code,
      ).toBe('constraint-not-satisfied');
    });

    it('permits printing at up to 1200 dpi (a refinement of the action), and only that', () => {
      const offer = example({
        '@type': 'Offer',
        uid: ex('policy:6161'),
        profile: 'illustrative',
        permission: [
          {
            target: ex('document:1234'),
            assigner: ex('org:616'),
            action: [
              {
                'rdf:value': { '@id': 'odrl:print' },
                refinement: [
                  {
                    leftOperand: 'resolution',
                    operator: 'lteq',
                    rightOperand: { '@value': '1200', '@type': 'xsd:integer' },
                    unit: 'http://dbpedia.org/resource/Dots_per_inch',
                  },
                ],
              },
            ],
          },
        ],
      });
      const policy = agreed(offer, BILLIE);
      const print = (facts?: Record<string, number>) =>
        ask(policy, 'print', ex('document:1234'), BILLIE, { facts }).reason.code;
      expect(print({ resolution: 600 })).toBe('permitted');
      expect(print({ resolution: 2400 })).toBe('constraint-not-satisfied');
      expect(print()).toBe('constraint-undecidable');
    });

    it('permits reproducing online or in print but not both (xone), the constraints held in the policy', () => {
      const constraint = (n: number, media: string) => ({
        '@type': 'Constraint',
        uid: ex(`p:88/C${n}`),
        leftOperand: 'media',
        operator: 'eq',
        rightOperand: { '@value': media, '@type': 'xsd:string' },
      });
      const offer = (members: JsonObject[]) =>
        example({
          '@type': 'Offer',
          uid: ex('policy:88'),
          profile: 'illustrative',
          permission: [
            {
              target: ex('book/1999'),
              assigner: ex('org/paisley-park'),
              action: [{ 'rdf:value': { '@id': 'odrl:reproduce' }, refinement: { xone: { '@list': members } } }],
            },
          ],
        });
      // As the specification writes it, the two constraints are separate documents: never fetched.
      expect(refusals(offer([{ '@id': ex('p:88/C1') }, { '@id': ex('p:88/C2') }]))).toEqual([
        'permission[0].action[0].refinement.xone[0]',
        'permission[0].action[0].refinement.xone[1]',
      ]);
      const policy = agreed(offer([constraint(1, 'online'), constraint(2, 'print')]), BILLIE);
      const reproduce = (media: string) =>
        ask(policy, 'reproduce', ex('book/1999'), BILLIE, { facts: { media } }).decision;
      expect([reproduce('online'), reproduce('print'), reproduce('broadcast')]).toEqual(['permit', 'permit', 'deny']);
    });

    it('permits playing the game until the end of 2017', () => {
      const offer = example({
        '@type': 'Offer',
        uid: ex('policy:9090'),
        profile: 'illustrative',
        permission: [
          {
            target: ex('game:9090'),
            assigner: ex('org:xyz'),
            action: 'play',
            constraint: [
              {
                leftOperand: 'dateTime',
                operator: 'lteq',
                rightOperand: { '@value': '2017-12-31', '@type': 'xsd:date' },
              },
            ],
          },
        ],
      });
      const policy = agreed(offer, BILLIE);
      expect(ask(policy, 'play', ex('game:9090'), BILLIE, { now: new Date('2017-12-31T23:00:00Z') }).decision).toBe(
        'permit',
      );
      expect(ask(policy, 'play', ex('game:9090'), BILLIE, { now: new Date('2018-01-01T00:00:00Z') }).decision).toBe(
        'deny',
      );
    });
  });

  describe('permissions, prohibitions and duties', () => {
    const PARTIES = { assigner: ex('MyPix:55'), assignee: ex('assignee:55') };
    const album = example({
      '@type': 'Agreement',
      uid: ex('policy:5555'),
      profile: 'illustrative',
      conflict: 'perm',
      permission: [{ target: ex('photoAlbum:55'), action: 'display', ...PARTIES }],
      prohibition: [{ target: ex('photoAlbum:55'), action: 'archive', ...PARTIES }],
    });

    it('permits displaying the album and prohibits archiving it', () => {
      const policy = read(album);
      expect(ask(policy, 'display', ex('photoAlbum:55'), PARTIES.assignee).decision).toBe('permit');
      expect(ask(policy, 'archive', ex('photoAlbum:55'), PARTIES.assignee).reason).toMatchObject({
        code: 'prohibited',
        rule: 'prohibition[0]',
      });
      expect(ask(policy, 'print', ex('photoAlbum:55'), PARTIES.assignee).reason.code).toBe('no-permission');
    });

    it('holds the assignee to pay EUR 500.00 (an obligation), in minor units', () => {
      const compensate = (amount: string) => [
        {
          'rdf:value': { '@id': 'odrl:compensate' },
          refinement: [
            {
              leftOperand: 'payAmount',
              operator: 'eq',
              rightOperand: { '@value': amount, '@type': 'xsd:decimal' },
              unit: 'http://dbpedia.org/resource/Euro',
            },
          ],
        },
      ];
      const obligation = example({
        '@type': 'Agreement',
        uid: ex('policy:42'),
        profile: 'illustrative',
        obligation: [{ assigner: ex('org:43'), assignee: ex('person:44'), action: compensate('500.00') }],
      });
      const answer = ask(read(obligation), 'use', ex('anything'), ex('person:44'));
      expect(answer.reason.code).toBe('no-permission');
      expect(answer.obligations).toEqual([
        expect.objectContaining({
          action: 'compensate',
          payment: expect.objectContaining({ amount: '50000', currency: 'EUR', basis: 'once' }),
        }),
      ]);

      const deletion = example({
        '@type': 'Agreement',
        uid: ex('policy:42B'),
        profile: 'illustrative',
        assigner: ex('org:43'),
        assignee: ex('person:44'),
        obligation: [
          {
            action: 'delete',
            target: ex('document:XZY'),
            consequence: [{ action: compensate('10.00'), compensatedParty: 'http://wwf.org' }],
          },
        ],
      });
      expect(ask(read(deletion), 'use', ex('anything'), ex('person:44')).obligations).toEqual([
        expect.objectContaining({
          action: 'delete',
          consequences: [
            expect.objectContaining({
              payment: expect.objectContaining({ amount: '1000', currency: 'EUR' }),
              parties: [{ function: 'compensatedParty', uid: 'http://wwf.org' }],
            }),
          ],
        }),
      ]);
    });

    it('permits playing once EUR 5.00 is paid beforehand (a duty)', () => {
      const offer = example({
        '@type': 'Offer',
        uid: ex('policy:88'),
        profile: 'illustrative',
        permission: [
          {
            assigner: ex('assigner:sony'),
            target: ex('music/1999.mp3'),
            action: 'play',
            duty: [
              {
                action: [
                  {
                    'rdf:value': { '@id': 'odrl:compensate' },
                    refinement: [
                      {
                        leftOperand: 'payAmount',
                        operator: 'eq',
                        rightOperand: { '@value': '5.00', '@type': 'xsd:decimal' },
                        unit: 'http://dbpedia.org/resource/Euro',
                      },
                    ],
                  },
                ],
                constraint: [{ leftOperand: 'event', operator: 'lt', rightOperand: { '@id': 'odrl:policyUsage' } }],
              },
            ],
          },
        ],
      });
      const answer = ask(agreed(offer, BILLIE), 'play', ex('music/1999.mp3'), BILLIE);
      expect(answer.decision).toBe('permit');
      expect(answer.duties).toEqual([
        expect.objectContaining({
          dueBeforeUse: true,
          payment: expect.objectContaining({ amount: '500', currency: 'EUR' }),
        }),
      ]);
    });

    it('permits distributing with attribution, tracking as its consequence', () => {
      const data = example({
        '@type': 'Agreement',
        uid: ex('policy:66'),
        profile: 'illustrative',
        permission: [
          {
            target: ex('data:77'),
            assigner: ex('org:99'),
            assignee: ex('person:88'),
            action: 'distribute',
            duty: [
              {
                action: 'attribute',
                attributedParty: 'http://australia.gov.au/',
                consequence: [{ action: 'acceptTracking', trackingParty: ex('dept:100') }],
              },
            ],
          },
        ],
      });
      const answer = ask(read(data), 'distribute', ex('data:77'), ex('person:88'));
      expect(answer.duties).toEqual([
        expect.objectContaining({
          action: 'attribute',
          parties: [{ function: 'attributedParty', uid: 'http://australia.gov.au/' }],
          consequences: [
            expect.objectContaining({
              action: 'acceptTracking',
              parties: [{ function: 'trackingParty', uid: ex('dept:100') }],
            }),
          ],
        }),
      ]);
    });

    it('prohibits indexing, with anonymizing as the remedy', () => {
      const data = example({
        '@type': 'Agreement',
        uid: ex('policy:33CC'),
        profile: 'illustrative',
        prohibition: [
          {
            target: ex('data:77'),
            assigner: ex('person:88'),
            assignee: ex('org:99'),
            action: 'index',
            remedy: [{ action: 'anonymize', target: ex('data:77') }],
          },
        ],
      });
      const answer = ask(read(data), 'index', ex('data:77'), ex('org:99'));
      expect(answer.reason.code).toBe('prohibited');
      expect(answer.remedies).toEqual([expect.objectContaining({ action: 'anonymize' })]);
    });
  });

  describe('composition, compaction, metadata, inheritance', () => {
    const SONY = ex('org/sony-music');
    const SONG = ex('music/1999.mp3');
    const PURPLE_RAIN = ex('music/PurpleRain.mp3');

    it('reads two targets and two actions as the four atomic rules the specification lists', () => {
      const compound = example({
        '@type': 'Policy',
        uid: ex('policy:8888'),
        profile: 'illustrative',
        permission: [{ target: [SONG, PURPLE_RAIN], assigner: SONY, action: ['play', 'stream'] }],
      });
      const atomic = example({
        '@type': 'Policy',
        uid: ex('policy:8888'),
        profile: 'illustrative',
        permission: [
          { target: SONG, assigner: SONY, action: 'play' },
          { target: SONG, assigner: SONY, action: 'stream' },
          { target: PURPLE_RAIN, assigner: SONY, action: 'play' },
          { target: PURPLE_RAIN, assigner: SONY, action: 'stream' },
        ],
      });
      expect(rulesOf(read(compound).permissions)).toEqual(rulesOf(read(atomic).permissions));
      expect(ask(read(compound), 'stream', PURPLE_RAIN, null).decision).toBe('permit');
      expect(ask(read(compound), 'print', PURPLE_RAIN, null).reason.code).toBe('no-permission');
    });

    it('reads a compact policy as its expansion (the expansion transcribed without the stray comma it is printed with)', () => {
      const compact = example({
        '@type': 'Policy',
        uid: ex('policy:8888'),
        profile: 'illustrative',
        target: SONG,
        assigner: SONY,
        action: 'play',
        permission: [{ assignee: ex('people/billie') }, { assignee: ex('people/murphy') }],
      });
      const expanded = example({
        '@type': 'Policy',
        uid: ex('policy:8888'),
        profile: 'illustrative',
        permission: [
          { assignee: ex('people/billie'), target: SONG, assigner: SONY, action: 'play' },
          { assignee: ex('people/murphy'), target: SONG, assigner: SONY, action: 'play' },
        ],
      });
      expect(rulesOf(read(compact).permissions)).toEqual(rulesOf(read(expanded).permissions));
      expect(ask(read(compact), 'play', SONG, ex('people/murphy')).decision).toBe('permit');
      expect(ask(read(compact), 'play', SONG, ex('people/someone')).reason.code).toBe('not-assignee');
    });

    it('takes Dublin Core metadata, and refuses the empty permission the metadata example shows', () => {
      const described = example({
        '@context': [ODRL_CONTEXT, { dc: 'http://purl.org/dc/terms/' }],
        '@type': 'Policy',
        uid: ex('policy:8888'),
        profile: 'illustrative',
        'dc:creator': 'Billie Enterprises LLC',
        'dc:description': 'This policy covers...',
        'dc:issued': '2017-01-01T12:00',
        'dc:coverage': { '@id': 'https://www.iso.org/obp/ui/#iso:code:3166:AU-QLD' },
        'dc:replaces': { '@id': ex('policy:8887') },
        permission: [{}],
      });
      expect(refusals(described)).toEqual(['permission[0].action', 'permission[0].target']);
    });

    it('inherits the parent policy as the specification shows the result', () => {
      const parent = example({
        '@type': 'Policy',
        uid: ex('policy:default'),
        profile: 'illustrative',
        assigner: ex('org-01'),
        obligation: [{ target: ex('asset:terms-and-conditions'), action: 'reviewPolicy' }],
      });
      const child = example({
        '@type': 'Agreement',
        uid: ex('policy:4444'),
        profile: 'illustrative',
        inheritFrom: ex('policy:default'),
        assignee: ex('user:0001'),
        permission: [{ target: ex('asset:5555'), action: 'display' }],
      });
      const result = example({
        '@type': 'Agreement',
        uid: ex('policy:4444'),
        profile: 'illustrative',
        permission: [
          { target: ex('asset:5555'), action: 'display', assigner: ex('org-01'), assignee: ex('user:0001') },
        ],
        obligation: [
          {
            target: ex('asset:terms-and-conditions'),
            action: 'reviewPolicy',
            assigner: ex('org-01'),
            assignee: ex('user:0001'),
          },
        ],
      });
      const inherited = read(child, { [ex('policy:default')]: parent });
      expect(rulesOf(inherited.permissions)).toEqual(rulesOf(read(result).permissions));
      expect(inherited.obligations.map(({ path: _p, ...o }) => o)).toEqual(
        read(result).obligations.map(({ path: _p, ...o }) => o),
      );
      expect(refusals(child)).toEqual(['inheritFrom']);
    });
  });

  describe('conflict strategies', () => {
    const ASSET = ex('asset:1212');
    const first = example({
      '@type': 'Policy',
      uid: ex('policy:0001'),
      profile: 'illustrative',
      conflict: 'perm',
      permission: [{ target: ASSET, action: 'use', assigner: ex('owner:181') }],
    });
    const second = (conflict: string) =>
      example({
        '@type': 'Policy',
        uid: ex('policy:0002'),
        profile: 'illustrative',
        conflict,
        permission: [{ target: ASSET, action: 'display', assigner: ex('owner:182') }],
        prohibition: [{ target: ASSET, action: 'print' }],
      });

    it('the second policy alone permits display and prohibits print', () => {
      expect(ask(read(second('perm')), 'display', ASSET, null).decision).toBe('permit');
      expect(ask(read(second('perm')), 'print', ASSET, null).reason.code).toBe('prohibited');
    });

    it('merged under perm, the permission to use overrides the prohibition of print', () => {
      const merged = mergePolicies(read(first), read(second('perm')));
      expect(ask(merged, 'print', ASSET, null).reason.code).toBe('permitted-over-prohibition');
    });

    it('merged with the second policy under prohibit, the contradiction voids the policy', () => {
      const merged = mergePolicies(read(first), read(second('prohibit')));
      expect(ask(merged, 'print', ASSET, null).reason.code).toBe('policy-void');
      expect(ask(merged, 'display', ASSET, null).reason.code).toBe('policy-void');
    });
  });
});
