import { AMBIGUOUS_NAMES, HOUSEHOLD_POISONS, SLANG_DRUG_TERMS, medicationNames } from './medications.js';

/**
 * The concepts the frames combine (see README.md, "Layer 1"). Each is a regular-expression
 * alternation over LEMMAS (wink-nlp: "took" → "take", "tablets" → "tablet"), joined by single
 * spaces; common irregular forms are listed too so that a lemma the model does not know still
 * matches. Concepts are words and short phrases, never sentences.
 */
const alt = (words: readonly string[]): string => [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

const GENERIC_MEDICINE = [
  'pill', 'pills', 'tablet', 'tablets', 'med', 'meds', 'medication', 'medications', 'medicine', 'medicines', 'capsule', 'capsules', 'cap', 'caps',
  'painkiller', 'painkillers', 'sleeping pill', 'sleeping pills', 'sleeping tablet', 'sleeping tablets', 'antidepressant', 'antidepressants',
  'prescription', 'script', 'dose', 'doses', 'sleeper', 'sleepers', 'benzo', 'benzos', 'opioid', 'opioids', 'opiate', 'opiates',
];
// Names that are also everyday words ("sonata", "blues", "bars") are left out; lithium is kept.
const AMBIGUOUS = new Set(AMBIGUOUS_NAMES.filter((name) => name !== 'lithium'));
const MEDICINE_NAMES = [...GENERIC_MEDICINE, ...medicationNames(), ...SLANG_DRUG_TERMS].filter((name) => !AMBIGUOUS.has(name));

/**
 * Medicines and poisons are many hundreds of names: rather than one huge alternation in every
 * frame, each token that names one is marked ("zzmed", "zzpoison") before the frames run, keeping
 * the number of tokens (so a cue is still read from the original words).
 */
export const MEDICINE_MARK = 'zzmed';
export const POISON_MARK = 'zzpoison';
/** What a token may start: a multi-word name (its token lists) or a one-word name, of one mark. */
interface Candidate {
  mark: string;
  phrases: string[][];
  single: boolean;
}
// One lookup per token: the candidates of every mark, medicines before poisons (the order in
// which they are tried), so a token that names nothing costs one Map miss.
const CANDIDATES = new Map<string, Candidate[]>();
function addNames(names: readonly string[], mark: string): void {
  const candidate = (token: string): Candidate => {
    const list = CANDIDATES.get(token) ?? [];
    CANDIDATES.set(token, list);
    let own = list.find((c) => c.mark === mark);
    if (!own) list.push((own = { mark, phrases: [], single: false }));
    return own;
  };
  for (const name of names) {
    const tokens = name.replace(/-/g, ' ').split(' ').filter(Boolean);
    if (tokens.length === 1) candidate(tokens[0] as string).single = true;
    // Multi-word names are tried in the order they are listed; the first that matches wins.
    else candidate(tokens[0] as string).phrases.push(tokens);
  }
}
addNames(MEDICINE_NAMES, MEDICINE_MARK);
addNames(HOUSEHOLD_POISONS, POISON_MARK);

/** Replaces, in place, every medicine and poison token of a line's words by its mark (same number of tokens); whether any was marked. */
export function markSubstanceTokens(tokens: string[]): boolean {
  let changed = false;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = CANDIDATES.get(tokens[i] as string);
    if (!candidates) continue;
    for (const c of candidates) {
      const phrase = c.phrases.find((p) => p.every((word, j) => tokens[i + j] === word));
      if (phrase) {
        for (let j = 0; j < phrase.length; j++) tokens[i + j] = c.mark;
        i += phrase.length - 1;
        changed = true;
        break;
      }
      if (c.single) {
        tokens[i] = c.mark;
        changed = true;
        break;
      }
    }
  }
  return changed;
}

