import { describe, expect, it } from 'vitest';
import { normaliseSpelling } from './normalise.js';

// What a member types, and the one spelling the detector reads. One row per form the normaliser
// knows (README of the risk module, "Spelling"), and the words that must come through unchanged.
const TEXTING: [typed: string, read: string][] = [
  ['tonite 2nite tonigt tonihgt tnight 2night', 'tonight tonight tonight tonight tonight tonight'],
  ['tmrw tmr tmoz tomoz 2moro 2morrow tomorow tommorow tommorrow', 'tomorrow tomorrow tomorrow tomorrow tomorrow tomorrow tomorrow tomorrow tomorrow'],
  ['rn | rite now | ryt now | right nw', 'right now | right now | right now | right now'],
  ['tabs tablts tablest tabets tabelts', 'tablets tablets tablets tablets tablets'],
  ['pils pillz pilss', 'pills pills pills'],
  ['goodby gudbye goodbi | g2g forever', 'goodbye goodbye goodbye | goodbye'],
  ['everythin evrything everyting evrythng', 'everything everything everything everything'],
  ['somethin sumthin smth sth', 'something something something something'],
  ['nothin nuthin nthng', 'nothing nothing nothing'],
  ['any1 ne1 some1 sum1', 'anyone anyone someone someone'],
  ['b4 l8r l8ter w8', 'before later later wait'],
  ['gna gonna gunna finna boutta | bout to', 'going to going to going to going to going to | going to'],
  ['wanna wana wnna tryna', 'want to want to want to trying to'],
  ['ppl bf gf pls plz thx ty', 'people boyfriend girlfriend please please thanks thanks'],
  ['idk idc', 'i do not know i do not care'],
  ['ngl tbh frfr deadass lowkey highkey istg smh omg ffs xxx xooo ok', 'ok'],
  ['lmaooo lmfao hahaa heheee rofl', 'lol lol lol lol lol'],
  ['kys', 'kill yourself'],
];

// Inside a longer word, none of the forms above is a form: "born" is not "bright now".
const UNCHANGED = ['born turn return', 'stabs tabsy', 'fighter nightmare', 'xmas boxx', 'mytmrw', 'storm', 'goodbyes', 'ladyship', 'kysa'];

describe('texting forms and typos', () => {
  it.each(TEXTING)('%s → %s', (typed, read) => {
    expect(normaliseSpelling(typed)).toBe(read);
  });
  it.each(UNCHANGED)('leaves "%s" as it is', (text) => {
    expect(normaliseSpelling(text)).toBe(text);
  });
});

describe('look-alike letters', () => {
  it('reads every Cyrillic look-alike as its Latin letter', () => {
    expect(normaliseSpelling('а,в,е,ё,к,м,н,о,р,с,т,у,ох,і,ї,ј,ѕ,ԁ,ɡ,ӏ')).toBe('a,b,e,e,k,m,h,o,p,c,t,y,ox,i,i,j,s,d,g,l');
  });
  it('reads every Greek look-alike as its Latin letter', () => {
    expect(normaliseSpelling('α,β,ε,η,ι,κ,ν,ο,ρ,τ,υ,οχ,ς')).toBe('a,b,e,n,i,k,v,o,p,t,u,ox,s');
  });
  it('reads upper-case look-alikes too, and leaves other scripts alone', () => {
    expect(normaliseSpelling('ЅUІСІDЕ')).toBe('suicide');
    expect(normaliseSpelling('привет мир')).toBe('пpиbet mиp');
    expect(normaliseSpelling('مرحبا')).toBe('مرحبا');
  });
});

describe('emoji used as words', () => {
  it.each([
    ['💊', 'pills'],
    ['🔪', 'knife'],
    ['🗡️', 'knife'],
    ['🗡', 'knife'],
    ['🪒', 'razor'],
    ['🪢', 'rope'],
    ['🔫', 'gun'],
    ['🌉', 'bridge'],
    ['🩸', 'blood'],
    ['⚰️', 'coffin'],
    ['⚰', 'coffin'],
    ['👋', 'bye'],
  ])('%s reads as "%s", even glued to a word', (emoji, word) => {
    expect(normaliseSpelling(`my${emoji}now`)).toBe(`my ${word} now`);
  });
  it('drops the skull and the skull and crossbones, with or without their variation selector', () => {
    expect(normaliseSpelling('ok💀then ☠️ ☠ bye')).toBe('ok then bye');
  });
});

