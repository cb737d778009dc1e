/**
 * The beslutningslog as a file: every decision of a forum (or the archive) in a period, oldest first, as
 * a Word document to read and print, and as CSV for a spreadsheet. The caller passes only what the
 * reader may see (the shared variant leaves decisions on closed items out in the register's query);
 * the builders print exactly what they are given.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { dissentBy, dissentKind, dissentText, type Dissent } from '../../shared/domain/dissent';
import type { RegisteredDecision } from '../../shared/api/types';
import type { Variant } from '../../shared/domain/variant';
import { csvFile } from './csv';
import {
  INK,
  SIZE,
  cleanText,
  colourBadge,
  documentStyles,
  heading,
  pageFooter,
  pageHeader,
  pageProperties,
  textParagraphs,
} from './docx-common';
import { formatDanishDay } from './danishDay';

export interface DecisionLog {
  variant: Variant;
  /** The forum's name, or null for every forum in the archive. */
  forumName: string | null;
  /** 'YYYY-MM-DD', both days included; null where the period is open. */
  from: string | null;
  to: string | null;
  /** Oldest first. */
  decisions: readonly RegisteredDecision[];
}

const OUTCOME_LABELS: Record<RegisteredDecision['outcome'], string> = {
  beslutning: 'Beslutning',
  afklaring_uden_enighed: 'Afklaring uden enighed',
};

/** A decision not yet read back to the room is a draft, and the log says so. */
const stateOf = (d: RegisteredDecision) => (d.finalAt === null ? 'Udkast (ikke læst op)' : 'Læst op og godkendt');

/** «TRIO, 1. august 2026 – 30. juni 2027», or «Alle fora, til og med 30. juni 2027». */
export function logScope(log: Pick<DecisionLog, 'forumName' | 'from' | 'to'>): string {
  const from = log.from === null ? null : formatDanishDay(log.from);
  const to = log.to === null ? null : formatDanishDay(log.to);
  const period = from && to ? `${from} – ${to}` : from ? `fra og med ${from}` : to ? `til og med ${to}` : 'alle møder';
  return `${log.forumName ?? 'Alle fora'}, ${period}`;
}

// ------------------------------------------------------------------------------------------------- CSV

export const DECISION_LOG_COLUMNS = [
  'Dato',
  'Forum',
  'Møde',
  'Punkt',
  'Farve',
  'Udfald',
  'Beslutning',
  'Besluttet af',
  'Begrundelse for farven',
  'Uenighed',
  'Sag',
  'Status',
] as const;

export function decisionLogCsv(log: DecisionLog): Buffer {
  const rows = log.decisions.map((d) => [
    d.meetingStartsAt.slice(0, 10),
    d.forumName,
    d.meetingTitle,
    d.itemTitle,
    `${d.colourDefinition.label} (${d.colourDefinition.code})`,
    OUTCOME_LABELS[d.outcome],
    d.text.trim(),
    d.decidedBy.trim(),
    d.colourReason.trim(),
    dissentText(d.dissents),
    d.sag?.title ?? '',
    stateOf(d),
  ]);
  return csvFile(DECISION_LOG_COLUMNS, rows);
}

// ------------------------------------------------------------------------------------------------ Word

export async function buildDecisionLog(log: DecisionLog): Promise<Buffer> {
  const scope = logScope(log);
  const count = `${log.decisions.length} ${log.decisions.length === 1 ? 'beslutning' : 'beslutninger'}`;
  const children: Paragraph[] = [
    new Paragraph({ style: 'Title', spacing: { after: 0 }, children: [new TextRun('Beslutningslog')] }),
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: cleanText(`${scope} · ${count}`), size: SIZE.subtitle })] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [
        new TextRun({
          text:
            log.variant === 'delt'
              ? 'Delt version: beslutninger på lukkede punkter er ikke med.'
              : 'Fuld version med beslutninger på lukkede punkter. Fortroligt: kun til forummets medlemmer.',
          italics: true,
          color: log.variant === 'delt' ? INK.muted : INK.confidential,
        }),
      ],
    }),
  ];
  let meetingId: string | null = null;
  for (const decision of log.decisions) {
    if (decision.meetingId !== meetingId) {
      meetingId = decision.meetingId;
      children.push(heading(`${formatDanishDay(decision.meetingStartsAt.slice(0, 10))} · ${decision.forumName}`, 1));
      children.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: cleanText(decision.meetingTitle), color: INK.muted })] }));
    }
    children.push(...decisionBlocks(decision));
  }
  const document = new Document({
    creator: 'Samtalerum',
    title: cleanText(`Beslutningslog – ${scope}`),
    styles: documentStyles,
    sections: [
      {
        properties: pageProperties,
        headers: { default: pageHeader(`Beslutningslog · ${scope}`, log.variant === 'fuld') },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(cleanText(text))] });
}

/** «Mindretalsudtalelse fra TR (pædagoger), Sara Nielsen»: the kind, then who, as the referat names them. */
function dissentHeading(dissent: Dissent): string {
  const by = dissentBy(dissent, true);
  return by === '' ? dissentKind(dissent) : `${dissentKind(dissent)} fra ${by}`;
}

function decisionBlocks(d: RegisteredDecision): Paragraph[] {
  const badge = [...colourBadge(d.colourDefinition)];
  if (d.outcome === 'afklaring_uden_enighed') badge.push(new TextRun({ text: `  ${OUTCOME_LABELS[d.outcome]}`, bold: true }));
  if (d.finalAt === null) badge.push(new TextRun({ text: `  ${stateOf(d)}`, italics: true, color: INK.muted }));
  const blocks = [heading(d.itemTitle, 2), new Paragraph({ keepNext: true, children: badge }), ...textParagraphs(d.text)];
  if (d.decidedBy.trim() !== '') blocks.push(labelled('Besluttet af', d.decidedBy.trim()));
  if (d.colourReason.trim() !== '') blocks.push(labelled('Begrundelse for farven', d.colourReason.trim()));
  for (const dissent of d.dissents) blocks.push(labelled(dissentHeading(dissent), dissent.text.trim()));
  if (d.sag !== null) blocks.push(labelled('Sag', d.sag.title));
  return blocks;
}
