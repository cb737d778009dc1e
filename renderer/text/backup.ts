import type { BackupReason } from '../../shared/api/limits';

export const backupText = {
  title: 'Sikkerhedskopier',
  intro:
    'Samtalerum tager selv en sikkerhedskopi af arkivet hver dag og før hver opdatering, indlæsning og gendannelse. ' +
    'Hver kopi bliver tjekket, før den gemmes i mappen «sikkerhedskopier» ved siden af arkivet. ' +
    'De 7 nyeste daglige kopier og de 5 nyeste af hver anden slags bliver gemt.',
  takeNow: 'Tag en sikkerhedskopi nu',
  taking: 'Tager sikkerhedskopi …',
  taken: (when: string) => `Sikkerhedskopien fra ${when} er taget og tjekket.`,
  loading: 'Henter sikkerhedskopierne …',
  none: 'Der er endnu ingen sikkerhedskopier af arkivet.',
  listCaption: 'Arkivets sikkerhedskopier, nyeste først',
  columnWhen: 'Taget',
  columnReason: 'Hvorfor',
  columnSize: 'Størrelse',
  columnAction: 'Handling',
  reason: {
    daglig: 'Daglig kopi',
    'foer-migrering': 'Før opdatering af arkivet',
    'foer-import': 'Før indlæsning af en udvekslingsfil',
    'foer-gendannelse': 'Før gendannelse af en anden kopi',
    manuel: 'Taget i hånden',
  } satisfies Record<BackupReason, string>,
  restore: 'Gendan denne',
  offer: (when: string) =>
    `Den nyeste sikkerhedskopi, der består det grundige tjek, er fra ${when}. Gendan den under Indstillinger › Sikkerhedskopier; arkivet, som det er nu, bliver gemt ved siden af og slettes ikke.`,
  noOffer: 'Ingen af sikkerhedskopierne består det grundige tjek. Tag en kopi af arkivmappen, og kontakt support, før du arbejder videre.',
  openBackups: 'Gå til sikkerhedskopierne',
  restoreOffered: (when: string) => `Gendan den nyeste gode sikkerhedskopi (fra ${when})`,
  restoreLabel: (when: string) => `Gendan denne: sikkerhedskopien fra ${when}`,
  confirmTitle: (when: string) => `Gendan sikkerhedskopien fra ${when}?`,
  confirmText:
    'Arkivet bliver erstattet af sikkerhedskopien; det, der er ændret siden da, er ikke med i den. ' +
    'Arkivet, som det er nu, bliver ikke slettet: det gemmes som en fil ved siden af arkivet og kommer på listen her som «Før gendannelse af en anden kopi», så du kan fortryde.',
  confirm: 'Ja, gendan sikkerhedskopien',
  keep: 'Nej, behold arkivet som det er',
  restoring: 'Gendanner …',
  restored: (when: string, keptAs: string | null) =>
    `Sikkerhedskopien fra ${when} er gendannet.` + (keptAs ? ` Arkivet, som det var, er gemt som ${keptAs}.` : ''),
  /** "12,4 MB", "840 kB" */
  size: (bytes: number) => {
    const number = (value: number) => value.toLocaleString('da-DK', { maximumFractionDigits: 1 });
    return bytes >= 1024 * 1024 ? `${number(bytes / (1024 * 1024))} MB` : `${number(Math.max(1, Math.round(bytes / 1024)))} kB`;
  },
};