/** Medicines by kind and by name (generic and brand, see medications.ts for the sources), once marked. */
export const MEDICINE = `${MEDICINE_MARK}(?: ${MEDICINE_MARK})*`;
export const POISON = `${POISON_MARK}(?: ${POISON_MARK})*`;
export const SHARP = alt(['blade', 'blades', 'razor', 'razors', 'razor blade', 'razor blades', 'knife', 'knives', 'scalpel', 'box cutter', 'stanley knife', 'shard', 'broken glass', 'glass', 'scissors', 'sharpener blade']);
export const LIGATURE = alt(['rope', 'ropes', 'noose', 'ligature', 'belt', 'cord', 'cable', 'dressing gown cord', 'tie', 'scarf', 'charger cable', 'washing line']);
export const FIREARM = alt(['gun', 'guns', 'pistol', 'rifle', 'shotgun', 'firearm', 'handgun', 'revolver', 'glock']);
export const WEAPON = alt(['knife', 'knives', 'blade', 'machete', 'gun', 'pistol', 'rifle', 'shotgun', 'bat', 'baseball bat', 'hammer', 'crowbar', 'axe', 'screwdriver', 'bottle', 'broken bottle', 'iron bar', 'poker', 'weapon', 'brick', 'acid']);
/** A means of self-harm: medicines, poisons, sharps, ligatures, firearms, gas. */
export const MEANS = `${MEDICINE}|${POISON}|${SHARP}|${LIGATURE}|${FIREARM}|charcoal|exhaust|hosepipe|hose pipe|helium|carbon monoxide`;

/** High places and places of danger; EDGE places are dangerous in themselves. */
export const EDGE_PLACE = alt(['sill', 'windowsill', 'window sill', 'window ledge', 'yellow line', 'the line', 'dual carriageway', 'middle of the road', 'middle of the motorway', 'hard shoulder', 'ledge', 'edge', 'railing', 'railings', 'parapet', 'track', 'tracks', 'rail line', 'railway line', 'train line', 'wrong side of the railing', 'wrong side of the barrier', 'rooftop', 'roof top', 'cliff edge', 'edge of the cliff', 'top of the multi storey', 'top of the car park', 'top floor of the car park', 'top of the building']);
export const DANGER_PLACE = alt([
  'roof', 'rooftop', 'bridge', 'footbridge', 'overpass', 'flyover', 'viaduct', 'platform', 'cliff', 'cliffs', 'sea', 'river', 'riverbank', 'canal', 'lake',
  'reservoir', 'quarry', 'pier', 'dam', 'motorway', 'highway', 'freeway', 'hard shoulder', 'balcony', 'multi storey', 'multistorey', 'car park', 'parking garage', 'parking structure',
  'top floor', 'tower', 'tower block', 'level crossing', 'railway', 'train tracks', 'subway platform', 'tube platform',
]);

/** Being at or on a place ("i am on the roof", "sat by the river", "standing at the edge"). */
export const PRESENCE = alt([
  'be on', 'be at', 'be in', 'be by', 'be near', 'be up on', 'be out on', 'be standing on', 'be sat on', 'be sitting on', 'sit on', 'sit at', 'sit by', 'sit in', 'sat on', 'sat at',
  'sat by', 'sat in', 'stand on', 'stand at', 'stood on', 'stood at', 'stand by', 'here on', 'here at', 'here by', 'up on', 'out on', 'on top of', 'at the top of', 'go to', 'drive to',
  'walk to', 'head to', 'heading to', 'on my way to', 'climb', 'climb onto', 'climb over', 'climb up', 'look down from', 'looking down from', 'stare at', 'staring at', 'watch',
]);

/** Holding, keeping or getting ready (lemmas). */
export const PREPARE = alt([
  'count', 'count out', 'line up', 'lay out', 'set out', 'sort out', 'save', 'save up', 'stockpile', 'hoard', 'stash', 'collect', 'gather', 'hide', 'keep', 'buy', 'order',
  'get', 'pop out', 'empty out', 'tip out', 'pour out', 'hold', 'clutch', 'grip', 'sharpen', 'load', 'tie', 'fix', 'test', 'research', 'look up', 'google', 'measure', 'check',
]);
/** States of means made ready. */
export const READY_STATE = alt([
  'ready', 'lined up', 'line up', 'counted', 'counted out', 'laid out', 'set out', 'in my hand', 'in my hands', 'in front of me', 'next to me', 'beside me', 'by my bed',
  'on the bed', 'on my bed', 'on the table', 'on the desk', 'on the side', 'in my lap', 'in my pocket', 'all of them', 'all of it', 'the lot', 'saved up', 'stockpiled', 'stashed', 'loaded',
  'sharp', 'sharpened', 'tied', 'hung', 'hanging', 'up', 'around my neck', 'round my neck', 'on the hook', 'over the beam', 'over the door', 'from the banister', 'in the loft',
]);

