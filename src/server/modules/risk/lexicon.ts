/**
 * The weighted risk lexicon: general phrases and patterns, not sentences. Each rule says what it
 * recognises in words a clinician reads in the queue, and in words the author reads before sending.
 * Patterns run on text prepared by prepare-text.ts (lower case, contractions expanded, "meds" and
 * "tablets" read as "pills", texting shorthand spelled out).
 *
 * Person: 'self' = the pattern itself is about the writer ("kill myself", "without me");
 * 'who' = a named group `who` says whose it is ("kill herself", "better off without him");
 * 'subject' = the nearest subject before the phrase decides, the writer when there is none
 * (texting drops the "I": "feeling suicidal tonight").
 */
export type RuleTier = 'urgent' | 'concern';
export type PersonMode = 'self' | 'who' | 'subject';

export interface RiskRule {
  id: string;
  tier: RuleTier;
  weight: number;
  person: PersonMode;
  pattern: RegExp;
  /** For clinicians: what the rule recognises. */
  label: string;
  /** For the author, plain and non-judging. */
  plain: string;
}

const REFL = '(?<who>myself|my self|himself|herself|themselves|themself|yourself|ourselves)';
const KILL_VERBS =
  '(kill|killing|killed|kil|end|ending|ended|hang|hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|suffocate|suffocating|off|offing|top|topping|unalive)';
const PEOPLE_WHO = '(?<who>me|him|her|them|you|us)';

function rule(id: string, tier: RuleTier, weight: number, person: PersonMode, source: string, label: string, plain: string): RiskRule {
  return { id, tier, weight, person, pattern: new RegExp(source), label, plain };
}

