/**
 * Medication, household-poison and pill-slang vocabulary for Hearth's risk detector.
 *
 * Purpose: let the detector recognise a named medicine or poison in messages such as
 * "just took 40 of my quetiapine" or "been saving my zopiclone". The lists only say that a
 * word names a medicine; whether a message is risky (taken, counted, saved, stockpiled) is for
 * the detector to decide from the surrounding words.
 *
 * Sources. This list was compiled by hand on 2026-12-03 from the following public references.
 * It is NOT a copy of, or kept in sync with, any maintained external list.
 *   - Class structure: BNF chapter 4 (central nervous system): hypnotics and anxiolytics,
 *     antipsychotics and depots, antidepressants (SSRIs, SNRIs, tricyclics, MAOIs, others),
 *     lithium and other mood stabilisers, CNS stimulants for ADHD, analgesics (non-opioid and
 *     opioid), antiepileptics, drugs used in substance dependence.
 *   - WHO Model List of Essential Medicines: section 24 (medicines for mental and behavioural
 *     disorders) and section 2 (medicines for pain and palliative care). The section numbers
 *     are those of the 2023 (23rd) list as recalled by the compiler; the search done for this
 *     file did not reach the list's own text, so the numbers were NOT confirmed against it.
 *     Secondary articles on the 2023 revision were found (e.g. that its benzodiazepines were
 *     cut to diazepam and lorazepam), which is consistent with the classes used here.
 *   - UK brands: the NHS website's medicines A-Z (and the emc SmPC/PIL pages it links to).
 *   - US brands: US FDA labelling (openFDA / DailyMed) and RxNorm names.
 *
 * Names checked by search on 2026-12-03 (stored public pages; everything else is from the
 * compiler's knowledge of the sources above and has not been individually re-checked):
 *   - sertraline = Lustral (NHS website page "sertraline"; Zoloft in the US);
 *   - zopiclone = Zimovane (NHS website page "zopiclone"; emc SmPC for Zimovane LS);
 *   - quetiapine = Seroquel / Seroquel XR (openFDA NDC and label records);
 *   - ZzzQuil = diphenhydramine (openFDA NDC and label records);
 *   - Nytol One-A-Night = diphenhydramine 50 mg (emc patient leaflet);
 *   - Sominex = promethazine in the UK but diphenhydramine in the US (secondary pages), so it
 *     is listed under both;
 *   - mirtazapine = Zispin (HSE Ireland and Boots WebMD pages; the NHS page was not retrieved);
 *   - co-codamol = Solpadol, Kapake, Tylex (Cancer Research UK page);
 *   - vortioxetine = Brintellix (UK/EU), renamed Trintellix in the US in 2016 (news pages);
 *   - cariprazine = Vraylar (US, drugs.com monograph), Reagila (UK, Scottish Medicines
 *     Consortium notice).
 *
 * Extending the list. Add an entry to MEDICATIONS (or a brand/alias to an existing entry);
 * write every string in lower case, the way people type it, without strength or formulation
 * ("seroquel", not "Seroquel XL 300mg"). `aliases` holds other non-proprietary names and
 * spellings (acetaminophen, dothiepin, phenobarbitone). A name that is also an everyday word
 * should go in AMBIGUOUS_NAMES as well, so the detector can ask for medicine context before
 * treating it as a medicine. Keep the group to the closest BNF chapter-4 class; a medicine
 * outside chapter 4 that is commonly taken in overdose goes under its own body system
 * ('cardiovascular', 'diabetes') or 'other'. Re-run the type check and the count script
 * (see the report that came with this file) after editing.
 */

export const MEDICATION_GROUPS = [
  'antidepressant',
  'antipsychotic',
  'mood_stabiliser',
  'anxiolytic_hypnotic',
  'opioid',
  'analgesic',
  'antihistamine',
  'stimulant_adhd',
  'anticonvulsant',
  'cardiovascular',
  'diabetes',
  'other',
] as const;

export type MedicationGroup = (typeof MEDICATION_GROUPS)[number];

export interface Medication {
  /** International non-proprietary (generic) name, lower case; UK spelling where UK and US differ. */
  readonly generic: string;
  /** UK and US brand names, lower case. May be empty. */
  readonly brands: readonly string[];
  readonly group: MedicationGroup;
  /** Other generic names or common spellings (US name, older UK name, salt or combination name). */
  readonly aliases?: readonly string[];
}