/** Taking or doing the act (lemmas and irregular forms). */
export const INGEST = alt(['take', 'took', 'taken', 'swallow', 'down', 'neck', 'drink', 'drank', 'drunk', 'chug', 'pop', 'eat', 'ate', 'inject', 'od', 'overdose', 'overdosed', 'have', 'had']);
export const QUANTITY = alt([
  'all', 'all of', 'every', 'every single', 'whole', 'whole box', 'whole packet', 'whole pack', 'whole bottle', 'whole strip', 'handful', 'handfuls', 'lot', 'lots', 'load', 'loads',
  'bunch', 'box', 'boxes', 'packet', 'packets', 'pack', 'packs', 'bottle', 'bottles', 'strip', 'strips', 'blister', 'double', 'triple', 'a month worth', 'months worth', 'weeks worth',
  'a week worth', 'too many', 'so many', 'as many as', 'enough', 'one by one', 'one after another', 'one after the other', 'a few more', 'more and more', 'the rest of', 'the lot', 'dozen', 'dozens',
  'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'stash', 'stockpile',
]);

/** Soon: the risk is now, not someday. */
export const TIME = alt([
  'tonight', 'right now', 'now', 'today', 'this evening', 'this afternoon', 'this morning', 'tomorrow', 'this weekend', 'soon', 'in an hour', 'in a few hours', 'in a minute',
  'after group', 'after the group', 'after the session', 'when everyone be asleep', 'once everyone be asleep', 'when everyone asleep', 'at midnight', 'before morning', 'before the morning',
  'later', 'this time', 'the night', 'this week', 'friday', 'saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'on my birthday', 'by the weekend',
]);

/** Finality: a last message, a goodbye meant for good. */
export const FAREWELL = alt([
  'goodbye', 'farewell', 'bye forever', 'bye for good', 'bye everyone', 'bye all', 'bye guy', 'bye guys', 'last message', 'last post', 'last time', 'final message', 'final post', 'final goodbye',
  'last goodbye', 'last thing i', 'last night on earth', 'last day', 'last night', 'this be it', 'this be the end', 'the end of the road', 'see you on the other side', 'see you in another life',
  'sorry for everything', 'sorry for being', 'thank you for everything', 'thanks for everything', 'thank you all for everything', 'forgive me', 'please forgive me', 'do not blame yourself',
  'not anyone fault', 'not your fault', 'no one fault', 'nobody fault', 'remember me', 'i love you all', 'love you all', 'take care of yourselves', 'look after yourselves', 'it be time',
  'my time be up', 'i be ready to go', 'ready to go', 'won t need', 'will not need', 'not need the group', 'not need this group', 'no need for the group', 'by the time anyone read',
  'by the time you read', 'by the time someone read', 'by the time anybody read', 'when you read this', 'if you be read this', 'when you find this', 'when they find me', 'when someone find me',
]);
/** Putting affairs in order. */
export const ARRANGEMENT = alt([
  'will', 'my will', 'testament', 'letter', 'letters', 'note', 'notes', 'give away', 'gave away', 'give my', 'rehome', 'rehoming', 'find a home for', 'new home for', 'delete my account',
  'delete my accounts', 'delete all my', 'delete my instagram', 'delete my facebook', 'delete everything', 'password', 'passwords', 'funeral', 'funeral song', 'insurance', 'life insurance',
  'pay off', 'sort my affair', 'affair in order', 'who get my', 'who gets my', 'look after my', 'take care of my', 'feed my', 'care of my cat', 'care of my dog', 'cancel my',
]);