export const LEXICON: readonly RiskRule[] = [
  // Suicidal intent, plan, means and preparation.
  // (Not inside a thought: "I still think about killing myself most days" is the thoughts rule's, concern.)
  rule(
    'kill_self',
    'urgent',
    5,
    'who',
    `(?<!\\b(?:think|thinking|thought|thoughts|dream|dreaming|fantasise|fantasising|fantasize|fantasizing|obsessing) (?:about|of) )\\b${KILL_VERBS} ${REFL}\\b`,
    'statement about killing oneself',
    'ending your life',
  ),
  rule(
    'end_life',
    'urgent',
    5,
    'who',
    '\\b(end|ending|ended|take|taking|took|taken) (?<who>my|his|her|their|your) (own )?life\\b',
    'ending or taking one’s own life',
    'ending your life',
  ),
  rule(
    'end_it_all',
    'urgent',
    5,
    'subject',
    '\\b(end|ending|finish|finishing) it all\\b|\\b(want|wanted|wants|going|ready|need|planning|plan|decided|tempted|feel like|thinking about|think about|thought about) (to )?(just )?(end it|ending it)\\b(?! with)|\\b(made up my mind|my mind is made up|i have decided)\\b(?! (to|not|on|about|that|what|which|where|who|against|together|with|between|we|i|it s|its|it is|this|how))|\\b(go through with it|do it tonight|act on (it|them|my plan) tonight|do it this time)\\b|\\b(end|ending) (everything|it) (tonight|today|now|for good|soon|this week|once and for all)\\b',
    '“ending it all”',
    'ending everything',
  ),
  rule(
    'suicide_plan',
    'urgent',
    5,
    'subject',
    '\\b(plan|plans|planned|planning|decided|ready|going|want|wants|wanted|intend|intending|attempt|attempted|tried|try|trying|researching|researched) (to |about |on |of )?(commit |committing )?suicide\\b',
    'suicide as an intention, plan or attempt',
    'suicide',
  ),
  // Thoughts of suicide without intent or plan are concern (C-SSRS: active thoughts, no method): "been thinking about suicide a lot more this week. no plan".
  rule(
    'suicide_thoughts',
    'concern',
    4,
    'subject',
    '\\b(thinking|thought|thoughts|tempted|considering|contemplating|talking|talks|talked|talk|obsessed with|obsessing over) (to |about |on |of )?(commit |committing )?suicide\\b',
    'thoughts of suicide',
    'suicide',
  ),
  rule(
    'suicide_attempt_noun',
    'urgent',
    4,
    'subject',
    '\\b(suicide|suicidal) (attempt|attempts|plan|plans|note|notes|letter|method|methods)\\b',
    'a suicide attempt, plan or note',
    'suicide',
  ),
  rule(
    'feel_suicidal',
    'urgent',
    5,
    'subject',
    '\\b(am|is|are|was|seems|sounds|feel|feels|feeling|felt|been|getting|get|got|so|really|very|quite|pretty|bit|little|super|kinda|proper|actively|passively|always|still|more) suicidal\\b|\\bsuicidal (thoughts?|feelings?|ideation|urges?|again|tonight|today|right now|lately|recently)\\b',
    'feeling suicidal or having suicidal thoughts',
    'feeling suicidal',
  ),
  rule(
    'want_die',
    'urgent',
    5,
    'subject',
    '\\b(want|wants|wanted|wanting|wish|wishing|ready|planning|plan|deserve|deserves|need|needs|longing|going) to (just )?(die|be dead|not exist|stop existing|not be alive|disappear forever|sleep forever|never wake up)\\b',
    'a wish or readiness to die',
    'wanting to die',
  ),
  rule(
    'wish_dead',
    'urgent',
    5,
    'subject',
    '\\bwish(es|ed)? (i|he|she|they) (was|were|had|could) (dead|die|just die|never been born|not here|gone)\\b|\\bwish (i|he|she) (had )?(never )?(woken up|been born)\\b',
    'a wish to be dead or never born',
    'wishing you were not alive',
  ),
  rule('better_off_dead', 'urgent', 5, 'subject', '\\bbetter off dead\\b|\\b(rather|prefer to) be dead\\b', '“better off dead”', 'thinking you would be better off dead'),
  rule(
    'better_off_without',
    'urgent',
    5,
    'who',
    `\\b(better|happier|easier) (off )?without ${PEOPLE_WHO}\\b|\\b(better|happier|easier) (off )?if (i|me) (was|were|was not|were not|am) (gone|dead|not here|not around|never born)\\b|\\b(better|happier|easier) (off )?if i (died|disappeared|was not alive)\\b|\\bwithout (?<who2>me|him|her|them) (around|here),? (everyone|everybody|they|people|life|things) would be (better|easier|happier)\\b`,
    'perceived burdensomeness: others better off without them',
    'feeling others would be better off without you',
  ),
  rule(
    'not_want_live',
    'urgent',
    5,
    'subject',
    '\\b(do not|does not|did not|never|no longer|not) (really )?(want|wanted|wish|see a reason) to (live|be alive|exist|be here|wake up|go on living|carry on living|keep living|stay alive|be around)\\b',
    'not wanting to live or wake up',
    'not wanting to be alive',
  ),
  rule(
    'no_reason_live',
    'urgent',
    5,
    'subject',
    '\\b(no|nothing|no one|nobody|not a single) (reason |point |one )?(left )?(to live for|worth living for|reason to live|reason to stay|point (in|to) (living|being alive|going on|staying alive))\\b|\\b(no|not any) (reason|point) (to|in) (live|living|being alive|stay alive|staying alive)\\b',
    'no reason to live',
    'feeling there is nothing to live for',
  ),
  rule(
    'means_ready',
    'urgent',
    5,
    'subject',
    '\\b(have|has|got|had|keep|keeps|kept|bought|buying|saved|saving|stockpiled|stockpiling|hoarding|collecting|collected|counted|counting|hid|hidden|hiding|getting) (up )?(all )?(the |my |some |enough |a |a bag of |loads of |a stash of )?(pills|rope|ropes|blade|blades|razor|razors|gun|knife|bottle of pills|packets of pills|boxes of pills)( all)? (ready|saved|saved up|stockpiled|lined up|counted|counted out|sorted|hidden|in my drawer|under my bed|by my bed|next to me|in front of me)\\b|\\b(stockpil\\w*|hoard\\w*|sav(e|ed|ing) up|been collecting|collecting up|collected up) (my |the |all my )?pills\\b',
    'means prepared (pills, rope, blades…)',
    'having something you could use to hurt yourself',
  ),
  rule(
    'means_object',
    'urgent',
    4,
    'subject',
    '\\b(bought|buying|got|ordered|have|has|keep|kept|hid|hidden|found) (a |the |some |my )?(rope|noose|razor blades|blades|ligature)\\b(?! (swing|swings|ladder|ladders|bridge|course|light|lights|access|burn|toy|bracelet|lead))|\\b(have|got) (it|them|everything) (ready|sorted|planned)\\b',
    'means obtained (rope, blades…)',
    'having something you could use to hurt yourself',
  ),
  rule(
    'unsafe',
    'urgent',
    5,
    'subject',
    '\\b(can not|could not|not able to|unable to|do not think i can|struggling to) (keep|stay) (myself )?safe\\b|\\b(not|do not feel) safe (from myself|with myself|around myself)\\b',
    'cannot keep themselves safe',
    'not feeling able to keep yourself safe',
  ),
  rule(
    'overdose',
    'urgent',
    5,
    'subject',
    '\\b(take|taking|took|taken|swallow|swallowed|swallowing|down|downed) (an |a |another )?(overdose|od|all (my|the|of my) pills|the whole (pack|packet|box|bottle)|a handful of pills|too many pills|every pill)\\b|\\b(overdose|overdosing|overdosed)\\b|\\b(how many|lethal dose|fatal dose|enough) (pills )?(to (die|kill|not wake up|end it)|would kill)\\b',
    'overdose or a lethal dose',
    'taking too many pills',
  ),
  rule(
    'jump',
    'urgent',
    4,
    'subject',
    '\\b(jump|jumping|jumped|throw myself|step|stepping|walk|walking|drive|driving) (off|from|in front of|into) (a |the |my )?(bridge|roof|building|cliff|train|trains|car|cars|bus|lorry|truck|balcony|tower|car park|multi storey|motorway|river|sea|platform|wall|tree)\\b',
    'a method: jumping, traffic, trains',
    'a way of ending your life',
  ),
  rule(
    'goodbye',
    'urgent',
    4,
    'subject',
    '\\b(this is (my )?(goodbye|farewell|the end)|saying (my )?goodbyes?|goodbye (forever|for good|everyone,? (i love you|thank you for everything))|my (last|final) (post|message|goodbye)|my (last|final) (day|night)(?! (in|at|of|before|as|off)\\b| on (?!earth))|by the time (you|anyone|someone) (read|reads|see|sees) this|(wrote|written|writing|write|left|leaving|posted|posting|sent|sending) (a |my |his |her |their )?(goodbye|suicide|farewell) (note|letter|letters|message|messages|post|video)|(note|letters?) for (everyone|my family|my kids|my mum|my mom) for (when|after) i am gone)\\b',
    'saying goodbye or a final message',
    'saying goodbye',
  ),
  rule(
    'not_here_soon',
    'urgent',
    4,
    'subject',
    '\\b(will not|not going to|may not|might not|wont) be (here|around|alive) (tomorrow|much longer|for much longer|by (the )?(morning|tomorrow|weekend|next week|christmas|monday|friday|next session|next group|end of the week)|next week|for long|at the next session|for the next session)\\b|\\b(be )?(dead|gone) (by|before) (tomorrow|the morning|morning|the weekend|next week|christmas|the next session)\\b|\\btonight(s| is) the night\\b',
    'not being alive or around soon',
    'not being here soon',
  ),
  rule(
    'giving_away',
    'urgent',
    4,
    'subject',
    '\\b(giving|gave|give|given|gifting) (away )?(all )?(my|of my|his|her|their|of his|of her) (things|stuff|belongings|possessions|savings|pets?|cat|dog|books|clothes|jewellery|jewelry|guitar)\\b|\\b(giving|gave|give|given) (all )?(my |his |her |their )?(things|stuff|belongings|possessions) away\\b|\\bsort(ing|ed)? out (my )?(affairs|will)\\b|\\bput(ting)? (my )?affairs in order\\b',
    'giving possessions away or putting affairs in order',
    'giving your things away',
  ),
  rule(
    'wish_killed',
    'urgent',
    4,
    'subject',
    '\\b(wish|hope|hoping|pray|praying) (someone|somebody|something|a car|a bus|a lorry|the plane|god|cancer|it) (would|will|could|to) (just )?(kill|hit|take|end) (me|my life)\\b|\\b(hope|hoping|pray|praying|wish) (i|to) (get|got) (hit|run over|killed)\\b|\\b(hope|hoping|pray|praying|wish) (i|that i) (do not|never|will not) wake up\\b|\\b(go to sleep|sleep|fall asleep) and (never|not) wake up\\b',
    'wishing to be killed or not to wake up',
    'hoping not to wake up',
  ),
  rule(
    'nobody_notice_dead',
    'urgent',
    4,
    'subject',
    '\\b(no one|nobody|none of you|noone|not one person) (would|will|is going to) (notice|care|miss me|even notice|even care)( if| when)? (i|me) (died|was dead|were dead|was gone|were gone|killed myself|disappeared|was not here|were not here)\\b',
    'nobody would notice or care if they died',
    'feeling no one would notice if you were gone',
  ),
  rule(
    'death_thoughts',
    'urgent',
    4,
    'subject',
    '\\b(ways|way|how|methods?) to (die|kill myself|end it|end my life|not wake up)\\b|\\b((think|thinking|thought|thoughts|obsessing|fantasi[sz]ing|dreaming) (about|of)|(imagining|imagine|picturing|picture|visualising|visualizing)( about| of)?) (killing myself|ending it|ending my life|taking my life|not waking up|dying|being dead|my death|death|not being here|not existing|disappearing forever)\\b',
    'thoughts of death or dying',
    'thinking about dying',
  ),
  rule(
    'done_with_life',
    'urgent',
    4,
    'subject',
    '\\b(done with|finished with) (life|living|being alive|existing|this life)\\b|\\bi am done,? (for good|forever|with it all|with everything)\\b',
    'done with living',
    'feeling done with life',
  ),
  // Broader nets, added after a fresh batch of sentences showed the specific rules missing plain
  // statements: any first-person mention of suicide, fear of what one might do, letters left
  // "just in case", looking up a method, a plan of how, doubt about still being here, an overdose
  // taken. They trade some precision for recall: a facilitator reading a false alarm costs less
  // than a missed one.
  rule('suicide_word', 'urgent', 4, 'subject', '\\b(suicide|suicidal)\\b', 'mentions suicide', 'suicide'),
  rule(
    'fear_own_actions',
    'urgent',
    4,
    'subject',
    '\\b(scared|afraid|frightened|worried|terrified|not sure) (of )?(what|that) i (might|could|would|will|am going to) (do|try)( to myself| tonight| today)?\\b|\\b(might|could|going to|will|about to) do something (stupid|silly|drastic|bad|terrible)\\b',
    'afraid of what they might do to themselves',
    'being afraid of what you might do',
  ),
  rule(
    'letters_left',
    'urgent',
    4,
    'subject',
    '\\b(written|wrote|writing|write|left|leaving|finished) (some |a few |my )?(letters?|notes?|a letter|a note|goodbyes?) (to|for) (my (family|kids|children|son|sons|daughter|daughters|mum|mom|dad|parents|wife|husband|partner|girlfriend|boyfriend|sister|sisters|brother|brothers|nan|gran|grandkids|friends|best friend|loved ones|little ones|boys|girls|babies|baby|people)|the (family|kids|children|boys|girls|people i love)|everyone|everybody|all|each)\\b(?!.*\\b(birthdays?|christmas|thank you|thanks|wedding|holiday|postcard|18th|21st|graduation)\\b)',
    'letters or notes left for family',
    'writing goodbye letters',
  ),
  rule(
    'method_research',
    'urgent',
    4,
    'subject',
    '\\b(looked up|look up|looking up|googled|googling|searched|searching|researched|researching|read up on|checked|checking) (how|what|which|where)?\\b.{0,40}\\b(bridge|how high|how tall|drop|lethal|fatal|overdose|dose|how many pills|rope|noose|ways to die|how to die|painless|train times|cliff|multi storey|car park roof)\\b',
    'looking up a method',
    'looking up ways to hurt yourself',
  ),
  rule(
    'plan_how',
    'urgent',
    5,
    'subject',
    '\\b(planning|planned|plan|worked out|working out|figured out|figuring out|decided|deciding|thinking about|thought about) (how|when|where) (i would|i will|i am going to|i could|to) (do it|end it|go through with it|kill|die|go)\\b',
    'a plan of how or when',
    'having a plan',
  ),
  rule(
    'doubt_still_here',
    'urgent',
    4,
    'subject',
    '\\b(can not promise|cannot promise|not sure|do not know if|do not think|doubt|might not|may not) (that )?(i will |i would |i am going to |i |to )?(still )?(be|being) (here|around|alive)\\b',
    'doubt about still being alive or around',
    'not being sure you will still be here',
  ),
  rule(
    'overdose_taken',
    'urgent',
    5,
    'subject',
    '\\b(took|taken|take|taking|swallowed|swallowing|had|have had|downed|necked) (a load of|loads of|lots of|a lot of|a handful of|a bunch of|too many|so many|all (my|of my|the)|the whole (box|packet|bottle|pack) of|a whole (box|packet|bottle|pack) of|double|triple|extra|a stash of|everything in the|all of the) (my )?pills\\b',
    'an overdose taken',
    'taking too many pills',
  ),
  rule(
    'self_harm_current',
    'urgent',
    4,
    'subject',
    '(?<!(hair|hedge|grass|lawn|fringe|nails|finger|hand|onions?|wood|paper|fabric|price|prices|bread|meat|veg|vegetables) )\\b(cut|cutting|burned|burnt|burning|scratched|hurt) (again|deeper|last night|tonight|this morning|today|my (arms?|legs?|wrists?|thighs?|stomach|skin))\\b',
    'self-harm, current',
    'hurting yourself',
  ),
  rule(
    'others_fine_without',
    'urgent',
    5,
    'self',
    '\\b(would|will|could) (all )?(be|cope|manage|do|get on|carry on)( just)? (fine|better|ok|okay|alright|easier|happier|well)\\b.{0,15}\\b(without me|if i (was|were|am|was not|were not) (not here|gone|not around|dead|here))\\b',
    'perceived burdensomeness: others fine without them',
    'feeling others would be better off without you',
  ),
  rule(
    'over_for_good',
    'urgent',
    5,
    'subject',
    '\\b(want|wants|wanting|need|needs|wish) (it|everything|this|it all|all of this|all this|the pain|life|my life) to (be over|end|stop) (for good|forever|permanently|tonight|now|once and for all)\\b',
    'wanting it over for good',
    'wanting everything to end',
  ),
  rule(
    'own_funeral',
    'urgent',
    4,
    'subject',
    '\\b(imagining|imagine|picturing|picture|planning|planned|thinking about|think about|thought about|dreaming about|dream about|writing|wrote) (my|my own) (funeral|death|grave|wake|eulogy)\\b',
    'picturing or planning their own death or funeral',
    'thinking about your own death',
  ),
  rule(
    'plan_date_method',
    'urgent',
    5,
    'subject',
    '\\b(have|got|made|set|picked|chosen|choose|chose|decided on) (a|the|my) (method|date)\\b|\\b(plan|plans) and (a|the) (date|time|method|way)\\b|\\b(a|the) date (set|picked|chosen)\\b',
    'a method or date chosen',
    'having a plan',
  ),
  rule(
    'tired_of_life',
    'concern',
    3,
    'subject',
    '\\b(tired of|sick of|exhausted by|weary of) (life|living|being alive|existing|this life|it all|everything)\\b',
    'tired of living',
    'feeling tired of life',
  ),

  // Self-harm.
  rule(
    'self_harm_act',
    'urgent',
    4,
    'who',
    `\\b(cut|cutting|cuts|burn|burning|burnt|burned|harm|harming|harmed|hurt|hurting|hit|hitting|punch|punching|scratch|scratching|starve|starving|bang|banging|injure|injuring|injured) ${REFL}\\b`,
    'self-harm: hurting oneself',
    'hurting yourself',
  ),
  rule(
    'self_harm',
    'urgent',
    4,
    'subject',
    '(?<!(urges?|urge|tempted|temptation|craving|want|wanting|think about|thinking about|the urge) (to )?)\\bself (harm|harming|harmed|injury|injure|injuring|injured)\\b|\\brelapsed\\b|\\bcutting again\\b|\\b(fresh|new) (cuts|scars|burns)\\b',
    'self-harm (act or relapse)',
    'self-harm',
  ),
  rule(
    'self_harm_urge',
    'concern',
    3,
    'subject',
    '\\b(urges?|urge|tempted|temptation|itching|craving|wanting) (to )?(cut|self harm|burn|hurt)\\b|\\b(cut|self harm) urges?\\b',
    'urges to self-harm',
    'urges to hurt yourself',
  ),

  // Hopelessness, entrapment, burdensomeness (concern: not death-related on their own).
  rule(
    'burden_general',
    'concern',
    3,
    'subject',
    '\\b(a|such a|just a|nothing but a|the|another) (burden|weight|drain|nuisance)\\b( (on|to|for) (everyone|everybody|my family|people|them|you all|the group))?|\\b(feel|feeling|felt|am|being) (like )?(a|such a|a complete|a total|the|a big|a huge) (failure|disappointment|mistake|burden|letdown|let down)\\b',
    'feeling a burden or a failure',
    'feeling like a burden',
  ),
  rule(
    'struggling_go_on',
    'concern',
    3,
    'subject',
    '\\b(struggling|struggle|hard|too hard|impossible) to (keep going|go on|carry on|cope|get through (the day|each day|another day)|see a way forward)\\b|\\bcan not cope\\b( with (anything|everything|life|it all|any of it))?',
    'struggling to go on or cope',
    'finding it hard to keep going',
  ),
  rule(
    'too_much',
    'concern',
    2,
    'subject',
    '\\b(everything|it all|life|it|things) (is|feels|has been|have been|has got|is getting) (just )?(too much|unbearable|overwhelming)\\b',
    'everything is too much',
    'feeling overwhelmed',
  ),
  rule(
    'empty_nothing_helps',
    'concern',
    2,
    'subject',
    '\\b(feel|feeling|felt|so|completely|totally) (empty|hollow)\\b|\\bnothing (helps|works|is helping|is working|makes it better)\\b|\\bcan not see (things|it|anything|life) (getting|get|ever getting) better\\b',
    'emptiness; nothing helps',
    'feeling empty',
  ),
  rule(
    'no_point',
    'concern',
    3,
    'subject',
    '\\b(do not|can not|no longer|cannot) see (the|any|a) point( anymore| in anything| in any of it| in trying| in going on)?\\b|\\bwhat (is )?the point of me( is)?\\b|\\bwhat is the point (anymore|of anything|of any of it|of me|of living|of trying|of going on|of life|of it all|in anything|in trying|in living|in any of it)\\b|\\bwhat is the point( anymore)?$|\\bno point (anymore|in anything|in any of it|in trying)\\b|\\bpointless\\b',
    'hopelessness: no point',
    'feeling there is no point',
  ),
  rule(
    'burden',
    'concern',
    3,
    'subject',
    '\\b(am|feel like|feel|being|such) (a |such a |just a |nothing but a )?(burden|waste of space|waste of oxygen|drain on everyone)\\b',
    'feeling a burden',
    'feeling like a burden',
  ),
  rule(
    'cant_go_on',
    'concern',
    3,
    'subject',
    '\\b(can not|could not|do not know how to|unable to) (go on|carry on|keep going|do this anymore|cope anymore|take (it|this|any more|anymore)|keep doing this|live like this|face (tomorrow|another day))\\b',
    'cannot go on or cope',
    'feeling you can’t go on',
  ),
  rule(
    'hopeless',
    'concern',
    2,
    'subject',
    '\\b(am|feel|feeling|felt|so|completely|totally|utterly) (hopeless|worthless|trapped|empty inside|dead inside|numb|broken beyond repair)\\b|\\bnothing (is |will )?(ever )?(going to |gonna )?(change|get better|improve|be ok|be okay)\\b|\\b(no way out|no future|no hope)\\b|\\b(am|feel like i am|feels like i am|like i am) (drowning|sinking|suffocating)\\b|\\bit (will|is going to) never get better\\b',
    'hopelessness, worthlessness or entrapment',
    'feeling hopeless',
  ),
  rule(
    'want_it_over',
    'concern',
    3,
    'subject',
    '\\bwant (it|everything|this|the pain|it all|all of this) to (stop|end|be over)( for good)?\\b|\\b(just )?want to (sleep and never|disappear|vanish|not be here|not feel anything|escape (from )?everything)\\b',
    'wanting it all to stop or to disappear',
    'wanting everything to stop',
  ),
  rule(
    'given_up',
    'concern',
    3,
    'subject',
    '\\b(given|giving|gave) up (on (life|everything|myself|living|getting better|recovery))\\b|\\bhave given up\\b',
    'giving up on life or recovery',
    'feeling you have given up',
  ),
  rule(
    'unsure_live',
    'concern',
    3,
    'subject',
    '\\b(not sure|do not know|unsure)( if| whether)? (i|i can|i want to) (want to )?(live|keep going|go on|be here|stay alive|carry on)\\b|\\bwould not (mind|care) if i (died|did not wake up|never woke up|was not here)\\b',
    'ambivalence about living',
    'not being sure you want to go on',
  ),
  rule(
    'self_hate',
    'concern',
    1,
    'subject',
    '\\b(hate|hating|loathe|despise) (myself|my life|being alive|existing)\\b|\\bi am (a failure|useless|pathetic|unlovable)\\b',
    'self-hatred',
    'being very hard on yourself',
  ),
  rule(
    'alone',
    'concern',
    1,
    'subject',
    '\\b(so|completely|totally|all) alone\\b|\\bno one (cares|would care|understands)\\b|\\bnobody (cares|would care|understands|notices|listens)\\b',
    'isolation',
    'feeling alone',
  ),
];

