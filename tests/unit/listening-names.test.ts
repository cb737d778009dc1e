import { describe, expect, it } from 'vitest';
import { COMMON_FIRST_NAMES, findPersonName } from '../../shared/domain/personNames';

/** What teachers say at a lyttemøde, as a visitor would type it: no names, but plenty of capital letters. */
const ORDINARY = [
  'Per uge har vi kun 45 minutters teamtid, og den går til vikardækning.',
  'Per elev er der brugt færre timer på specialundervisning end sidste år.',
  'Bo man langt fra skolen, er møder kl. 16.30 svære at nå.',
  'Mark og skov er røget ud af udeskolen, fordi der ikke er to voksne med.',
  'Maj og juni er fyldt med prøver og skolefester.',
  'Sol og varme i pavillonerne gør eftermiddagene lange.',
  'Ask os før skemaet lægges, ikke bagefter.',
  'Lærke-holdet i SFO’en mangler en fast voksen.',
  'Kim-leg er fast i indskolingen, men der er ikke tid til at forberede den.',
  'Hans forældre ringer hver dag, og det tager tid fra forberedelsen.',
  'Liv i skolegården kræver flere voksne i frikvartererne.',
  'August er den travleste måned: opgaveoversigter, forældremøder og nye elever.',
  'Storm og regn betyder indetilsyn, og så mister vi pausen.',
  'Max to møder om ugen ud over teammødet, tak.',
  'Sten på sten: hver ny opgave lægges oven på de gamle.',
  '«Per uge bruger jeg fire timer på forældremails.»',
  'Vi mangler AMR-tid og TR-tid, og MED-udvalget mødes sjældent.',
  'Det er svært at finde tid til forberedelse, når man har 27 lektioner.',
  'Ledelsen på Egeskolen lytter, men kommunen lægger rammen.',
  'Ingen ved, hvem der har ansvaret for IT i indskolingen.',
  'Vi deler idrætshal med Kaj Munk Skolen, og den er altid booket.',
  'Eleverne fra Ellen Hørups Skole kommer over til os i 7. klasse.',
  'Samarbejdet med H.C. Andersen Skolen om valgfagene fungerer godt.',
  'Sankt Hans og Mortens aften ligger oven i de andre arrangementer.',
  'I Maj er der nationale test, og så ryger resten.',
  'Når Karen Blixen-forløbet kører, mangler vi lokaler.',
  'Dansk, Matematik og Natur/teknologi får flest timer, men Fælles Mål fylder.',
  'PPR kommer kun om mandagen, og Odense Kommune svarer sent.',
  'Vi mangler en skoleleder. Derfor træffes beslutningerne for sent.',
  'Krisen i økonomien rammer specialklasserne først.',
  'Holdet i jan. og feb. er for stort, og vi må lene os op ad hinanden.',
  'Projektet har penge fra A.P. Møller Fonden til næste sommer.',
];

describe('navnevagten finder ingen navne i almindelige lærersætninger', () => {
  it.each(ORDINARY)('%s', (sentence) => {
    expect(findPersonName(sentence, ['Mette Lund', 'Jonas Holm', 'Ali Hassan'])).toBeNull();
  });
});

describe('navnevagten finder navne', () => {
  const known = ['Mette Lund', 'Jonas Holm', 'Zakaria Ibsen', 'Ali Hassan', 'Zenia'];
  it.each([
    ['Hanne sagde, at hun ikke kan mere.', 'Hanne'],
    ['Som Jens plejer at sige: vi løber stærkt.', 'Jens'],
    ['Per siger, at skemaet ændres hver uge.', 'Per'],
    ['Bo mener, vi skal have faste teammøder.', 'Bo'],
    ['Vi aftalte med Bo, at han tager tilsynet.', 'Bo'],
    ['Det var Lærke fra 3.b, der tog ordet.', 'Lærke'],
    ['Mettes klasse har ingen vikar.', 'Mettes'],
    ['Det har mette lund også sagt.', 'mette lund'],
    ['Det har Mette  Lund også sagt.', 'Mette  Lund'],
    ['Zakaria har ikke fået sin opgaveoversigt.', 'Zakaria'],
    ['Det mener Zenia også.', 'Zenia'],
    ['Anne-Marie synes, at det går fint.', 'Anne'],
    ['Forberedelse: «Spørg Kim, hun ved det.»', 'Kim'],
    ['Teamet (Søren og to andre) savner tid.', 'Søren'],
    ['Fatima og Zainab er vores eneste lærere i dansk som andetsprog.', 'Fatima'],
    ['Hr. Bak på kontoret svarer aldrig.', 'Bak'],
    ['Skoleleder Nielsen tager ikke telefonen.', 'Nielsen'],
    ['Nielsen tager ikke telefonen.', 'Nielsen'],
    ['Spørg Bertelsen, han har skemaet.', 'Bertelsen'],
    ['Vi har talt med kollegaen Birte om det.', 'Birte'],
    ['Spørg mette fra kontoret om vikarskemaet.', 'mette'],
    ['Det ved jens godt.', 'jens'],
    ['Maj siger, at hun ikke kan mere.', 'Maj'],
    ['Vi aftalte med Jens fredag, at han tager tilsynet.', 'Jens'],
  ])('%s → %s', (sentence, name) => {
    expect(findPersonName(sentence, known)).toBe(name);
  });

  it('giver det første navn i teksten', () => {
    expect(findPersonName('Vi hørte fra Ali Hassan og Hanne.', ['Ali Hassan'])).toBe('Ali Hassan');
    expect(findPersonName('Hanne og Ali Hassan var enige.', ['Ali Hassan'])).toBe('Hanne');
  });

  it('kender mange almindelige danske fornavne uden arkivet', () => {
    expect(COMMON_FIRST_NAMES.length).toBeGreaterThanOrEqual(150);
    for (const name of ['Kirsten', 'Lars', 'Søren', 'Freja', 'Jørgen', 'Ida']) {
      expect(findPersonName(`I går sagde ${name} noget klogt.`)).toBe(name);
    }
  });

  it('gør ikke en rolle, der står som navn i arkivet, til et fornavn', () => {
    const known = ['Konsulent fra PPR', 'Skoleleder', 'Anne-Marie van der Berg'];
    expect(findPersonName('Konsulent-timerne er skåret ned.', known)).toBeNull();
    expect(findPersonName('Skoleleder og TR mødes sjældent.', known)).toBeNull();
    expect(findPersonName('Vi har talt med konsulent fra PPR om det.', known)).toBe('konsulent fra PPR');
    expect(findPersonName('Det ved Anne-Marie van der Berg.', known)).toBe('Anne-Marie van der Berg');
  });

  it('lader tomme og navneløse tekster passere', () => {
    expect(findPersonName('')).toBeNull();
    expect(findPersonName('123 – 456')).toBeNull();
    expect(findPersonName('indskolingens lærere', ['Mette Lund'])).toBeNull();
  });
});