/** Distress in the same message makes an ambiguous place or goodbye urgent. */
export const DISTRESS = alt([
  'can not cope', 'can not calm down', 'can not do this', 'can not take', 'can not go on', 'can not anymore', 'done', 'sorry', 'nobody', 'no one', 'noone', 'alone', 'crying', 'cry', 'tears', 'numb',
  'worthless', 'hopeless', 'pointless', 'no point', 'no way out', 'give up', 'gave up', 'anymore', 'want out', 'peaceful', 'at peace', 'better off', 'burden', 'goodbye', 'bye',
  'jump', 'climb over', 'go over the edge', 'let go', 'step off', 'step forward', 'one step', 'long way down', 'far down', 'so high', 'brave enough', 'courage', 'do it', 'think about it', 'thinking about it', 'the drop',
  'the edge', 'end it', 'finish it', 'make it stop', 'want it to stop', 'pain', 'hurt', 'hate myself', 'hate my life', 'scared', 'shaking', 'nobody care', 'no one care', 'miss me',
  'ready', 'enough', 'tired of', 'sick of', 'had enough', 'no reason', 'why bother', 'what be the point', 'for good', 'forever', 'the end', 'never again', 'over soon', 'all over',
]);

/** Hurting somebody (lemmas). */
export const HARM_VERB = alt([
  'kill', 'murder', 'stab', 'shoot', 'strangle', 'choke', 'hurt', 'harm', 'beat', 'batter', 'punch', 'kick', 'hit', 'smash', 'glass', 'slash', 'cut', 'burn', 'poison', 'run over',
  'attack', 'bash', 'push', 'push him', 'push her', 'ram', 'strike', 'break his neck', 'break her neck', 'pull up on', 'coming for', 'come for', 'run him over', 'run her over', 'break his', 'break her', 'break their', 'knock out', 'throttle', 'suffocate', 'drown', 'torch', 'set fire to', 'acid', 'end', 'deal with', 'make him pay',
  'make her pay', 'make them pay', 'get him', 'get her', 'get them', 'do him in', 'do her in', 'sort him out', 'put him in hospital', 'put her in hospital', 'teach him a lesson',
]);
/** Somebody else, as a target or as a source of danger. */
export const PERSON = alt([
  'he', 'she', 'him', 'her', 'they', 'them', 'his', 'someone', 'somebody', 'people', 'everyone', 'everybody', 'partner', 'husband', 'wife', 'boyfriend', 'girlfriend', 'ex', 'my ex',
  'dad', 'father', 'mum', 'mom', 'mother', 'stepdad', 'stepfather', 'stepmum', 'brother', 'sister', 'son', 'daughter', 'uncle', 'cousin', 'boss', 'manager', 'landlord', 'neighbour',
  'neighbor', 'son in law', 'daughter in law', 'father in law', 'mother in law', 'brother in law', 'sister in law', 'in law', 'in laws', 'flatmate', 'roommate', 'housemate', 'teacher', 'coworker', 'colleague', 'guy', 'man', 'woman', 'bloke', 'lad', 'that guy', 'that man', 'that woman', 'the kid', 'the kids',
  'the baby', 'my kid', 'my kids', 'child', 'children', 'the doctor', 'my doctor', 'nurse', 'the staff', 'dealer', 'gang', 'they all', 'the lot of them', 'whoever',
]);
/** First-person intent ("going to", "will", "want to", "about to"). */
export const INTENT = alt([
  'go to', 'going to', 'gon na', 'will', 'ill', 'shall', 'want to', 'wanna', 'about to', 'ready to', 'plan to', 'planning to', 'intend to', 'mean to', 'need to', 'have to',
  'decide to', 'swear i will', 'swear i be go to', 'be go to', 'be going to', 'be about to', 'be ready to', 'be planning to', 'can not wait to', 'gonna', 'finna', 'do it', 'try to',
]);
/** Thoughts, urges and fears rather than intent. */
export const URGE = alt([
  'think about', 'thinking about', 'thought about', 'think of', 'thought of', 'urge to', 'urges to', 'tempt to', 'tempted to', 'fantasise about', 'fantasize about', 'fantasising about',
  'fantasizing about', 'imagine', 'imagining', 'picture', 'picturing', 'intrusive thought', 'intrusive thoughts', 'scared i might', 'scared i will', 'afraid i might', 'afraid i will',
  'worried i might', 'worried i will', 'feel like', 'feel like i could', 'could', 'dream about', 'daydream about', 'want to', 'wish i could',
]);
