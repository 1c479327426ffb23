/**
 * A role's self-check (issue 18): the scenarios of the boundaries that role
 * meets, each with the answer the playbook expects and the reason in the
 * verdict's own words (verdict-text.ts), worked out at build time by the same
 * verdict as "Can I…?" and the validator. The page carries its questions
 * itself, so it grows with the role's own boundaries, never with the whole
 * playbook, and works offline and without a server.
 *
 * The reader's progress (which answer was tapped for which question) stays on
 * the device, in localStorage, under a key per site and role; nothing
 * personal is kept, nothing is sent.
 */
import type { ScenarioAnswer } from '../../../schemas/vocabulary.ts';
import type { ResolvedMoney } from '../domain/money.ts';
import type { Words } from '../languages/words.ts';
import type { Playbook } from '../model/types.ts';
import { roleAnswers } from './answers.ts';
import { scenarioMoney, scenarioVerdict } from './scenarios.ts';
import { verdictText } from './verdict-text.ts';
import type { DecisionAnswer } from './verdict.ts';
import { wordsLang } from '../views/untranslated.ts';

/** One question of a self-check. */
export interface CheckQuestion {
  /** Stable while the boundary's scenarios keep their order: `<boundary id>:<index>`. */
  key: string;
  boundary: { id: string; title: string; path: string };
  situation: string;
  amount: ResolvedMoney | undefined;
  /** The answer the playbook expects (the validator has checked it against the grants). */
  answer: ScenarioAnswer;
  /** Why, in the verdict's own words; for `not-allowed`, the boundary's guardrails. */
  reason: string;
  /** The guardrails, for a `not-allowed` answer; empty otherwise. */
  guardrails: string[];
  explain: string | undefined;
  /** The base language's tag when the boundary's scenarios are not translated into the page's language (for `lang`). */
  wordsLang: string | undefined;
}

/** What one sitting asks at most: a role that meets hundreds of boundaries still gets a page of bounded size. */
export const CHECK_QUESTIONS = 40;

/** The self-check of one role: the scenarios written for it on the boundaries it can ask about, in their order, at most CHECK_QUESTIONS. */
export function roleCheck(playbook: Pick<Playbook, 'roles' | 'boundaries' | 'boundaryById' | 'settings'>, roleId: string, words: Words): CheckQuestion[] {
  const questions: CheckQuestion[] = [];
  for (const answer of roleAnswers(playbook, roleId) ?? []) {
    if (questions.length >= CHECK_QUESTIONS) break;
    questions.push(...questionsOn(playbook, answer, roleId, words));
  }
  return questions.slice(0, CHECK_QUESTIONS);
}

/** The questions written for a role on one boundary. */
function questionsOn(playbook: Pick<Playbook, 'boundaryById' | 'settings'>, answer: DecisionAnswer, roleId: string, words: Words): CheckQuestion[] {
  const boundary = playbook.boundaryById.get(answer.decision.id);
  if (!boundary) return [];
  const currency = playbook.settings.currency;
  return (boundary.scenarios ?? []).flatMap((scenario, index): CheckQuestion[] => {
    if (scenario.role !== roleId) return [];
    const notAllowed = scenario.answer === 'not-allowed';
    return [
      {
        key: `${boundary.id}:${index}`,
        boundary: { id: boundary.id, title: boundary.title, path: boundary.path },
        situation: scenario.situation,
        amount: scenarioMoney(answer, scenario.amount, currency),
        answer: scenario.answer,
        reason: notAllowed ? words.t('check.guardrailReason') : verdictText(scenarioVerdict(answer, scenario.amount, currency), words),
        guardrails: notAllowed ? [...boundary.guardrails] : [],
        explain: scenario.explain,
        wordsLang: wordsLang(boundary, 'scenarios'),
      },
    ];
  });
}

/** The answers a reader may tap, in the order shown. */
export const CHECK_CHOICES: readonly ScenarioAnswer[] = ['decide', 'decide-and-inform', 'consult', 'escalate', 'not-allowed'];

/** What the device keeps for one role's self-check: the answer tapped for each question, by key. */
export type CheckProgress = Record<string, ScenarioAnswer>;

/** Where a role's progress is kept: one key per site (its base path) and role. */
export function checkStorageKey(base: string, roleId: string): string {
  return `latitude:${base}:check:${roleId}`;
}

/** The score so far: right answers, questions answered, the keys missed, and the first question not yet answered (undefined: all done). */
export interface CheckScore {
  right: number;
  answered: number;
  total: number;
  missed: string[];
  next: number | undefined;
}

export function checkScore(questions: readonly Pick<CheckQuestion, 'key' | 'answer'>[], progress: CheckProgress): CheckScore {
  let right = 0;
  let answered = 0;
  const missed: string[] = [];
  let next: number | undefined;
  questions.forEach((question, index) => {
    const given = progress[question.key];
    if (given === undefined) {
      next ??= index;
      return;
    }
    answered += 1;
    if (given === question.answer) right += 1;
    else missed.push(question.key);
  });
  return { right, answered, total: questions.length, missed, next };
}

/** What a script may read and write of the device's storage. */
export interface CheckStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The progress kept on the device; empty when there is none, or it cannot be read. Answers that are not choices are dropped. */
export function readProgress(storage: CheckStorage | undefined, key: string): CheckProgress {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, ScenarioAnswer] => CHECK_CHOICES.includes(entry[1] as ScenarioAnswer)));
  } catch {
    return {};
  }
}

/** Keeps the progress on the device; forgets it when empty (start again). Storage refused: the check still works, it just forgets. */
export function saveProgress(storage: CheckStorage | undefined, key: string, progress: CheckProgress): void {
  try {
    if (Object.keys(progress).length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(progress));
  } catch {
    // Nothing to do: the reader's answers are still on the page.
  }
}
