/**
 * The terms a policy may use, as full IRIs: the ODRL 2.2 vocabulary (core and common, deprecated
 * terms apart), the IPTC RightsML vocabulary's action, and the suite's own profile. A term that is
 * not here is refused by the validator, naming where it stands.
 */
export const ODRL = 'http://www.w3.org/ns/odrl/2/';
export const RIGHTSML = 'http://iptc.org/std/RightsML/2011-10-07/';
/** The suite's own namespace: actions, left operands and units ODRL and RightsML do not have. */
export const SUITE = 'https://revenue-suite.dev/ns/odrl/';
const CC = 'http://creativecommons.org/ns#';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value';

export const odrl = (name: string): string => `${ODRL}${name}`;
export const suite = (name: string): string => `${SUITE}${name}`;

/** Profiles the suite understands. ODRL: a policy naming any other profile must not be processed. */
export const ODRL_CORE_PROFILE = odrl('core');
export const RIGHTSML_PROFILE = 'https://iptc.org/std/RightsML/odrl-profile/';
export const SUITE_PROFILE = suite('profile');
export const KNOWN_PROFILES: ReadonlySet<string> = new Set([ODRL_CORE_PROFILE, RIGHTSML_PROFILE, SUITE_PROFILE]);

const ODRL_ACTIONS_UNDER_USE = [
  'grantUse',
  'compensate',
  'acceptTracking',
  'aggregate',
  'annotate',
  'anonymize',
  'archive',
  'attribute',
  'concurrentUse',
  'delete',
  'derive',
  'digitize',
  'distribute',
  'ensureExclusivity',
  'execute',
  'include',
  'index',
  'inform',
  'install',
  'modify',
  'move',
  'nextPolicy',
  'obtainConsent',
  'play',
  'present',
  'print',
  'read',
  'reproduce',
  'reviewPolicy',
  'stream',
  'synchronize',
  'textToSpeech',
  'transform',
  'translate',
  'uninstall',
  'watermark',
];
const CC_ACTIONS = [
  'Reproduction',
  'Distribution',
  'DerivativeWorks',
  'CommercialUse',
  'Notice',
  'Attribution',
  'ShareAlike',
  'Sharing',
  'SourceCode',
];

/**
 * Each action and the action it is included in (`odrl:includedIn`); `use` and `transfer` are
 * the roots. As in the ODRL 2.2 vocabulary, with RightsML's and the suite's actions added:
 * - `rev:textAndDataMining` (text and data mining, as the EU's DSM directive reserves it) and
 *   `rev:aiInput` (content given to an AI system as input to an answer: grounding, retrieval)
 *   sit directly under `use`, and `rev:aiTrain` under text and data mining. They are deliberately
 *   not under `reproduce`, `extract` or `derive`: a syndication licence that permits reproduction
 *   must never grant AI training by inheritance.
 * - `rev:searchIndex` (recording content in a search engine's index) sits under `index`.
 * - `rev:linkBack` (a duty: link to the article at the agency's site) sits under `attribute`.
 */
export const ACTION_PARENT: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  [odrl('use'), null],
  [odrl('transfer'), null],
  ...ODRL_ACTIONS_UNDER_USE.map((name) => [odrl(name), odrl('use')] as [string, string]),
  [odrl('display'), odrl('play')],
  [odrl('extract'), odrl('reproduce')],
  [odrl('give'), odrl('transfer')],
  [odrl('sell'), odrl('transfer')],
  ...CC_ACTIONS.map((name) => [`${CC}${name}`, odrl('use')] as [string, string]),
  [`${RIGHTSML}removeFromService`, odrl('use')],
  [suite('textAndDataMining'), odrl('use')],
  [suite('aiTrain'), suite('textAndDataMining')],
  [suite('aiInput'), odrl('use')],
  [suite('searchIndex'), odrl('index')],
  [suite('linkBack'), odrl('attribute')],
]);

/** Actions ODRL 2.2 deprecated: refused, so that no policy relies on a term without a definition. */
export const DEPRECATED_ACTIONS: ReadonlySet<string> = new Set(
  [
    'append',
    'appendTo',
    'copy',
    'export',
    'lease',
    'license',
    'lend',
    'pay',
    'preview',
    'secondaryUse',
    'write',
    'writeTo',
    'adHocShare',
    'extractChar',
    'extractPage',
    'extractWord',
    'attachPolicy',
    'attachSource',
    'shareAlike',
    'commercialize',
    'share',
  ].map(odrl),
);

