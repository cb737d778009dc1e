import type { StartupProgress } from '../../shared/api/methods/startup';

export const startupText = {
  opening: 'Samtalerum åbner arkivet …',
  updating: 'Samtalerum opdaterer arkivet …',
  why: 'Arkivet bliver gjort klar til denne version af Samtalerum. Det sker én gang og kan tage lidt tid med et stort arkiv; luk ikke programmet imens.',
  progressLabel: 'Opdateringen af arkivet',
  step: ({ step, done, total }: StartupProgress): string => {
    if (step === 'sikkerhedskopi') return 'Først tages en sikkerhedskopi af arkivet, så intet kan gå tabt.';
    if (done < total) return `Trin ${done + 1} af ${total}: arkivets indhold opdateres.`;
    return 'Arkivet er opdateret. Oversigten åbner …';
  },
};
