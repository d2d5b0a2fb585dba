/**
 * The parts of FHIR R4 (4.0.1) Questionnaire, QuestionnaireResponse and Observation that Hearth
 * reads and writes, with the R4 value sets for their codes, and `fhirProblems()`: a runtime check
 * of required fields, value sets and the invariants these resources rely on. Not a full validator.
 */

export const QUESTIONNAIRE_STATUS = ['draft', 'active', 'retired', 'unknown'] as const;
export const QUESTIONNAIRE_ITEM_TYPE = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity',
] as const;
export const QUESTIONNAIRE_RESPONSE_STATUS = ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'] as const;
export const OBSERVATION_STATUS = ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'] as const;

export interface Extension {
  url: string;
  valueDecimal?: number;
  valueInteger?: number;
  valueString?: string;
  valueBoolean?: boolean;
  valueCoding?: Coding;
  valueExpression?: { language: string; expression: string; name?: string; description?: string };
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
  extension?: Extension[];
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface Quantity {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface QuestionnaireAnswerOption {
  valueInteger?: number;
  valueString?: string;
  valueCoding?: Coding;
  extension?: Extension[];
}

export interface QuestionnaireItem {
  linkId: string;
  type: (typeof QUESTIONNAIRE_ITEM_TYPE)[number];
  text?: string;
  code?: Coding[];
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  answerOption?: QuestionnaireAnswerOption[];
  answerValueSet?: string;
  item?: QuestionnaireItem[];
  extension?: Extension[];
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id?: string;
  extension?: Extension[];
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: (typeof QUESTIONNAIRE_STATUS)[number];
  subjectType?: string[];
  copyright?: string;
  code?: Coding[];
  item?: QuestionnaireItem[];
}

export interface QuestionnaireResponseAnswer {
  valueCoding?: Coding;
  valueInteger?: number;
  valueDecimal?: number;
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  questionnaire?: string;
  status: (typeof QUESTIONNAIRE_RESPONSE_STATUS)[number];
  subject?: Reference;
  authored?: string;
  author?: Reference;
  item?: QuestionnaireResponseItem[];
}

export interface Observation {
  resourceType: 'Observation';
  id?: string;
  status: (typeof OBSERVATION_STATUS)[number];
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject?: Reference;
  effectiveDateTime?: string;
  issued?: string;
  valueInteger?: number;
  valueQuantity?: Quantity;
  interpretation?: CodeableConcept[];
  note?: { text: string }[];
  derivedFrom?: Reference[];
}

export type FhirResource = Questionnaire | QuestionnaireResponse | Observation;

/** FHIR dateTime: a date, or a date and time with a time zone. */
const DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const CHOICE_VALUE_KEYS = ['valueInteger', 'valueDate', 'valueTime', 'valueString', 'valueCoding', 'valueReference'];
const ANSWER_VALUE_KEYS = [
  'valueBoolean',
  'valueDecimal',
  'valueInteger',
  'valueDate',
  'valueDateTime',
  'valueTime',
  'valueString',
  'valueUri',
  'valueAttachment',
  'valueCoding',
  'valueQuantity',
  'valueReference',
];

/** Problems with a resource against R4's required fields, value sets and key invariants; empty when it conforms. */
export function fhirProblems(resource: FhirResource): string[] {
  const problems: string[] = [];
  const add = (path: string, message: string) => problems.push(`${path}: ${message}`);
  checkExtensions(resource as { extension?: Extension[] }, resource.resourceType, add);
  switch (resource.resourceType) {
    case 'Questionnaire':
      checkQuestionnaire(resource, add);
      break;
    case 'QuestionnaireResponse':
      checkQuestionnaireResponse(resource, add);
      break;
    case 'Observation':
      checkObservation(resource, add);
      break;
  }
  return problems;
}

type Add = (path: string, message: string) => void;

function checkQuestionnaire(q: Questionnaire, add: Add): void {
  if (!QUESTIONNAIRE_STATUS.includes(q.status)) add('Questionnaire.status', `"${q.status}" is not a PublicationStatus`);
  if (q.name !== undefined && !/^[A-Z]([A-Za-z0-9_]){0,254}$/.test(q.name)) add('Questionnaire.name', 'que-0: not usable as a computer name');
  const linkIds = new Set<string>();
  const walk = (items: QuestionnaireItem[] | undefined, path: string) => {
    items?.forEach((item, i) => {
      const at = `${path}.item[${i}]`;
      if (!item.linkId) add(`${at}.linkId`, 'required');
      if (linkIds.has(item.linkId)) add(`${at}.linkId`, 'que-2: linkIds must be unique');
      linkIds.add(item.linkId);
      if (!QUESTIONNAIRE_ITEM_TYPE.includes(item.type)) add(`${at}.type`, `"${String(item.type)}" is not a QuestionnaireItemType`);
      if (item.type === 'group' && !item.item?.length) add(at, 'que-1: group items must have nested items');
      if (item.type === 'display') {
        if (item.item?.length) add(at, 'que-1: display items cannot have nested items');
        if (item.code?.length) add(at, 'que-3: display items cannot have a code');
        if (item.required !== undefined || item.repeats !== undefined) add(at, 'que-6: display items cannot be required or repeat');
      }
      if (item.answerOption && item.answerValueSet) add(at, 'que-4: answerOption and answerValueSet are exclusive');
      if (item.answerOption && item.type !== 'choice' && item.type !== 'open-choice') add(at, 'que-5: only choice items have answerOption');
      item.answerOption?.forEach((option, j) => {
        const count = CHOICE_VALUE_KEYS.filter((key) => key in option).length;
        if (count !== 1) add(`${at}.answerOption[${j}]`, 'value[x] is required (exactly one)');
        checkExtensions(option, `${at}.answerOption[${j}]`, add);
        if (option.valueCoding) checkExtensions(option.valueCoding, `${at}.answerOption[${j}].valueCoding`, add);
      });
      checkExtensions(item, at, add);
      walk(item.item, at);
    });
  };
  walk(q.item, 'Questionnaire');
}

function checkQuestionnaireResponse(qr: QuestionnaireResponse, add: Add): void {
  if (!QUESTIONNAIRE_RESPONSE_STATUS.includes(qr.status)) add('QuestionnaireResponse.status', `"${qr.status}" is not a QuestionnaireResponseStatus`);
  if (qr.authored !== undefined && !DATE_TIME.test(qr.authored)) add('QuestionnaireResponse.authored', 'not a FHIR dateTime');
  checkReference(qr.subject, 'QuestionnaireResponse.subject', add);
  const walk = (items: QuestionnaireResponseItem[] | undefined, path: string) => {
    const siblings = new Set<string>();
    items?.forEach((item, i) => {
      const at = `${path}.item[${i}]`;
      if (!item.linkId) add(`${at}.linkId`, 'required');
      if (siblings.has(item.linkId)) add(at, 'qrs-2: repeated answers belong in one item');
      siblings.add(item.linkId);
      if (item.answer?.length && item.item?.length) add(at, 'qrs-1: nested items cannot be beneath both item and answer');
      if (!item.answer?.length && !item.item?.length) add(at, 'an item without answers or nested items must be left out');
      item.answer?.forEach((answer, j) => {
        const count = ANSWER_VALUE_KEYS.filter((key) => key in answer).length;
        if (count !== 1) add(`${at}.answer[${j}]`, 'value[x] is required (exactly one)');
        if (answer.valueCoding) checkExtensions(answer.valueCoding, `${at}.answer[${j}].valueCoding`, add);
      });
      walk(item.item, at);
    });
  };
  walk(qr.item, 'QuestionnaireResponse');
}

function checkObservation(o: Observation, add: Add): void {
  if (!OBSERVATION_STATUS.includes(o.status)) add('Observation.status', `"${o.status}" is not an ObservationStatus`);
  if (!o.code || (!o.code.coding?.length && !o.code.text)) add('Observation.code', 'required');
  if (o.effectiveDateTime !== undefined && !DATE_TIME.test(o.effectiveDateTime)) add('Observation.effectiveDateTime', 'not a FHIR dateTime');
  const values = ['valueInteger', 'valueQuantity'].filter((key) => key in o).length;
  if (values > 1) add('Observation.value[x]', 'at most one value[x]');
  if (o.valueQuantity?.code !== undefined && o.valueQuantity.system === undefined) add('Observation.valueQuantity', 'qty-3: a unit code needs a system');
  checkReference(o.subject, 'Observation.subject', add);
  o.derivedFrom?.forEach((ref, i) => checkReference(ref, `Observation.derivedFrom[${i}]`, add));
}

function checkReference(ref: Reference | undefined, path: string, add: Add): void {
  if (ref === undefined) return;
  if (ref.reference === undefined && ref.display === undefined) add(path, 'ref-1: a reference needs a reference or a display');
  if (ref.reference !== undefined && !/^([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}|https?:\/\/\S+|urn:uuid:[0-9a-f-]{36})$/.test(ref.reference)) {
    add(path, `"${ref.reference}" is not a literal reference`);
  }
}

function checkExtensions(element: { extension?: Extension[] }, path: string, add: Add): void {
  element.extension?.forEach((ext, i) => {
    if (!ext.url) add(`${path}.extension[${i}].url`, 'required');
    const count = Object.keys(ext).filter((key) => key.startsWith('value')).length;
    if (count !== 1) add(`${path}.extension[${i}]`, 'ext-1: exactly one value[x] (Hearth uses no nested extensions)');
  });
}