export const LEFT_OPERANDS: ReadonlySet<string> = new Set([
  ...[
    'absolutePosition',
    'absoluteSpatialPosition',
    'absoluteTemporalPosition',
    'absoluteSize',
    'count',
    'dateTime',
    'delayPeriod',
    'deliveryChannel',
    'elapsedTime',
    'event',
    'fileFormat',
    'industry',
    'language',
    'media',
    'meteredTime',
    'payAmount',
    'percentage',
    'product',
    'purpose',
    'recipient',
    'relativePosition',
    'relativeSpatialPosition',
    'relativeTemporalPosition',
    'relativeSize',
    'resolution',
    'spatial',
    'spatialCoordinates',
    'systemDevice',
    'timeInterval',
    'unitOfCount',
    'version',
    'virtualLocation',
  ].map(odrl),
  /** The sections an article is filed under (the agency's own section names). */
  suite('section'),
  /** A share of the licensee's revenue from the content, in percent (0–100). */
  suite('revenueShare'),
]);
export const DEPRECATED_LEFT_OPERANDS: ReadonlySet<string> = new Set(['device', 'system'].map(odrl));

export const RELATIONAL_OPERATORS: ReadonlySet<string> = new Set(
  ['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq', 'isA', 'hasPart', 'isPartOf'].map(odrl),
);
export const SET_OPERATORS: ReadonlySet<string> = new Set(['isAllOf', 'isAnyOf', 'isNoneOf'].map(odrl));

export type LogicalOperand = 'and' | 'or' | 'xone' | 'andSequence';
export const LOGICAL_OPERANDS: ReadonlyMap<string, LogicalOperand> = new Map(
  (['and', 'or', 'xone', 'andSequence'] as const).map((name) => [odrl(name), name]),
);

export type PolicyType = 'Set' | 'Offer' | 'Agreement';
/** `Policy` is `Set` (the Information Model: Set is the default subclass, and equivalent). */
export const POLICY_TYPES: ReadonlyMap<string, PolicyType> = new Map([
  [odrl('Policy'), 'Set'],
  [odrl('Set'), 'Set'],
  [odrl('Offer'), 'Offer'],
  [odrl('Agreement'), 'Agreement'],
]);
/** Subclasses of ODRL's common vocabulary the licensing service does not take. */
export const UNSUPPORTED_POLICY_TYPES: ReadonlySet<string> = new Set(
  ['Assertion', 'Privacy', 'Request', 'Ticket'].map(odrl),
);

export type ConflictTerm = 'perm' | 'prohibit' | 'invalid';
export const CONFLICT_TERMS: ReadonlyMap<string, ConflictTerm> = new Map(
  (['perm', 'prohibit', 'invalid'] as const).map((name) => [odrl(name), name]),
);

/** `function` sub-properties: the parties a rule names, by their role. */
export const FUNCTIONS: ReadonlySet<string> = new Set(
  [
    'assigner',
    'assignee',
    'attributedParty',
    'attributingParty',
    'compensatedParty',
    'compensatingParty',
    'consentingParty',
    'consentedParty',
    'informedParty',
    'informingParty',
    'trackingParty',
    'trackedParty',
    'contractingParty',
    'contractedParty',
  ].map(odrl),
);

/** `relation` sub-properties: the assets a rule names, by their relation to its action. */
export const RELATIONS: ReadonlySet<string> = new Set(['target', 'output'].map(odrl));

/** Terms of the ODRL core vocabulary: a policy using only these needs no profile. */
export const CORE_TERMS: ReadonlySet<string> = new Set([
  ...['use', 'transfer', 'assigner', 'assignee', 'target', 'perm', 'prohibit', 'invalid'].map(odrl),
  ...RELATIONAL_OPERATORS,
  ...SET_OPERATORS,
  ...LOGICAL_OPERANDS.keys(),
  ...POLICY_TYPES.keys(),
]);

/** Namespaces whose properties may describe a policy, a party or an asset (metadata, never rules). */
export const METADATA_NAMESPACES: readonly string[] = [
  'http://purl.org/dc/terms/',
  'http://purl.org/dc/elements/1.1/',
  'http://www.w3.org/2006/vcard/ns#',
  'http://xmlns.com/foaf/0.1/',
  'http://schema.org/',
  'https://schema.org/',
  'http://www.w3.org/2000/01/rdf-schema#',
  'http://www.w3.org/2004/02/skos/core#',
];

/** Right operands the suite names: the units a payment counts. */
export const COUNT_UNITS: ReadonlyMap<string, 'article' | 'retrieval' | 'thousand-crawls'> = new Map([
  [suite('article'), 'article'],
  [suite('retrieval'), 'retrieval'],
  [suite('thousandCrawls'), 'thousand-crawls'],
]);

/** The shortest name of a vocabulary IRI for answers and messages: `display`, `rev:aiTrain`. */
export function shortName(iri: string): string {
  if (iri.startsWith(ODRL)) return iri.slice(ODRL.length);
  if (iri.startsWith(SUITE)) return `rev:${iri.slice(SUITE.length)}`;
  if (iri.startsWith(RIGHTSML)) return `rightsml:${iri.slice(RIGHTSML.length)}`;
  if (iri.startsWith(CC)) return `cc:${iri.slice(CC.length)}`;
  return iri;
}