describe('leetspeak', () => {
  it('reads each digit and sign that stands for a letter inside a word', () => {
    expect(normaliseSpelling('c0unt k1ll d3ad h4te 5ad 7ime')).toBe('count kill dead hate sad time');
    expect(normaliseSpelling('w0rd wh1te sh3d b4d ba5h ba7h')).toBe('word white shed bad bash bath');
    expect(normaliseSpelling('h@te cla$h p!lls')).toBe('hate clash pills');
    expect(normaliseSpelling('he|p')).toBe('help');
  });
  it('reads a leading digit or sign only before two letters', () => {
    expect(normaliseSpelling('0verdose 1ll 3mpty 4lone 5elf 7ablets @lone $elf')).toBe('overdose ill empty alone self tablets alone self');
    expect(normaliseSpelling('9ine')).toBe('9ine');
  });
  it('reads a run of signs inside a word, and leaves a sign at its end', () => {
    expect(normaliseSpelling('k!!ll')).toBe('kiill');
    expect(normaliseSpelling('ha5 s9ck')).toBe('ha5 s9ck');
  });
  it('keeps numbers, strengths, times and counts as they are', () => {
    expect(normaliseSpelling('took 50mg 1.5mg 2,5ml 30x 3am 11pm 2nd 1st 3rd 4th 20s 5k 2h 3hrs 10mins 16yo 2yrs 3days 2wks 70kg 5g 10mcg')).toBe(
      'took 50mg 1.5mg 2,5ml 30x 3am 11pm 2nd 1st 3rd 4th 20s 5k 2h 3hrs 10mins 16yo 2yrs 3days 2wks 70kg 5g 10mcg',
    );
    expect(normaliseSpelling('2024 and 999')).toBe('2024 and 999');
  });
  it('splits a count glued to a word, but not a single digit', () => {
    expect(normaliseSpelling('30pills 100tablets')).toBe('30 pills 100 tablets');
    expect(normaliseSpelling('a1b2')).toBe('aib2');
  });
  it('keeps a sign at the end of a word, and a word without letters', () => {
    expect(normaliseSpelling('help! wow!! $5 @ | 4')).toBe('help! wow!! $5 @ | 4');
  });
});

describe('spaced-out letters', () => {
  it('joins letters spaced with a space, a dot, a dash, a star or an underscore', () => {
    expect(normaliseSpelling('s-u-i-c-i-d-e')).toBe('suicide');
    expect(normaliseSpelling('s*u*i*c*i*d*e')).toBe('suicide');
    expect(normaliseSpelling('s_u_i_c_i_d_e')).toBe('suicide');
    expect(normaliseSpelling('k.i.l.l')).toBe('kill');
  });
  it('joins the three-letter words risk hangs on, and no other three-letter run', () => {
    expect(normaliseSpelling('want to d i e')).toBe('want to die');
    expect(normaliseSpelling('gonna k m s')).toBe('going to kms');
    expect(normaliseSpelling('gonna c u t')).toBe('going to cut');
    expect(normaliseSpelling('want it to e n d')).toBe('want it to end');
    expect(normaliseSpelling('just k y s')).toBe('just kill yourself');
    expect(normaliseSpelling('plan a b c')).toBe('plan a b c');
    expect(normaliseSpelling('d.o.g')).toBe('d.o.g');
  });
  it('does not join two letters, or letters inside words', () => {
    expect(normaliseSpelling('me a b')).toBe('me a b');
    expect(normaliseSpelling('ab c d')).toBe('ab c d');
  });
});

describe('letter runs, quotes and spaces', () => {
  it('shortens a run of three or more of a letter to two', () => {
    expect(normaliseSpelling('soooo killll byeee')).toBe('soo kill byee');
    expect(normaliseSpelling('too all')).toBe('too all');
  });
  it('straightens curly apostrophes and keeps line breaks', () => {
    expect(normaliseSpelling('i can’t\n\ndo it')).toBe("i can't\n\ndo it");
    expect(normaliseSpelling('‘quoted’')).toBe("'quoted'");
  });
  it('collapses spaces and tabs, and trims', () => {
    expect(normaliseSpelling('  a \t  b  ')).toBe('a b');
  });
});
