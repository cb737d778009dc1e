import type { ColourKey } from './colours';
import type { ForumKind } from './forums';
import type { BuiltInItemType } from './items';

/** A suggested agenda item; the forum adapts titles, times and colours to the meeting at hand. */
export interface TemplateItem {
  title: string;
  type: BuiltInItemType;
  minutes: number;
  colour: ColourKey | null;
  background: string;
}

const item = (title: string, type: BuiltInItemType, minutes: number, background = '', colour: ColourKey | null = null): TemplateItem => ({
  title,
  type,
  minutes,
  colour,
  background,
});

/** Default agendas per forum type, written as starting points. */
export const AGENDA_TEMPLATES: Readonly<Record<ForumKind, readonly TemplateItem[]>> = {
  trio: [
    item('Velkommen, formål og spilleregler', 'orientering', 5, 'Hvad skal mødet nå, og hvilke farver har dagens punkter?'),
    item('Opfølgning fra sidst', 'opfoelgning', 10, 'Handlinger fra sidste møde: hvad er gjort, hvad mangler?'),
    item('Arbejdsvilkår og arbejdsmiljø', 'droeftelse', 20, 'Fx fravær, opgaver, teamsamarbejde eller sager fra AMR.'),
    item('Skoleudvikling og overleveringer fra udviklingsrådet', 'droeftelse', 15, 'Hvad betyder igangværende initiativer for arbejdsvilkårene?'),
    item('Hvem fortæller hvad til hvem?', 'orientering', 5, 'Aftal hvad der går tilbage til personalet og ledelsen, og hvornår.'),
    item('Eventuelt', 'eventuelt', 5),
    item('Næste møde og kort evaluering', 'orientering', 5, 'Dato for næste møde og en kort runde om, hvordan mødet gik.'),
  ],
  udviklingsraad: [
    item('Velkommen og læringsfokus', 'orientering', 5, 'Hvad vil vi blive klogere på i dag?'),
    item('Status på igangværende initiativer', 'opfoelgning', 20, 'Hvad har teamene lært siden sidst, og hvad justerer vi?'),
    item('Nyt initiativ eller beslutningsbehov', 'droeftelse', 25, 'Inddrag teamene før der besluttes. Hvilke data bygger vi på?'),
    item('Handlinger pr. team', 'beslutning', 10, 'Hvem gør hvad til næste gang?', 'groen'),
    item('Hvad skal videre til TRIO?', 'orientering', 5, 'Konsekvenser for arbejdsvilkårene.'),
    item('Eventuelt', 'eventuelt', 5),
  ],
  praksisforum: [
    item('Velkommen ved skolens leder og TR', 'orientering', 5),
    item('Skolens egne eksempler og problemer', 'droeftelse', 30, 'Skolen fortæller om det, den står i lige nu.'),
    item('Emner fra kreds, skolelederforening eller forvaltning', 'droeftelse', 20, 'Emnerne er varslet på forhånd.'),
    item('Opfølgning på problemer fra sidst', 'opfoelgning', 15, 'Er de løst? Hvis ikke: hvad er næste skridt?'),
    item('Erfaringer og modeller fra andre skoler', 'orientering', 10),
    item('Hvem følger op, hvordan og hvornår?', 'beslutning', 10, '', 'groen'),
  ],
  erfamoede: [
    item('Indledning ved de tre formænd', 'orientering', 10),
    item('Spørgsmål fra skolerne om fortolkning af rammerne', 'droeftelse', 25),
    item('Erfaringsudveksling i grupper på tværs af skoler', 'droeftelse', 30),
    item('Hvad har skolerne brugt siden sidst?', 'opfoelgning', 15),
    item('Fælles budskaber til nyhedsbrevet', 'beslutning', 10, '', 'groen'),
  ],
  lyttemoede: [
    item('Formål og ramme: vi er her for at lytte', 'orientering', 5, 'Der træffes ingen beslutninger. Vi skriver input ned uden navne.'),
    item('Lærernes oplevelser og input', 'droeftelse', 60),
    item('Hvad sker der nu?', 'orientering', 10, 'Input sorteres bagefter: løses lokalt, i dialogen mellem kommune og kreds, eller parkeres.'),
  ],
  stormoede: [
    item('Fælles indledning ved de to formænd', 'orientering', 10),
    item('Refleksioner i grupper', 'droeftelse', 40, 'Hver gruppe laver et kort resumé.'),
    item('Gennemgang af handleplaner', 'opfoelgning', 25),
    item('Hvad viser vi omverdenen?', 'droeftelse', 15),
  ],
  egen: [item('Velkommen og formål', 'orientering', 5), item('Eventuelt', 'eventuelt', 5)],
};