/** Words that say the risk is soon: they add weight to a first-person signal in the same segment. */
export const IMMINENCE =
  /\b(tonight|today|right now|this weekend|this evening|tomorrow|soon|after (the )?group|when everyone is asleep|once everyone is asleep|i have decided|i am ready|my mind is made up|it is time)\b/;

/** Speech about a subject, not a person: films, news, statistics, training, awareness work. */
export const TOPIC =
  /\b(documentary|film|movie|article|book|novel|show|podcast|episode|series|research|statistics|stats|rates?|awareness|prevention|charity(?! shop| shops)|campaign|leaflet|training|(?<!golf |race |obstacle |assault )course|lecture|module|essay|(?<!\b(after|before|until|till|til) the )news|headline|song(?! (ends|finishes|is over|stops))|lyrics|character|season|poem|play|tv|netflix|studying|study|wikipedia|news story|talk on|talk about it in|workshop|helpline number|first aid)\b/;

/**
 * Hyperbole and metaphor: a signal whose span lies inside one of these is not about the writer's
 * safety ("killed myself laughing", "die of embarrassment", "career suicide", "end things with him").
 */
export const METAPHORS: readonly RegExp[] = [
  /\b(kill|killed|killing) (myself|himself|herself) (laughing|at the gym|at work|working|running|trying (to|for)|for (this|that|them|nothing|a|an|the|my|this job)|over (this|that|an?|my|the) \w+|to (get|finish|make|meet|keep|pass|hit))\b/,
  /\b(die|died|dying|dead) (of|from|with) (embarrassment|shame|cringe|boredom|laughter|laughing|happiness|cuteness|excitement|jealousy|heat|the heat|curiosity)\b/,
  /\b(want to|could|gonna|going to|will|would) (just )?die (laughing|happy|of (embarrassment|shame|cringe|boredom))\b/,
  /\b(career|social|political|commercial|financial|fashion|diet) suicide\b|\bsuicide (squad|doors?|mission|run|runs|sprints?|blonde|king|bid)\b/,
  /\b(end|ending|ended|finish|finishing) (it|things|everything) with (him|her|them|my|the|this)\b/,
  /\b(overdose|overdosed|overdosing|od|od'?d) on (chocolate|sugar|coffee|caffeine|netflix|tv|telly|christmas|cake|carbs|sweets|candy|crisps|chips|love|sleep|cheese|pizza|music|tiktok|youtube|reality tv|films|movies|crime dramas|true crime)\b/,
  /\b(cut|burnt|burned|hurt|injured|scratched|hit|banged) (myself|himself|herself) (shaving|chopping|cooking|on (a|the|some|my) \w+|at (the gym|football|work|netball|rugby)|playing|running|lifting|falling|when i fell|tripping|by accident|accidentally|doing (diy|the garden|gardening))\b/,
  /\b(accidentally|by accident) (cut|burnt|burned|hurt|injured) (myself|himself|herself)\b/,
  // "decided to stop dialysis and move to comfort care", "decided not to have any more chemo": a treatment declined with the medical team, not an end chosen; "a weight off": relief.
  /\b(decided|decision|chosen|chose|choosing|agreed) (\w+ ){0,4}(to stop|stopping|not to have|not to start|not to go ahead with|to decline|declining|to refuse|refusing|to come off|against) (any more |more |further |the |my |any )?(chemo|chemotherapy|dialysis|treatment|treatments|radiotherapy|surgery|the operation|operation|transfusions?|the trial|resuscitation|cpr|ventilation|feeding tube)\b|\b(a|such a|what a|big|massive|huge) weight off( my (shoulders|mind|chest))?\b|\b(took|taken|take|taking|brought|bringing|dropped|handed) (\w+ ){0,6}(back|in) (to|into) the (pharmacy|chemist|pharmacist|surgery)\b|\b(looked|looking|look) up the (cliff|coast|coastal|clifftop|cliff top) (walk|path|route|trail|walks|paths)\b/,
  // "cut myself a big slice of mooncake", "cut my wrist brace off", "I take all my tablets, no problem": food cut for oneself, a brace cut off, medicine taken as prescribed.
  /\b(cut|cutting) (myself|himself|herself) (a|an|some|another|the) (big |small |huge |little |thick |thin |massive |generous |second |fat |nice )?(slice|slices|piece|pieces|wedge|chunk|portion|hunk|sliver|helping|fringe|new fringe|sandwich)\b|\b(cut|cutting|slit|sliced|snipped) (off )?(my|his|her) (wrist|wrists|arm|leg|ankle) (brace|cast|splint|support|strap|band|bandage|tag|bracelet|watch|guard|plaster|tape|wrap)\b/,
  /\b(i|we) (take|takes) all (my|of my|our) (pills|meds|medication|medicines|tablets)( \w+){0,4} (no problem|no problems|every day|everyday|daily|on time|like i should|as i should|properly|regularly|as prescribed|religiously|without missing)\b/,
  /\b(giving|gave|give|given) (away )?(all )?(my |of my )?(old )?(things|stuff|clothes|books|toys|furniture)( away)? (to|at) (charity|the charity shop|a charity shop|oxfam|the food bank|my sister|my niece|my nephew|my cousin|the neighbours|a friend|friends)\b|\b(decluttering|declutter|car boot|moving house|moving flat|downsizing|marie kondo|vinted|ebay|spring clean|outgrown|too small|does not fit)\b/,
  /\b(will not|not going to|may not|might not) be (here|around) (tomorrow|next week|for the next session|at the next session|much longer)\b.*\b(holiday|vacation|away|trip|travelling|traveling|visiting|work|wedding|appointment|dentist|leave|sick|funeral|hospital appointment|conference|course|exam|shift|course)\b|\b(holiday|vacation|away|trip|travelling|traveling|visiting|wedding|appointment|dentist|on leave|off sick|funeral|conference|exam|shift)\b.*\b(will not|not going to) be (here|around)\b/,
  /\b(rope|ropes|blades|razor blades)\b.*\b(camping|climbing|tent|washing line|dog|swing|garden|boat|gym|skipping|skateboard|craft|crafts|lino|scrapbook|shed|allotment)\b|\b(camping|climbing|tent|washing line|swing|garden|boat|gym|skipping|craft|crafts|lino|allotment)\b.*\b(rope|ropes|blades)\b/,
  // "I'd rather jump off a cliff than sit through another budget meeting": a comparison with an ordinary chore.
  /\b(rather|sooner) (\w+ ){1,8}than (\w+ ){0,4}(meeting|meetings|lecture|lectures|class|exam|exams|presentation|shift|queue|traffic|dinner party|small talk|zoom|teams call|webinar|assembly|ikea|shopping|karaoke|paperwork|tax return|admin|spreadsheet|budget|powerpoint|another (day|minute|hour) (of|at|in) (work|this job|school|the office))\b/,
  /\b(hit by a bus|run over) (of|by) (emotions|feelings|tiredness|a cold|flu|the news)\b/,
  /\bready to go (out|home|to|back|shopping)\b/,
  /\b(last session|last group|end of the course|course ends|course is over|the course|see you (all )?(at|next|on|soon|in|then)|reunion|next week|next term|discharged|moving (to|away|house)|new job|retir\w+|on holiday|off on holiday|leaving do|work do)\b/,
  /\b(got|have) (it|them|everything) (ready|sorted|planned)\b.*\b(interview|bag|packed|outfit|holiday|trip|party|christmas|birthday|wedding|move|moving|exam|school|work|tomorrow morning)\b/,
  /\b(gave|give|giving|given) (my )?(dog|cat|pets?)\b.*\b(for the (week|weekend|night|day)|while i am (in hospital|away|on holiday)|holiday|knee|op|operation)\b|\bsort(ing|ed)? out (my )?affairs as in\b|\btax return\b/,
  /\b(so|too|that) (boring|bored|embarrassing|awkward|cringe|cringey|hot|cold|tired|full|long|dull) (that )?i (wanted|want|could have|could|thought i would|nearly) (to )?(die|died)\b|\bbored to death\b/,
  /\b(be|is|was|will be|going to be) the death of me\b|\b(are|is|was|were) (literally |actually |honestly )?killing me\b/,
  /\b(dying|dead) to (see|meet|try|go|know|hear|read|get)\b|\bto die for\b|\bdead (tired|on my feet|good|easy|funny|serious|jealous)\b/,
  /\b(my|the|his|her) (phone|battery|laptop|car|plant|plants|cat|dog|hamster|fish|goldfish|grandad|grandma|nan|gran|uncle|aunt|tv|telly|wifi|internet|charger|printer|conversation|joke|party|vibe|group chat) (is|was|has|had|just) (dead|died|dying)\b/,
];

/**
 * An ordinary reason the writer gave and then denies ("said it was for a holiday. it wasn't", "told
 * them it's for the charity shop, it's not"), or an injury told as deliberate ("burned myself on the
 * hob on purpose"): an ordinary reason or an accident then excuses nothing in the message.
 */
export const DENIED_REASON =
  /\b(on purpose|deliberately|intentionally)\b|\bthere (is|s|be|was) no (new )?(flat|house|job|new job|holiday|trip|move|new place|place|interview|course)\b|\bnot because of (a|the|my) (new )?(job|flat|house|move|holiday|baby|course)\b|\bnot (here |there |up here |out here )?(for|to (fix|see|watch|take|enjoy|do)) (the |a |my |any )?(view|views|aerial|dish|satellite dish|gutter|gutters|tiles|washing|sunset|sunrise|scenery|photo|photos|picture|pictures|fresh air|sightseeing|stars|fireworks|walk|the dog|cooking|camping|climbing|fishing|a smoke|a fag)\b|\b(going to|put to|kept for|for) (a |another )?(different|other) (use|purpose|job)\b|\b(said|say|told|tell|pretend\w*|making out|made out|let (them|him|her|everyone|people) think)( (her|him|them|everyone|people|everybody|my \w+|the \w+))? (that )?(it|this|that|they) ?(was|is|s|be|were|are|re)\b.{0,80}?\b(it|that|this) ?(was not|wasn t|wasnt|is not|isn t|isnt|s not|be not|was a lie|is a lie)\b/;

/** Distant past or recovery: the writer is talking about something they have come through. */
export const RECOVERY =
  /\b((?<!\b(where|when|which|that|same as|like|as) (we|i|they|you) )used to|years ago|a year ago|months ago|many months|in the past|back then|back in (the day|(19|20)\d\d|school|uni|college)|when i was (younger|a kid|a child|a teen|a teenager|at school|at uni|in school|in my teens|in my twenties|\d+)|at my (lowest|worst)|(last|that) year|in (19|20)\d\d|as a (teen|teenager|kid|child)|(clean|free) (for|since|from|of) |in my (teens|twenties|thirties|forties|20s|30s|40s)|(therapy|the group|group|treatment|medication|pills|support|talking) (has |have |really |finally )?(helped|saved me|got me through)|((\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many) (days?|weeks?|months?|years?) (without(?! (food|eating|water|fluids|sleep|sleeping|a meal|meals|anything to eat)\b)|free of|clean of|since (i|my) (last )?(cut|self harmed|attempt|hurt myself|harmed myself|used)))|have not (self harmed|cut|hurt myself|harmed myself|felt (that|like that|suicidal)|had (those|these|suicidal) thoughts) (for|since|in)|no longer|not anymore|do not feel (like )?that anymore|not felt that way (for|since|in)|recovered|in recovery|survived|got through|came through|pulled through|doing (so much |much |a lot |loads )?better|better now|in a better place|on the other side|\d+ (days|weeks|months|years) (clean|free|without)|(self harm|self injury|sh|harm|cutting|cut|relapse|attempt) free|(days|weeks|months|years) clean|since then|milestone|anniversary of)\b/;

/** A first-person "if" or "what should I do if" is not a statement of intent. */
export const HYPOTHETICAL =
  /\b(if|when|in case) (i|we) (ever|ever start to|start to|begin to)? ?(feel|felt|start|get|think|thought|want)\b|\bwhat (should|do|would|can) (i|you|we|someone|people) do (if|when)\b|\bhow (do|can|should|would) (i|you|we|someone|people) (help|support|talk to|respond|tell|spot)\b|\bwhat are the (signs|warning signs)\b|\basked (me )?(if|whether)\b(?=.*\b((honestly|truthfully|genuinely) (say|said|answer|answered) no|(say|said) no and meant it|no,? which (is|was) true|(say|said|answered) no,? not for (ages|months|years|a while|a long time)|(say|said|answered) no for the first time)\b)/;

/** "when i get in tonight", "when we get home": a time, not a hypothetical. */
const WHEN_AS_TIME = /\bwhen (i|we) (get|got) (in|home|back|there|off|to|out)\b|\bwhen\b(?: \S+){0,5} (tonight|today|later|this evening|this afternoon|in the morning|tomorrow)\b/;

/** "when i get anxious … did it again yesterday": a habit that happened, not a hypothetical. */
const WHEN_AS_HABIT = /\b(again|yesterday|last night|this morning|earlier today|every time|each time)\b/;

/** Asking whether to get help ("should I go to A&E", "should I call 111"): the act it is about is real, not a hypothetical. */
export const HELP_QUESTION =
  /\bshould i (go to|call|ring|phone|get|see|tell) (a ?&? ?e|a and e|hospital|the hospital|999|111|911|an ambulance|ambulance|stitches|it stitched|it looked at|a doctor|the doctor|the gp|my gp|someone|anyone)\b/;

/** The hypothetical or question in a text ("if i ever feel", "what should i do if"), unless its "when" is a time. */
export function hypotheticalIn(text: string): RegExpExecArray | null {
  const match = HYPOTHETICAL.exec(text);
  if (match?.[0].startsWith('when') && (WHEN_AS_TIME.test(text) || WHEN_AS_HABIT.test(text))) return null;
  return match;
}

/** Negators; a negator immediately followed by one of NOT_A_NEGATION is an intensifier ("can't stop thinking"). */
export const NEGATORS = new Set(['not', 'never', 'no', 'nor', 'without', 'nobody', 'neither']);
export const NOT_A_NEGATION = /^(stop|help|shake|get rid|wait|sure|only|just|quite|even|be sure)\b/;

/** Words that name somebody else, as the subject of what follows. */
export const OTHER_PERSON_WORDS = new Set([
  'he',
  'she',
  'they',
  'him',
  'her',
  'them',
  'his',
  'their',
  'himself',
  'herself',
  'themselves',
  'themself',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'people',
  'everyone',
  'you',
  'yourself',
  'friend',
  'friends',
  'mate',
  'mum',
  'mom',
  'dad',
  'mother',
  'father',
  'brother',
  'sister',
  'son',
  'daughter',
  'partner',
  'husband',
  'wife',
  'boyfriend',
  'girlfriend',
  'cousin',
  'aunt',
  'uncle',
  'nan',
  'gran',
  'grandma',
  'grandad',
  'grandpa',
  'flatmate',
  'roommate',
  'housemate',
  'colleague',
  'coworker',
  'bestie',
  'bff',
  'neighbour',
  'neighbor',
  'kid',
  'child',
  'ex',
  'niece',
  'nephew',
  'client',
  'patient',
  'member',
  'student',
  'teenager',
  'guy',
  'girl',
  'man',
  'woman',
  'lad',
  'bloke',
  'pal',
  'fiance',
  'fiancee',
]);
export const SELF_WORDS = new Set(['i', 'me', 'myself', 'mine', 'my']);
