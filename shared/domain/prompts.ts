import type { ColourKey } from './colours';

/**
 * Facilitation prompts for a running meeting, built on Amy Edmondson's three moves for psychological
 * safety (sæt scenen, inviter til deltagelse, reager konstruktivt) and on Fair Proces with the decision
 * colours. Every text is short enough to read aloud or glance at on a shared screen: one sentence,
 * addressed to the facilitator or asked straight to the room.
 */

export const MOVES = ['saet_scenen', 'inviter', 'reager'] as const;
export type Move = (typeof MOVES)[number];

export const MOVE_LABELS: Record<Move, string> = {
  saet_scenen: 'Sæt scenen',
  inviter: 'Inviter til deltagelse',
  reager: 'Reager konstruktivt',
};

/** What each move gives the room when it works. */
export const MOVE_PURPOSE: Record<Move, string> = {
  saet_scenen: 'Alle ved, hvad mødet skal nå og hvorfor, så vi går ind i det med de samme forventninger.',
  inviter: 'Alle oplever, at deres bidrag er ønsket, og tør sige det, de tænker.',
  reager: 'Måden vi tager imod det sagte på, holder rummet åbent, så vi bliver ved med at lære.',
};

export const RUN_PHASES = ['saet_scenen', 'punkt', 'checkout'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

export const ITEM_STAGES = ['aabning', 'droeftelse', 'beslutning'] as const;
export type ItemStage = (typeof ITEM_STAGES)[number];

export interface Prompt {
  id: string;
  move: Move;
  text: string;
}

export const PROCESS_KINDS = ['runde', 'par', 'stille', 'aaben', 'cyklus'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

export const PROCESS_LABELS: Record<ProcessKind, string> = {
  runde: 'Runde',
  par: 'Par-samtale',
  stille: 'Stille skrivning',
  aaben: 'Åben drøftelse',
  cyklus: 'Cyklus i faser',
};

/** How to run each process so that every voice is heard. */
export const PROCESS_HOW: Record<ProcessKind, string> = {
  runde:
    'Alle siger noget kort på skift i fast rækkefølge, uden at blive afbrudt. Man må gerne sige pas og få ordet igen til sidst.',
  par: 'Deltagerne taler to og to i få minutter om det samme spørgsmål. Bagefter deler hvert par én pointe med resten.',
  stille:
    'Alle skriver hver for sig i et par minutter, før nogen siger noget. Derefter læses det op på skift, så også de stille tanker kommer frem.',
  aaben:
    'Ordet er frit, men mødelederen holder øje med taletiden og spørger dem, der endnu ikke har sagt noget. Afslut med en kort opsummering.',
  cyklus:
    'Punktet følger de samme faser i samme rækkefølge hver gang. Sig højt, hvilken fase I er i, så alle ved, hvad der bliver forventet lige nu.',
};

/** Edmondson's list of learning behaviours, as a card the room can keep in view. */
export const COURAGE_CARD: { title: 'Hav mod til at'; items: string[] } = {
  title: 'Hav mod til at',
  items: [
    'spørge, også når spørgsmålet virker enkelt',
    'fortælle om dine egne fejl og det, du er usikker på',
    'bede om hjælp, når du har brug for den',
    'være til at få fat på for de andre',
    'selv spørge efter feedback',
    'prøve noget nyt i din egen måde at handle på',
    'sige det højt, som ingen andre siger',
  ],
};

/**
 * What to say about the colour when the item opens, so nobody expects more (or less) influence than
 * there is.
 */
export const COLOUR_FRAMING: Record<ColourKey, string> = {
  roed: 'Rødt punkt: ledelsen beslutter og forklarer hvorfor; I kan spørge, men det er ikke en høring.',
  gul: 'Gult punkt: ledelsen beslutter, men hører jer først og melder tilbage, hvordan jeres input blev brugt.',
  groen: 'Grønt punkt: vi beslutter sammen i dag, inden for en ramme, som vi siger højt nu.',
  blaa: 'Blåt punkt: vi beslutter ikke noget i dag, men undersøger sagen sammen.',
};

/**
 * Default phases for a multi-phase cycle. The forum can rename, add or remove phases; this is only a
 * neutral starting point.
 */
export const DEFAULT_CYCLE: { name: string; phases: { title: string; hint: string }[] } = {
  name: 'Undersøgende cyklus',
  phases: [
    { title: 'Undren', hint: 'Hvad undrer os, og hvad vil vi gerne forstå bedre?' },
    { title: 'Undersøgelse', hint: 'Hvad ved vi allerede, og hvilke data eller erfaringer kan vi samle?' },
    { title: 'Afprøvning', hint: 'Hvad prøver vi af i praksis, hvem gør det, og hvor længe?' },
    { title: 'Opsamling', hint: 'Hvad lærte vi, og fortsætter, justerer eller stopper vi nu?' },
  ],
};

// ---------------------------------------------------------------------------------------------
// The prompt bank. Ids are stable so the renderer can remember which prompts were used.

const p = (id: string, move: Move, text: string): Prompt => ({ id, move, text });

const MEETING_START = {
  formaal: p('start.formaal', 'saet_scenen', 'Hvad skal vi være nået frem til, når vi går herfra i dag?'),
  usikkerhed: p(
    'start.usikkerhed',
    'saet_scenen',
    'Sig højt, at vi ikke har alle svar, at fejl hører med, og at vi har brug for hinanden.',
  ),
  spilleregler: p('start.spilleregler', 'inviter', 'Læs spillereglerne op, og spørg, om der er noget, vi skal huske særligt i dag.'),
  forventning: p('start.forventning', 'inviter', 'Tag en runde: hvad håber hver af jer at få ud af mødet?'),
  tak: p('start.tak', 'reager', 'Tak for forventningerne; skriv dem op, så vi kan se på dem igen til sidst.'),
};

const ITEM = {
  indflydelse: p(
    'punkt.indflydelse',
    'saet_scenen',
    'Sig højt, hvor meget indflydelse forummet har på punktet, før drøftelsen begynder.',
  ),
  hvadHandlerDetOm: p(
    'punkt.hvad_handler_det_om',
    'saet_scenen',
    'Fortæl kort, hvad punktet handler om, hvem det berører, og hvorfor det betyder noget.',
  ),
  hvorErVi: p('punkt.hvor_er_vi', 'saet_scenen', 'Sig, hvor vi er i punktet, og hvor lang tid vi har tilbage.'),
  ukendtFarve: p(
    'punkt.farve_mangler',
    'saet_scenen',
    'Sig, hvilken farve beslutningen har, og forklar det, hvis den er skiftet undervejs.',
  ),
  ydmyghed: p('punkt.ydmyghed', 'inviter', 'Sig ærligt, hvad der er svært ved sagen, og at vi ikke har svaret på forhånd.'),
  ikkeHoert: p('punkt.ikke_hoert', 'inviter', 'Hvem har vi ikke hørt endnu? Spørg dem direkte, men lad dem gerne sige pas.'),
  uenighed: p('punkt.uenighed', 'inviter', 'Er der uenighed eller spørgsmål, som skal med i referatet?'),
  anerkend: p('punkt.anerkend', 'reager', 'Tak for indspillet, og sig kort med dine egne ord, hvad du hørte.'),
  skrivOp: p('punkt.skriv_op', 'reager', 'Skriv spørgsmål og bekymringer op, så vi kan vende tilbage til dem.'),
  spilleregel: p('punkt.spilleregel', 'reager', 'Bliver en spilleregel brudt, så sig det roligt og henvis til den.'),
  hjaelp: p('punkt.hjaelp', 'reager', 'Hvad kan vi hjælpe hinanden med, så vi kommer et skridt videre?'),
};

const DECISION = {
  genlaes: p('beslutning.genlaes', 'inviter', 'Læs beslutningen op, som den skal stå i referatet: kan alle genkende den?'),
  genlaesBlaa: p(
    'beslutning.genlaes_undersoegelse',
    'inviter',
    'Læs op, hvad vi har fundet ud af, og hvad vi mangler at vide: kan alle genkende det?',
  ),
  hvemHvad: p('beslutning.hvem_hvad_hvornaar', 'reager', 'Hvem gør hvad, og hvornår? Skriv det ind som handlinger med en ansvarlig.'),
  bagland: p('beslutning.bagland', 'reager', 'Hvem fortæller hvad til hvem i baglandet, og hvornår sker det?'),
};

const CHECKOUT = {
  formaal: p('checkout.formaal', 'saet_scenen', 'Se tilbage på mødets formål: nåede vi det, vi satte os for?'),
  evaluering: p('checkout.evaluering', 'inviter', 'Tag en kort runde: i hvilken grad fik du noget ud af mødet i dag?'),
  medtag: p('checkout.medtag', 'inviter', 'Hvad tager du med herfra, og hvad skal vi gøre anderledes næste gang?'),
  tak: p('checkout.tak', 'reager', 'Tak alle for bidragene, også det, der var svært at sige højt.'),
  naeste: p('checkout.naeste', 'reager', 'Sig kort, hvad der sker nu: referat, handlinger og næste møde.'),
};

const PROCESS: Record<ProcessKind, Prompt> = {
  runde: p('proces.runde', 'inviter', 'Tag en runde, hvor alle siger noget kort, uden at nogen kommenterer undervejs.'),
  par: p('proces.par', 'inviter', 'Tal to og to i få minutter, og lad hvert par dele én pointe bagefter.'),
  stille: p('proces.stille', 'inviter', 'Skriv hver for jer i to minutter, før nogen taler, og læs så op på skift.'),
  aaben: p('proces.aaben', 'inviter', 'Hold øje med taletiden, og giv ordet til dem, der ikke har sagt noget.'),
  cyklus: p('proces.cyklus', 'inviter', 'Sig, hvilken fase vi er i, og hvad der forventes af os i den.'),
};

interface ColourPrompts {
  /** Sæt scenen when the item opens: the colour framing itself. */
  framing: Prompt;
  /** Inviter while the item is opened and discussed. */
  invite: Prompt;
  /** Sæt scenen during the discussion: what the colour means for what we talk about. */
  reminder: Prompt;
  /** Reager during the discussion. */
  respond: Prompt;
  /** Sæt scenen at the decision. */
  decide: Prompt;
}

const BY_COLOUR: Record<ColourKey, ColourPrompts> = {
  roed: {
    framing: p('farve.roed.ramme', 'saet_scenen', COLOUR_FRAMING.roed),
    invite: p('farve.roed.spoerg', 'inviter', 'Hvad har I brug for at vide eller spørge om for at forstå beslutningen?'),
    reminder: p(
      'farve.roed.husk',
      'saet_scenen',
      'Mind om, at punktet er rødt: vi taler om forståelse og følger, ikke om selve beslutningen.',
    ),
    respond: p('farve.roed.svar', 'reager', 'Svar ærligt på spørgsmål; kan du ikke svare nu, så sig, hvornår svaret kommer.'),
    decide: p('farve.roed.beslut', 'saet_scenen', 'Sig beslutningen højt, og forklar de hensyn og bindinger, der lå bag den.'),
  },
  gul: {
    framing: p('farve.gul.ramme', 'saet_scenen', COLOUR_FRAMING.gul),
    invite: p('farve.gul.input', 'inviter', 'Hvad skal ledelsen vide og tage hensyn til, før beslutningen træffes?'),
    reminder: p('farve.gul.husk', 'saet_scenen', 'Sig, hvornår ledelsen beslutter, og hvornår I hører, hvad jeres input førte til.'),
    respond: p('farve.gul.noter', 'reager', 'Skriv input ned med deltagernes egne ord, så de kan genkende det i tilbagemeldingen.'),
    decide: p('farve.gul.beslut', 'saet_scenen', 'Fortæl, hvilke input der blev brugt, hvilke der ikke blev, og hvorfor.'),
  },
  groen: {
    framing: p('farve.groen.ramme', 'saet_scenen', COLOUR_FRAMING.groen),
    invite: p('farve.groen.muligheder', 'inviter', 'Hvilke løsninger ser I inden for rammen, og hvad taler for dem?'),
    reminder: p('farve.groen.husk', 'saet_scenen', 'Mind om rammen for beslutningen, så forslagene holder sig inden for den.'),
    respond: p('farve.groen.saml', 'reager', 'Saml forslagene op, og tjek sammen, om de ligger inden for rammen.'),
    decide: p('farve.groen.beslut', 'saet_scenen', 'Mind om rammen: hvad ligger fast, og hvad beslutter vi selv i dag?'),
  },
  blaa: {
    framing: p('farve.blaa.ramme', 'saet_scenen', COLOUR_FRAMING.blaa),
    invite: p('farve.blaa.undren', 'inviter', 'Hvad undrer jer, og hvad ved vi egentlig om sagen indtil nu?'),
    reminder: p('farve.blaa.husk', 'saet_scenen', 'Mind om, at vi undersøger i dag og ikke behøver at blive enige.'),
    respond: p('farve.blaa.undringer', 'reager', 'Skriv undringer og gode spørgsmål op; de er også et resultat i dag.'),
    decide: p('farve.blaa.beslut', 'saet_scenen', 'Mind om, at vi ikke beslutter noget i dag, men aftaler næste skridt.'),
  },
};

const GROEN_STAND_BY = p(
  'beslutning.kan_alle_staa_inde',
  'inviter',
  'Kan alle stå inde for beslutningen? Er der uenighed, skriver vi den ned.',
);
const BLAA_KNOWLEDGE = p('beslutning.saml_viden', 'reager', 'Aftal, hvordan vi samler mere viden, hvem der gør det, og til hvornår.');

// ---------------------------------------------------------------------------------------------

type Caps = Record<Move, number>;
type Candidates = Record<Move, (Prompt | null | undefined)[]>;

/** Takes up to `caps[move]` candidates per move, in priority order, skipping gaps and repeats. */
function pick(candidates: Candidates, caps: Caps): Prompt[] {
  const seen = new Set<string>();
  const out: Prompt[] = [];
  for (const move of MOVES) {
    let taken = 0;
    for (const prompt of candidates[move]) {
      if (taken >= caps[move]) break;
      if (!prompt || prompt.move !== move || seen.has(prompt.id)) continue;
      seen.add(prompt.id);
      out.push({ ...prompt });
      taken += 1;
    }
  }
  return out;
}

/**
 * Prompts for the facilitator right now: suited to the phase, the item's stage, the item's announced
 * colour (null if none) and the process in use. Returns 3–6 prompts ordered by move
 * (sæt scenen → inviter → reager), never duplicates. Every move is always represented.
 * A missing stage counts as 'aabning'. Colour and process only matter during an item.
 */
export function promptsFor(context: {
  phase: RunPhase;
  stage?: ItemStage;
  colour?: ColourKey | null;
  process?: ProcessKind | null;
}): Prompt[] {
  if (context.phase === 'saet_scenen') {
    return pick(
      {
        saet_scenen: [MEETING_START.formaal, MEETING_START.usikkerhed],
        inviter: [MEETING_START.spilleregler, MEETING_START.forventning],
        reager: [MEETING_START.tak],
      },
      { saet_scenen: 2, inviter: 2, reager: 1 },
    );
  }

  if (context.phase === 'checkout') {
    return pick(
      {
        saet_scenen: [CHECKOUT.formaal],
        inviter: [CHECKOUT.evaluering, CHECKOUT.medtag],
        reager: [CHECKOUT.tak, CHECKOUT.naeste],
      },
      { saet_scenen: 1, inviter: 2, reager: 2 },
    );
  }

  const colour = context.colour ? BY_COLOUR[context.colour] : null;
  const process = context.process ? PROCESS[context.process] : null;
  const stage = context.stage ?? 'aabning';

  if (stage === 'aabning') {
    return pick(
      {
        saet_scenen: [colour ? colour.framing : ITEM.indflydelse, ITEM.hvadHandlerDetOm],
        inviter: [colour?.invite, process, ITEM.ydmyghed],
        reager: [ITEM.anerkend, ITEM.skrivOp],
      },
      { saet_scenen: 2, inviter: 2, reager: 2 },
    );
  }

  if (stage === 'droeftelse') {
    return pick(
      {
        saet_scenen: [colour ? colour.reminder : ITEM.hvorErVi],
        inviter: [colour?.invite, process, ITEM.ikkeHoert],
        reager: [colour?.respond, ITEM.anerkend, ITEM.spilleregel, ITEM.hjaelp],
      },
      { saet_scenen: 1, inviter: 2, reager: 3 },
    );
  }

  // Beslutning: read the outcome back, check it, and make sure it has owners and reaches the bagland.
  const isBlaa = context.colour === 'blaa';
  return pick(
    {
      saet_scenen: [colour ? colour.decide : ITEM.ukendtFarve],
      inviter: [
        isBlaa ? DECISION.genlaesBlaa : DECISION.genlaes,
        context.colour === 'groen' ? GROEN_STAND_BY : isBlaa ? ITEM.ikkeHoert : ITEM.uenighed,
      ],
      reager: [isBlaa ? BLAA_KNOWLEDGE : null, DECISION.hvemHvad, DECISION.bagland],
    },
    { saet_scenen: 1, inviter: 2, reager: 3 },
  );
}
