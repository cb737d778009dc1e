import * as z from 'zod';
import { entityId, flag, input, requiredText } from '../fields';
import { LIMITS } from '../limits';
import { read, write } from '../spec';
import type { DocumentPreview, GeneratedDocument, ImportSummary, ReferatState } from '../types';
import { VARIANTS } from '../../domain/variant';

const variant = z.enum(VARIANTS, { error: 'Vælg det delte eller det fulde referat.' });
/** The largest exchange file an import reads. */
const FILE_LIMIT = 200 * 1024 * 1024;
/**
 * Padded base64, the rule z.base64() checks: z.base64() decodes the whole text just to check it (as
 * atob), and a whole archive's file is a hundred megabytes and more, which the service decodes anyway.
 * One search for a character outside the alphabet, and the padding read off the end, is a few times
 * quicker on such a text than one anchored pattern over all of it.
 */
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;
const isBase64 = (value: string) => {
  const padding = value.indexOf('=');
  const tail = padding === -1 ? '' : value.slice(padding);
  return value.length % 4 === 0 && (tail === '' || tail === '=' || tail === '==') && !NOT_BASE64.test(value);
};
const scope = z.enum(['moede', 'forum', 'arkiv'], { error: 'Vælg et møde, et forum eller hele arkivet.' });

/** After the meeting: the referat, its approval and versions, documents for staff, and the exchange file. */
export const referatMethods = {
  'referat.get': read<ReferatState>()(input({ meetingId: entityId('Mødet') })),
  'referat.approve': write<ReferatState>()(input({ meetingId: entityId('Mødet'), personId: entityId('Personen') })),
  'referat.newVersion': write<ReferatState>()(
    input({ meetingId: entityId('Mødet'), reason: requiredText('Begrundelsen for den nye version', LIMITS.shortText, 'many') }),
  ),

  'documents.referat': read<GeneratedDocument>()(input({ meetingId: entityId('Mødet'), variant })),
  /** The same referat as `documents.referat`, read back from the very file, to read in the app before approving. */
  'documents.referatPreview': read<DocumentPreview>()(input({ meetingId: entityId('Mødet'), variant })),
  'documents.staffSummary': read<GeneratedDocument>()(input({ meetingId: entityId('Mødet') })),
  'documents.staffText': read<{ text: string }>()(input({ meetingId: entityId('Mødet') })),

  'exchange.export': read<GeneratedDocument>()(
    input({
      scope,
      id: entityId('Møde- eller forum-id').nullable().default(null),
      /**
       * 'fuld' holds everything, closed items too, and its name says so; 'delt' (one meeting only) is built
       * from the meeting's shared view, for sharing.
       */
      variant: z.enum(VARIANTS, { error: 'Vælg hele mødet eller mødet uden lukkede punkter.' }).default('fuld'),
    }).superRefine((v, ctx) => {
      if (v.scope !== 'arkiv' && v.id === null) ctx.addIssue({ code: 'custom', path: ['id'], message: 'Vælg hvilket møde eller forum der skal eksporteres.' });
      if (v.variant === 'delt' && v.scope !== 'moede') {
        ctx.addIssue({ code: 'custom', path: ['variant'], message: 'Kun et enkelt møde kan gemmes uden lukkede punkter.' });
      }
    }),
  ),
  'exchange.import': write<ImportSummary>()(
    input({
      /** The file as text, for callers that have it as text already. */
      content: z
        .string({ error: 'Udvekslingsfilen skal være tekst.' })
        .min(2, { error: 'Udvekslingsfilen er tom.' })
        .max(FILE_LIMIT, { error: 'Udvekslingsfilen er for stor (over 200 MB).' })
        .optional(),
      /** The file's bytes as read from disk (base64): the service decodes them, so a file in the wrong encoding is named as such. */
      base64: z
        .string({ error: 'Udvekslingsfilen kunne ikke overføres (ugyldig base64).' })
        .refine(isBase64, { error: 'Udvekslingsfilen kunne ikke overføres (ugyldig base64).' })
        .min(4, { error: 'Udvekslingsfilen er tom.' })
        .max(Math.ceil(FILE_LIMIT / 3) * 4, { error: 'Udvekslingsfilen er for stor (over 200 MB).' })
        .optional(),
      /** Import a meeting the archive has under another id (same forum, start and title) as a second meeting. */
      keepBoth: flag('Behold begge møder'),
    }).superRefine((v, ctx) => {
      if ((v.content === undefined) === (v.base64 === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['content'], message: 'Vælg én udvekslingsfil, der skal indlæses.' });
      }
    }),
  ),
} as const;