export const MEDICATIONS: readonly Medication[] = [
  // ---- Antidepressants: SSRIs ----
  { generic: 'sertraline', brands: ['lustral', 'zoloft'], group: 'antidepressant' },
  { generic: 'citalopram', brands: ['cipramil', 'celexa'], group: 'antidepressant' },
  { generic: 'escitalopram', brands: ['cipralex', 'lexapro'], group: 'antidepressant' },
  { generic: 'fluoxetine', brands: ['prozac', 'sarafem', 'oxactin'], group: 'antidepressant' },
  { generic: 'paroxetine', brands: ['seroxat', 'paxil', 'pexeva'], group: 'antidepressant' },
  { generic: 'fluvoxamine', brands: ['faverin', 'luvox'], group: 'antidepressant' },
  // ---- Antidepressants: SNRIs ----
  { generic: 'venlafaxine', brands: ['efexor', 'effexor'], group: 'antidepressant' },
  { generic: 'desvenlafaxine', brands: ['pristiq'], group: 'antidepressant' },
  { generic: 'duloxetine', brands: ['cymbalta', 'yentreve', 'drizalma'], group: 'antidepressant' },
  { generic: 'levomilnacipran', brands: ['fetzima'], group: 'antidepressant' },
  { generic: 'milnacipran', brands: ['savella'], group: 'antidepressant' },
  // ---- Antidepressants: tricyclics and related ----
  { generic: 'amitriptyline', brands: ['elavil'], group: 'antidepressant' },
  { generic: 'nortriptyline', brands: ['allegron', 'pamelor', 'aventyl'], group: 'antidepressant' },
  { generic: 'imipramine', brands: ['tofranil'], group: 'antidepressant' },
  { generic: 'clomipramine', brands: ['anafranil'], group: 'antidepressant' },
  { generic: 'dosulepin', brands: ['prothiaden'], group: 'antidepressant', aliases: ['dothiepin'] },
  { generic: 'doxepin', brands: ['sinequan', 'silenor'], group: 'antidepressant' },
  { generic: 'lofepramine', brands: [], group: 'antidepressant' },
  { generic: 'trimipramine', brands: ['surmontil'], group: 'antidepressant' },
  { generic: 'desipramine', brands: ['norpramin'], group: 'antidepressant' },
  { generic: 'protriptyline', brands: ['vivactil'], group: 'antidepressant' },
  { generic: 'amoxapine', brands: [], group: 'antidepressant' },
  { generic: 'maprotiline', brands: ['ludiomil'], group: 'antidepressant' },
  { generic: 'mianserin', brands: [], group: 'antidepressant' },
  // ---- Antidepressants: MAOIs ----
  { generic: 'phenelzine', brands: ['nardil'], group: 'antidepressant' },
  { generic: 'tranylcypromine', brands: ['parnate'], group: 'antidepressant' },
  { generic: 'isocarboxazid', brands: ['marplan'], group: 'antidepressant' },
  { generic: 'moclobemide', brands: ['manerix'], group: 'antidepressant' },
  { generic: 'selegiline', brands: ['emsam', 'eldepryl'], group: 'antidepressant' },
  // ---- Antidepressants: others ----
  { generic: 'mirtazapine', brands: ['zispin', 'remeron'], group: 'antidepressant' },
  { generic: 'trazodone', brands: ['molipaxin', 'desyrel', 'oleptro'], group: 'antidepressant' },
  { generic: 'bupropion', brands: ['zyban', 'wellbutrin', 'aplenzin', 'forfivo'], group: 'antidepressant', aliases: ['amfebutamone'] },
  { generic: 'vortioxetine', brands: ['brintellix', 'trintellix'], group: 'antidepressant' },
  { generic: 'agomelatine', brands: ['valdoxan'], group: 'antidepressant' },
  { generic: 'reboxetine', brands: ['edronax'], group: 'antidepressant' },
  { generic: 'vilazodone', brands: ['viibryd'], group: 'antidepressant' },
  { generic: 'nefazodone', brands: [], group: 'antidepressant' },
  { generic: 'esketamine', brands: ['spravato'], group: 'antidepressant' },
  { generic: 'zuranolone', brands: ['zurzuvae'], group: 'antidepressant' },

  // ---- Antipsychotics: first generation (typical), with depots ----
  { generic: 'haloperidol', brands: ['haldol', 'haldol decanoate', 'serenace', 'dozic'], group: 'antipsychotic', aliases: ['haloperidol decanoate'] },
  { generic: 'chlorpromazine', brands: ['largactil', 'thorazine'], group: 'antipsychotic' },
  { generic: 'fluphenazine', brands: ['modecate', 'prolixin'], group: 'antipsychotic', aliases: ['fluphenazine decanoate'] },
  { generic: 'flupentixol', brands: ['depixol', 'fluanxol', 'psytixol'], group: 'antipsychotic', aliases: ['flupenthixol', 'flupentixol decanoate'] },
  { generic: 'zuclopenthixol', brands: ['clopixol', 'clopixol acuphase'], group: 'antipsychotic', aliases: ['zuclopenthixol decanoate'] },
  { generic: 'trifluoperazine', brands: ['stelazine'], group: 'antipsychotic' },
  { generic: 'perphenazine', brands: ['fentazin', 'trilafon'], group: 'antipsychotic' },
  { generic: 'sulpiride', brands: ['dolmatil', 'sulpor'], group: 'antipsychotic' },
  { generic: 'amisulpride', brands: ['solian'], group: 'antipsychotic' },
  { generic: 'pimozide', brands: ['orap'], group: 'antipsychotic' },
  { generic: 'levomepromazine', brands: ['nozinan'], group: 'antipsychotic', aliases: ['methotrimeprazine'] },
  { generic: 'pericyazine', brands: [], group: 'antipsychotic', aliases: ['periciazine'] },
  { generic: 'loxapine', brands: ['loxitane', 'adasuve'], group: 'antipsychotic' },
  { generic: 'thiothixene', brands: ['navane'], group: 'antipsychotic', aliases: ['tiotixene'] },
  // ---- Antipsychotics: second generation (atypical), with long-acting injections ----
  { generic: 'quetiapine', brands: ['seroquel'], group: 'antipsychotic' },
  {
    generic: 'olanzapine',
    brands: ['zyprexa', 'zypadhera', 'zyprexa relprevv', 'lybalvi', 'symbyax'],
    group: 'antipsychotic',
    aliases: ['olanzapine pamoate', 'olanzapine embonate'],
  },
  { generic: 'risperidone', brands: ['risperdal', 'risperdal consta', 'perseris', 'uzedy', 'rykindo'], group: 'antipsychotic' },
  {
    generic: 'paliperidone',
    brands: ['invega', 'xeplion', 'trevicta', 'byannli', 'invega sustenna', 'invega trinza', 'invega hafyera'],
    group: 'antipsychotic',
    aliases: ['paliperidone palmitate'],
  },
  {
    generic: 'aripiprazole',
    brands: ['abilify', 'abilify maintena', 'abilify asimtufii', 'aristada'],
    group: 'antipsychotic',
    aliases: ['aripiprazole lauroxil'],
  },
  { generic: 'clozapine', brands: ['clozaril', 'denzapine', 'zaponex', 'versacloz', 'fazaclo'], group: 'antipsychotic' },
  { generic: 'ziprasidone', brands: ['geodon', 'zeldox'], group: 'antipsychotic' },
  { generic: 'lurasidone', brands: ['latuda'], group: 'antipsychotic' },
  { generic: 'cariprazine', brands: ['reagila', 'vraylar'], group: 'antipsychotic' },
  { generic: 'brexpiprazole', brands: ['rexulti'], group: 'antipsychotic' },
  { generic: 'asenapine', brands: ['sycrest', 'saphris', 'secuado'], group: 'antipsychotic' },
  { generic: 'iloperidone', brands: ['fanapt'], group: 'antipsychotic' },
  { generic: 'lumateperone', brands: ['caplyta'], group: 'antipsychotic' },
  { generic: 'pimavanserin', brands: ['nuplazid'], group: 'antipsychotic' },
  { generic: 'sertindole', brands: ['serdolect'], group: 'antipsychotic' },
  { generic: 'xanomeline', brands: ['cobenfy'], group: 'antipsychotic', aliases: ['xanomeline and trospium'] },

  // ---- Mood stabilisers ----
  {
    generic: 'lithium',
    brands: ['priadel', 'camcolit', 'liskonum', 'li-liquid', 'lithobid', 'eskalith'],
    group: 'mood_stabiliser',
    aliases: ['lithium carbonate', 'lithium citrate'],
  },
  {
    generic: 'valproate',
    brands: ['epilim', 'depakote', 'depakene', 'episenta', 'convulex', 'dyzantil'],
    group: 'mood_stabiliser',
    aliases: ['sodium valproate', 'valproic acid', 'semisodium valproate', 'divalproex', 'divalproex sodium'],
  },
  { generic: 'lamotrigine', brands: ['lamictal'], group: 'mood_stabiliser' },
  { generic: 'carbamazepine', brands: ['tegretol', 'carbagen', 'equetro', 'epitol', 'carbatrol'], group: 'mood_stabiliser' },

  // ---- Anxiolytics and hypnotics: benzodiazepines ----
  { generic: 'diazepam', brands: ['valium', 'diazemuls', 'stesolid', 'diastat', 'valtoco'], group: 'anxiolytic_hypnotic' },
  { generic: 'lorazepam', brands: ['ativan'], group: 'anxiolytic_hypnotic' },
  { generic: 'alprazolam', brands: ['xanax', 'niravam'], group: 'anxiolytic_hypnotic' },
  { generic: 'clonazepam', brands: ['klonopin', 'rivotril'], group: 'anxiolytic_hypnotic' },
  { generic: 'chlordiazepoxide', brands: ['librium'], group: 'anxiolytic_hypnotic' },
  { generic: 'oxazepam', brands: ['serax'], group: 'anxiolytic_hypnotic' },
  { generic: 'temazepam', brands: ['restoril', 'normison'], group: 'anxiolytic_hypnotic' },
  { generic: 'nitrazepam', brands: ['mogadon'], group: 'anxiolytic_hypnotic' },
  { generic: 'loprazolam', brands: [], group: 'anxiolytic_hypnotic' },
  { generic: 'lormetazepam', brands: [], group: 'anxiolytic_hypnotic' },
  { generic: 'flurazepam', brands: ['dalmane'], group: 'anxiolytic_hypnotic' },
  { generic: 'triazolam', brands: ['halcion'], group: 'anxiolytic_hypnotic' },
  { generic: 'estazolam', brands: ['prosom'], group: 'anxiolytic_hypnotic' },
  { generic: 'clorazepate', brands: ['tranxene'], group: 'anxiolytic_hypnotic' },
  { generic: 'clobazam', brands: ['frisium', 'onfi', 'sympazan'], group: 'anxiolytic_hypnotic' },
  { generic: 'midazolam', brands: ['hypnovel', 'buccolam', 'epistatus', 'nayzilam', 'versed'], group: 'anxiolytic_hypnotic' },
  // Not licensed in the UK or US; sold as "street" or "fake" benzodiazepine tablets.
  { generic: 'etizolam', brands: [], group: 'anxiolytic_hypnotic' },
  // ---- Anxiolytics and hypnotics: z-drugs and others ----
  { generic: 'zopiclone', brands: ['zimovane', 'imovane'], group: 'anxiolytic_hypnotic' },
  { generic: 'eszopiclone', brands: ['lunesta'], group: 'anxiolytic_hypnotic' },
  { generic: 'zolpidem', brands: ['stilnoct', 'ambien', 'edluar', 'intermezzo', 'zolpimist'], group: 'anxiolytic_hypnotic' },
  { generic: 'zaleplon', brands: ['sonata'], group: 'anxiolytic_hypnotic' },
  { generic: 'buspirone', brands: ['buspar'], group: 'anxiolytic_hypnotic' },
  { generic: 'melatonin', brands: ['circadin', 'slenyto'], group: 'anxiolytic_hypnotic' },
  { generic: 'suvorexant', brands: ['belsomra'], group: 'anxiolytic_hypnotic' },
  { generic: 'lemborexant', brands: ['dayvigo'], group: 'anxiolytic_hypnotic' },
  { generic: 'daridorexant', brands: ['quviviq'], group: 'anxiolytic_hypnotic' },
  { generic: 'ramelteon', brands: ['rozerem'], group: 'anxiolytic_hypnotic' },
  { generic: 'chloral hydrate', brands: ['welldorm'], group: 'anxiolytic_hypnotic', aliases: ['cloral betaine'] },
  { generic: 'clomethiazole', brands: ['heminevrin'], group: 'anxiolytic_hypnotic', aliases: ['chlormethiazole'] },
  { generic: 'meprobamate', brands: [], group: 'anxiolytic_hypnotic' },

  // ---- Opioids, including substitutes and compound analgesics containing an opioid ----
  { generic: 'codeine', brands: [], group: 'opioid', aliases: ['codeine phosphate'] },
  {
    generic: 'co-codamol',
    brands: ['solpadol', 'kapake', 'tylex', 'zapain', 'solpadeine', 'migraleve'],
    group: 'opioid',
    aliases: ['cocodamol', 'paracetamol and codeine'],
  },
  { generic: 'co-dydramol', brands: ['remedeine', 'paramol'], group: 'opioid', aliases: ['codydramol'] },
  { generic: 'dihydrocodeine', brands: ['df118', 'dhc continus'], group: 'opioid' },
  { generic: 'tramadol', brands: ['zydol', 'zamadol', 'maxitram', 'ultram', 'conzip', 'tramacet', 'ultracet'], group: 'opioid' },
  {
    generic: 'morphine',
    brands: ['oramorph', 'sevredol', 'mst continus', 'zomorph', 'morphgesic', 'ms contin', 'kadian'],
    group: 'opioid',
    aliases: ['morphine sulphate', 'morphine sulfate'],
  },
  {
    generic: 'oxycodone',
    brands: ['oxycontin', 'oxynorm', 'longtec', 'shortec', 'targinact', 'roxicodone', 'percocet', 'percodan', 'endocet', 'xtampza'],
    group: 'opioid',
  },
  { generic: 'hydrocodone', brands: ['vicodin', 'norco', 'lortab', 'hysingla', 'zohydro'], group: 'opioid' },
  { generic: 'hydromorphone', brands: ['palladone', 'dilaudid', 'exalgo'], group: 'opioid' },
  {
    generic: 'fentanyl',
    brands: ['durogesic', 'matrifen', 'abstral', 'effentora', 'instanyl', 'duragesic', 'actiq', 'fentora', 'subsys'],
    group: 'opioid',
  },
  { generic: 'tapentadol', brands: ['palexia', 'nucynta'], group: 'opioid' },
  {
    generic: 'buprenorphine',
    brands: ['subutex', 'suboxone', 'espranor', 'buvidal', 'butrans', 'transtec', 'temgesic', 'zubsolv', 'sublocade', 'brixadi', 'belbuca'],
    group: 'opioid',
  },
  { generic: 'methadone', brands: ['physeptone', 'methadose', 'dolophine'], group: 'opioid' },
  { generic: 'pethidine', brands: ['demerol'], group: 'opioid', aliases: ['meperidine'] },
  { generic: 'diamorphine', brands: [], group: 'opioid' },
  { generic: 'dextropropoxyphene', brands: ['distalgesic', 'darvon', 'darvocet'], group: 'opioid', aliases: ['propoxyphene', 'co-proxamol'] },

  // ---- Non-opioid analgesics (including OTC medicines often taken in overdose) ----
  {
    generic: 'paracetamol',
    brands: ['panadol', 'calpol', 'hedex', 'anadin extra', 'lemsip', 'night nurse', 'tylenol', 'tylenol pm', 'mapap', 'excedrin', 'nyquil'],
    group: 'analgesic',
    aliases: ['acetaminophen', 'apap'],
  },
  { generic: 'ibuprofen', brands: ['nurofen', 'brufen', 'calprofen', 'nuromol', 'advil', 'motrin'], group: 'analgesic' },
  {
    generic: 'aspirin',
    brands: ['disprin', 'anadin', 'nu-seals', 'alka-seltzer', 'ecotrin', 'bufferin'],
    group: 'analgesic',
    aliases: ['acetylsalicylic acid'],
  },
  { generic: 'naproxen', brands: ['naprosyn', 'feminax ultra', 'aleve', 'anaprox', 'naprelan'], group: 'analgesic' },
  { generic: 'diclofenac', brands: ['voltarol', 'voltaren', 'arthrotec', 'cataflam', 'zipsor', 'cambia'], group: 'analgesic' },
  { generic: 'mefenamic acid', brands: ['ponstan', 'ponstel'], group: 'analgesic' },
  { generic: 'celecoxib', brands: ['celebrex'], group: 'analgesic' },
  { generic: 'etoricoxib', brands: ['arcoxia'], group: 'analgesic' },
  { generic: 'meloxicam', brands: ['mobic'], group: 'analgesic' },
  { generic: 'nefopam', brands: ['acupan'], group: 'analgesic' },

  // ---- Sedating antihistamines (OTC sleep aids) and other antihistamines ----
  // US Benadryl is diphenhydramine; UK Benadryl allergy products are acrivastine or cetirizine.
  // US Sominex is diphenhydramine; UK Sominex is promethazine (listed under both).
  {
    generic: 'diphenhydramine',
    brands: ['nytol', 'nytol one-a-night', 'benadryl', 'zzzquil', 'sominex', 'unisom sleepgels', 'sleepeaze', 'diphenhist'],
    group: 'antihistamine',
  },
  { generic: 'promethazine', brands: ['phenergan', 'sominex', 'avomine'], group: 'antihistamine' },
  { generic: 'doxylamine', brands: ['unisom'], group: 'antihistamine', aliases: ['doxylamine succinate'] },
  { generic: 'chlorphenamine', brands: ['piriton', 'chlor-trimeton'], group: 'antihistamine', aliases: ['chlorpheniramine'] },
  { generic: 'hydroxyzine', brands: ['atarax', 'ucerax', 'vistaril'], group: 'antihistamine' },
  { generic: 'cyclizine', brands: ['valoid'], group: 'antihistamine' },
  { generic: 'cyproheptadine', brands: ['periactin'], group: 'antihistamine' },
  { generic: 'dimenhydrinate', brands: ['dramamine'], group: 'antihistamine' },
  { generic: 'cetirizine', brands: ['zirtek', 'zyrtec'], group: 'antihistamine' },
  { generic: 'loratadine', brands: ['clarityn', 'claritin'], group: 'antihistamine' },

  // ---- ADHD medicines (stimulant and non-stimulant) and wakefulness drugs ----
  {
    generic: 'methylphenidate',
    brands: ['ritalin', 'concerta', 'medikinet', 'equasym', 'delmosart', 'xenidate', 'metadate', 'daytrana', 'quillivant', 'jornay', 'aptensio'],
    group: 'stimulant_adhd',
  },
  { generic: 'dexmethylphenidate', brands: ['focalin', 'azstarys'], group: 'stimulant_adhd' },
  { generic: 'lisdexamfetamine', brands: ['elvanse', 'vyvanse'], group: 'stimulant_adhd', aliases: ['lisdexamphetamine'] },
  {
    generic: 'dexamfetamine',
    brands: ['amfexa', 'dexedrine', 'zenzedi', 'procentra', 'xelstrym'],
    group: 'stimulant_adhd',
    aliases: ['dexamphetamine', 'dextroamphetamine'],
  },
  {
    generic: 'mixed amfetamine salts',
    brands: ['adderall', 'mydayis', 'evekeo', 'adzenys', 'dyanavel'],
    group: 'stimulant_adhd',
    aliases: ['amfetamine', 'amphetamine'],
  },
  { generic: 'atomoxetine', brands: ['strattera'], group: 'stimulant_adhd' },
  { generic: 'guanfacine', brands: ['intuniv', 'tenex'], group: 'stimulant_adhd' },
  { generic: 'viloxazine', brands: ['qelbree'], group: 'stimulant_adhd' },
  { generic: 'modafinil', brands: ['provigil'], group: 'stimulant_adhd' },
  { generic: 'armodafinil', brands: ['nuvigil'], group: 'stimulant_adhd' },

  // ---- Antiepileptics (gabapentinoids and others) ----
  { generic: 'pregabalin', brands: ['lyrica', 'alzain', 'axalid', 'lecaent'], group: 'anticonvulsant' },
  { generic: 'gabapentin', brands: ['neurontin', 'gralise', 'horizant'], group: 'anticonvulsant', aliases: ['gabapentin enacarbil'] },
  { generic: 'topiramate', brands: ['topamax', 'trokendi', 'qudexy', 'eprontia'], group: 'anticonvulsant' },
  { generic: 'levetiracetam', brands: ['keppra', 'desitrend', 'spritam', 'elepsia'], group: 'anticonvulsant' },
  { generic: 'phenytoin', brands: ['epanutin', 'dilantin', 'phenytek'], group: 'anticonvulsant' },
  { generic: 'phenobarbital', brands: [], group: 'anticonvulsant', aliases: ['phenobarbitone'] },
  { generic: 'oxcarbazepine', brands: ['trileptal', 'oxtellar'], group: 'anticonvulsant' },
  { generic: 'zonisamide', brands: ['zonegran'], group: 'anticonvulsant' },
  { generic: 'lacosamide', brands: ['vimpat'], group: 'anticonvulsant' },
  { generic: 'primidone', brands: ['mysoline'], group: 'anticonvulsant' },
  { generic: 'ethosuximide', brands: ['zarontin', 'emeside'], group: 'anticonvulsant' },
  { generic: 'brivaracetam', brands: ['briviact'], group: 'anticonvulsant' },
  { generic: 'perampanel', brands: ['fycompa'], group: 'anticonvulsant' },
  { generic: 'cenobamate', brands: ['ontozry', 'xcopri'], group: 'anticonvulsant' },
  { generic: 'tiagabine', brands: ['gabitril'], group: 'anticonvulsant' },
  { generic: 'vigabatrin', brands: ['sabril'], group: 'anticonvulsant' },

  // ---- Cardiovascular (beta blockers, calcium-channel blockers, digoxin, anticoagulants, others) ----
  { generic: 'propranolol', brands: ['inderal', 'bedranol', 'angilol', 'hemangeol', 'innopran'], group: 'cardiovascular' },
  { generic: 'atenolol', brands: ['tenormin'], group: 'cardiovascular' },
  { generic: 'bisoprolol', brands: ['cardicor', 'congescor', 'emcor', 'zebeta'], group: 'cardiovascular' },
  { generic: 'metoprolol', brands: ['betaloc', 'lopressor', 'toprol'], group: 'cardiovascular' },
  { generic: 'nadolol', brands: ['corgard'], group: 'cardiovascular' },
  { generic: 'carvedilol', brands: ['eucardic', 'coreg'], group: 'cardiovascular' },
  { generic: 'labetalol', brands: ['trandate'], group: 'cardiovascular' },
  { generic: 'sotalol', brands: ['betapace'], group: 'cardiovascular' },
  { generic: 'nebivolol', brands: ['nebilet', 'bystolic'], group: 'cardiovascular' },
  { generic: 'amlodipine', brands: ['istin', 'norvasc', 'katerzia'], group: 'cardiovascular' },
  { generic: 'verapamil', brands: ['securon', 'calan', 'isoptin', 'verelan'], group: 'cardiovascular' },
  { generic: 'diltiazem', brands: ['tildiem', 'adizem', 'cardizem'], group: 'cardiovascular' },
  { generic: 'nifedipine', brands: ['adalat', 'procardia'], group: 'cardiovascular' },
  { generic: 'digoxin', brands: ['lanoxin'], group: 'cardiovascular' },
  { generic: 'flecainide', brands: ['tambocor'], group: 'cardiovascular' },
  { generic: 'amiodarone', brands: ['cordarone', 'pacerone'], group: 'cardiovascular' },
  { generic: 'clonidine', brands: ['catapres', 'dixarit', 'kapvay'], group: 'cardiovascular' },
  { generic: 'ramipril', brands: ['tritace', 'altace'], group: 'cardiovascular' },
  { generic: 'lisinopril', brands: ['zestril', 'prinivil'], group: 'cardiovascular' },
  { generic: 'furosemide', brands: ['lasix'], group: 'cardiovascular', aliases: ['frusemide'] },
  { generic: 'warfarin', brands: ['marevan', 'coumadin', 'jantoven'], group: 'cardiovascular' },
  { generic: 'apixaban', brands: ['eliquis'], group: 'cardiovascular' },
  { generic: 'rivaroxaban', brands: ['xarelto'], group: 'cardiovascular' },
  { generic: 'dabigatran', brands: ['pradaxa'], group: 'cardiovascular' },
  { generic: 'edoxaban', brands: ['lixiana', 'savaysa'], group: 'cardiovascular' },

  // ---- Diabetes ----
  {
    generic: 'insulin',
    brands: [
      'lantus',
      'levemir',
      'tresiba',
      'toujeo',
      'abasaglar',
      'basaglar',
      'semglee',
      'humalog',
      'novorapid',
      'novolog',
      'apidra',
      'fiasp',
      'lyumjev',
      'admelog',
      'humulin',
      'novomix',
      'actrapid',
      'insulatard',
      'insuman',
    ],
    group: 'diabetes',
    aliases: ['insulin glargine', 'insulin lispro', 'insulin aspart', 'insulin detemir', 'insulin degludec'],
  },
  { generic: 'metformin', brands: ['glucophage', 'sukkarto', 'riomet', 'glumetza', 'fortamet'], group: 'diabetes' },
  { generic: 'gliclazide', brands: ['diamicron', 'zicron'], group: 'diabetes' },
  { generic: 'glibenclamide', brands: ['diabeta', 'glynase', 'micronase'], group: 'diabetes', aliases: ['glyburide'] },
  { generic: 'glipizide', brands: ['minodiab', 'glucotrol'], group: 'diabetes' },
  { generic: 'glimepiride', brands: ['amaryl'], group: 'diabetes' },
  { generic: 'semaglutide', brands: ['ozempic', 'wegovy', 'rybelsus'], group: 'diabetes' },
  { generic: 'dapagliflozin', brands: ['forxiga', 'farxiga'], group: 'diabetes' },
  { generic: 'empagliflozin', brands: ['jardiance'], group: 'diabetes' },

  // ---- Other: iron, substance-dependence drugs, anticholinergics, antiemetics, misc. ----
  {
    generic: 'ferrous sulfate',
    brands: ['feospan', 'ferrograd', 'feosol', 'slow fe'],
    group: 'other',
    aliases: ['ferrous sulphate', 'iron tablets', 'iron pills'],
  },
  { generic: 'ferrous fumarate', brands: ['galfer', 'fersaday', 'pregaday'], group: 'other' },
  { generic: 'ferrous gluconate', brands: ['fergon'], group: 'other' },
  { generic: 'levothyroxine', brands: ['eltroxin', 'synthroid', 'levoxyl', 'euthyrox', 'tirosint'], group: 'other' },
  { generic: 'quinine', brands: [], group: 'other', aliases: ['quinine sulphate', 'quinine sulfate'] },
  { generic: 'colchicine', brands: ['colcrys', 'mitigare'], group: 'other' },
  { generic: 'disulfiram', brands: ['antabuse'], group: 'other' },
  { generic: 'acamprosate', brands: ['campral'], group: 'other' },
  { generic: 'naltrexone', brands: ['revia', 'vivitrol'], group: 'other' },
  { generic: 'nalmefene', brands: ['selincro'], group: 'other' },
  { generic: 'lofexidine', brands: ['britlofex', 'lucemyra'], group: 'other' },
  { generic: 'procyclidine', brands: ['kemadrin'], group: 'other' },
  { generic: 'benzatropine', brands: ['cogentin'], group: 'other', aliases: ['benztropine'] },
  { generic: 'trihexyphenidyl', brands: ['artane'], group: 'other', aliases: ['benzhexol'] },
  { generic: 'prochlorperazine', brands: ['stemetil', 'buccastem', 'compazine'], group: 'other' },
  { generic: 'metoclopramide', brands: ['maxolon', 'reglan'], group: 'other' },
  { generic: 'dextromethorphan', brands: ['delsym', 'robitussin'], group: 'other' },
  { generic: 'loperamide', brands: ['imodium'], group: 'other' },
  { generic: 'ketamine', brands: ['ketalar'], group: 'other' },
];

