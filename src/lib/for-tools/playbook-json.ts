/**
 * `/playbook.json`: the published playbook for other tools — values, roles,
 * guidelines and boundaries with their grants in words and in numbers, and
 * every page's address — in the shape of schemas/published-playbook.ts. From
 * the published model only, so drafts and retired entries are never in it;
 * every id it mentions is an entry it lists. Pure: no Astro, no Node.
 */
import { PUBLISHED_PLAYBOOK_VERSION, type PublishedGrant, type PublishedPlaybook } from '../../../schemas/published-playbook.ts';
import type { Grant, Playbook } from '../model/types.ts';
import { grantFacts, standingGrants } from '../register/authority-register.ts';

type Listed = Pick<Playbook, 'settings' | 'today' | 'values' | 'roles' | 'guidelines' | 'boundaries'>;

/** Leaves out keys whose value is undefined, so the file carries only what has something to say. */
function present<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function publishedGrant(grant: Grant, locale: string): PublishedGrant {
  const facts = grantFacts(grant, locale);
  return present({
    role: facts.roleId,
    authority: facts.authority,
    limit: facts.limit === null || facts.currency === null ? undefined : { amount: facts.limit, currency: facts.currency },
    per: facts.per ?? undefined,
    from: facts.from ?? undefined,
    until: facts.until ?? undefined,
    escalatesTo: facts.escalatesToId ?? undefined,
    conditions: facts.conditions ?? undefined,
    inWords: facts.inWords,
  });
}

/**
 * The published playbook as other tools read it. `addressOf` turns a site
 * path into the address the file gives; `schema` is the address of its
 * JSON Schema.
 */
export function publishedPlaybook(playbook: Listed, addressOf: (path: string) => string, schema: string): PublishedPlaybook {
  const { settings } = playbook;
  const listed = <T extends { status: string; id: string }>(entries: readonly T[]) => entries.filter((entry) => entry.status === 'published');
  const values = listed(playbook.values);
  const roles = listed(playbook.roles);
  const guidelines = listed(playbook.guidelines);
  const boundaries = listed(playbook.boundaries);
  // Only ids of entries in the file, so a reader can look every one of them up.
  const idsIn = (entries: readonly { id: string }[]) => {
    const known = new Set(entries.map((entry) => entry.id));
    return (linked: readonly { id: string }[]) => linked.map((entry) => entry.id).filter((id) => known.has(id));
  };
  const [valueIds, roleIds, guidelineIds, boundaryIds] = [idsIn(values), idsIn(roles), idsIn(guidelines), idsIn(boundaries)];
  return present({
    $schema: schema,
    version: PUBLISHED_PLAYBOOK_VERSION,
    name: settings.name,
    tagline: settings.tagline,
    locale: settings.locale,
    asOf: playbook.today,
    address: addressOf('/'),
    values: values.map((value) => ({
      id: value.id,
      title: value.title,
      summary: value.summary,
      behaviors: value.behaviors,
      antiBehaviors: value.antiBehaviors,
      address: addressOf(value.path),
    })),
    roles: roles.map((role) =>
      present({
        id: role.id,
        title: role.title,
        summary: role.summary,
        team: role.team,
        escalatesTo: role.escalatesTo?.status === 'published' ? role.escalatesTo.id : undefined,
        address: addressOf(role.path),
      }),
    ),
    guidelines: guidelines.map((guideline) => ({
      id: guideline.id,
      title: guideline.title,
      summary: guideline.summary,
      owner: guideline.owner,
      lastReviewed: guideline.lastReviewed,
      values: valueIds(guideline.values),
      roles: roleIds(guideline.roles),
      boundaries: boundaryIds(guideline.boundaries),
      tags: guideline.tags,
      address: addressOf(guideline.path),
    })),
    boundaries: boundaries.map((boundary) =>
      present({
        id: boundary.id,
        title: boundary.title,
        summary: boundary.summary,
        decision: boundary.decision,
        category: boundary.category,
        grants: standingGrants(boundary).map((grant) => publishedGrant(grant, settings.locale)),
        guardrails: boundary.guardrails,
        examples: { within: boundary.examples.within, outside: boundary.examples.outside },
        values: valueIds(boundary.values),
        guidelines: guidelineIds(boundary.guidelines),
        owner: boundary.owner,
        approvedBy: boundary.approvedBy,
        effective: boundary.effective,
        lastReviewed: boundary.lastReviewed,
        address: addressOf(boundary.path),
      }),
    ),
  });
}

const LISTS = ['values', 'roles', 'guidelines', 'boundaries'] as const;

/**
 * The file's text: one entry a line inside each list, so it reads well in a
 * diff and is written one small string at a time, however large the playbook.
 */
export function playbookJson(published: PublishedPlaybook): string {
  const head = Object.fromEntries(Object.entries(published).filter(([key]) => !(LISTS as readonly string[]).includes(key)));
  const lists = LISTS.map((list) => {
    const entries = published[list].map((entry) => JSON.stringify(entry));
    return `${JSON.stringify(list)}:[${entries.length > 0 ? `\n${entries.join(',\n')}\n` : ''}]`;
  });
  return `${JSON.stringify(head).slice(0, -1)},\n${lists.join(',\n')}}\n`;
}
