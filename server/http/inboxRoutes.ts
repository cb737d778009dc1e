import { documentName, parseDocumentName } from '../../shared/sync/documents';
import { Refusal } from '../membership/refusal';
import type { Registry } from '../membership/registry';
import type { DocumentStore } from '../storage/documentStore';
import { ForumKinds } from '../sync/forumKinds';
import { id, send } from './json';
import type { Call, Route } from './routes';

const NOT_KNOWN = 'Enheden er ikke kendt på serveren eller er spærret. Tilslut den igen med en ny invitation eller med kommunens login.';

/**
 * The inboxes: which forums a person may send input to, and which senders' inbox documents a forum's members
 * open. Every shared forum takes input from anyone the kommune knows (a person with a device or a sign-in);
 * the server holds each writer to their own part of an inbox document (server/sync/inboxWrites.ts).
 */
export function inboxRoutes(registry: Registry, documents: DocumentStore): Route[] {
  const kinds = new ForumKinds(documents);
  return [
    {
      method: 'GET',
      path: /^\/api\/indbakker$/,
      handle: async (call: Call) => {
        if (!call.caller) throw new Refusal(401, NOT_KNOWN);
        // Id, name and kind only (a TRIO proposes its items to a praksisforum): who the members are, and what
        // the forum holds, is none of the sender's business. A forum whose kind is not known yet has art null.
        const fora = await registry.forumsTakingInput();
        const known = await kinds.of(fora.map((forum) => forum.forumId));
        send(call.response, 200, { fora: fora.map((forum) => ({ ...forum, art: known.get(forum.forumId) ?? null })) });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/fora\/([^/]+)\/indbakker$/,
      handle: async (call: Call) => {
        if (!call.caller) throw new Refusal(401, NOT_KNOWN);
        const forumId = id(call.params[0], 'Forummets id');
        if (!(await registry.forumExists(forumId))) throw new Refusal(404, 'Forummet er ikke delt på serveren.');
        if ((await registry.membership(forumId, call.caller.personId))?.ret !== 'medlem')
          throw new Refusal(403, 'Kun forummets medlemmer kan se forummets indbakke.');
        const names = await documents.namesUnder(`${documentName({ kind: 'forum', forumId })}/indbakke/`);
        const senders = names.flatMap((name) => {
          const doc = parseDocumentName(name);
          return doc?.kind === 'indbakke' ? [doc.personId] : [];
        });
        const known = await registry.personNames(senders);
        send(call.response, 200, { indbakker: senders.map((personId) => ({ personId, navn: known.get(personId) ?? '' })) });
      },
    },
  ];
}