/**
 * Names in MEDICATIONS or SLANG_DRUG_TERMS that are also everyday words or other things (a piece
 * of music, a place, a battery metal, a job). The detector should want some medicine context before treating them
 * as medicines ("took my sonata" yes, "listening to a sonata" no).
 */
export const AMBIGUOUS_NAMES: readonly string[] = [
  'sonata',
  'intermezzo',
  'norco',
  'tenex',
  'lithium',
  'night nurse',
  'concerta',
  'revia',
  'cambia',
  'calan',
  // slang entries with everyday meanings
  'bars',
  'blues',
  'subs',
  'sleepers',
  'jellies',
  'school bus',
  'vics',
] as const;

/** Household and garden poisons, lower case. */
export const HOUSEHOLD_POISONS = [
  'bleach',
  'thick bleach',
  'domestos',
  'chlorine',
  'pool chlorine',
  'antifreeze',
  'ethylene glycol',
  'screenwash',
  'de-icer',
  'brake fluid',
  'weedkiller',
  'weed killer',
  'herbicide',
  'paraquat',
  'sniper insecticide',
  'yew berries',
  'yew berry',
  'deadly nightshade',
  'belladonna',
  'oleander',
  'hemlock',
  'gramoxone',
  'diquat',
  'glyphosate',
  'roundup',
  'pesticide',
  'insecticide',
  'organophosphate',
  'slug pellets',
  'metaldehyde',
  'rat poison',
  'rodenticide',
  'brodifacoum',
  'mouse poison',
  'drain cleaner',
  'drain unblocker',
  'caustic soda',
  'sodium hydroxide',
  'lye',
  'oven cleaner',
  'toilet cleaner',
  'limescale remover',
  'descaler',
  'ammonia',
  'hydrochloric acid',
  'sulphuric acid',
  'sulfuric acid',
  'battery acid',
  'hydrogen peroxide',
  'methanol',
  'methylated spirits',
  'meths',
  'white spirit',
  'turpentine',
  'turps',
  'paint thinner',
  'lighter fluid',
  'paraffin',
  'kerosene',
  'petrol',
  'gasoline',
  'lamp oil',
  'nail polish remover',
  'acetone',
  'laundry pods',
  'laundry capsules',
  'dishwasher tablets',
  'cyanide',
  'arsenic',
  'strychnine',
  'sodium nitrite',
] as const;

