import type { ForumKind } from './forums';

/**
 * Starting spilleregler for a new forum. They are a suggestion for the forum's first meeting; the
 * forum rewrites them in its own words, and every change is kept as a new version.
 */
const COMMON = [
  'Vi møder forberedte og holder os til dagsordenen.',
  'Alle får ordet. Vi lytter for at forstå, før vi svarer.',
  'Farven på et punkt siges højt fra start, så ingen forventer mere indflydelse end der er.',
  'Ingen overraskelser: følsomme punkter er varslet til de andre, før mødet.',
  'Uenighed er tilladt og skrives ned, når nogen ønsker det.',
  'Vi aftaler, hvem der fortæller hvad til hvem efter mødet.',
];

const BY_KIND: Partial<Record<ForumKind, readonly string[]>> = {
  trio: [
    'Tonen er uformel, men der skrives altid referat.',
    'Personsager og AMR-sager behandles som lukkede punkter.',
  ],
  udviklingsraad: ['Vi bygger på data og erfaringer fra teamene, ikke kun på fornemmelser.'],
  praksisforum: ['Skolens egne eksempler kommer først. Emner udefra aftales på forhånd.'],
  erfamoede: ['Det, der deles om en skole, bliver i rummet, medmindre skolen selv siger andet.'],
  lyttemoede: ['Vi er her for at lytte. Der træffes ingen beslutninger på mødet.', 'Der skrives ingen navne ved det, der bliver sagt.'],
  stormoede: ['Hver gruppe samler sine refleksioner i et kort resumé.'],
};

export function defaultGroundRules(kind: ForumKind): string {
  // A lyttemøde takes no decisions, so the common rules about colours and dissent do not apply.
  const rules = kind === 'lyttemoede' ? (BY_KIND.lyttemoede ?? []) : [...COMMON, ...(BY_KIND[kind] ?? [])];
  return rules.map((rule) => `• ${rule}`).join('\n');
}