/** Slang and lay terms for pills (and a few street drugs taken as pills or syrup), lower case. */
export const SLANG_DRUG_TERMS = [
  // benzodiazepines and z-drugs
  'benzos',
  'benzo',
  'benzies',
  'bars',
  'xanax bars',
  'xans',
  'xannies',
  'zannies',
  'school bus',
  'vallies',
  'blues',
  'street valium',
  'fake xanax',
  'k-pins',
  'klonnies',
  'jellies',
  'moggies',
  'sleepers',
  'sleeping pills',
  'sleeping tablets',
  'downers',
  'tranks',
  'roofies',
  // opioids
  'percs',
  'perc 30s',
  'oxys',
  'oxy',
  'hillbilly heroin',
  'roxies',
  'm30s',
  'vikes',
  'vics',
  'trammies',
  'tramies',
  'subs',
  'fent',
  'fetty',
  'purple drank',
  'dihydros',
  // stimulants
  'addies',
  'study drugs',
  // gabapentinoids and others
  'gabbies',
  'nerve pills',
  'happy pills',
  'pressies',
  'pressed pills',
  'painkillers',
  'pain pills',
] as const;

/** Every generic name, brand name and alias in MEDICATIONS, lower case, each once, in list order. */
export function medicationNames(): string[] {
  const seen = new Set<string>();
  for (const med of MEDICATIONS) {
    for (const name of [med.generic, ...med.brands, ...(med.aliases ?? [])]) {
      seen.add(name.toLowerCase());
    }
  }
  return [...seen];
}
