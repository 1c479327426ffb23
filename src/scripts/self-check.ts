/**
 * The self-check in the browser (issue 18): one question at a time, answered
 * by tapping; the answer, the reason in the verdict's words and the
 * boundary's link are then shown (the page's own `<details>`); the score and
 * the questions missed are kept on the device (decision/self-check.ts), so a
 * reload finds them, and "Start again" forgets them. Without this script the
 * page is a question sheet with the answers in `<details>`.
 */
import { CHECK_CHOICES, checkScore, checkStorageKey, readProgress, saveProgress, type CheckProgress } from '../lib/decision/self-check.ts';
import { deviceStorage } from '../lib/decision/remembered-role.ts';
import type { ScenarioAnswer } from '../../schemas/vocabulary.ts';
import type { Words } from '../lib/languages/words.ts';
import type { WordKey } from '../lib/languages/interface-en.ts';
import { inlineWords } from './page-words.ts';

const root = document.querySelector<HTMLElement>('[data-check]');
const words = inlineWords();
if (root && words) start(root, words);

function start(root: HTMLElement, words: Words): void {
  const storage = deviceStorage();
  const key = checkStorageKey(import.meta.env.BASE_URL, root.dataset.check!);
  const items = [...root.querySelectorAll<HTMLLIElement>('[data-check-question]')];
  const questions = items.map((item) => ({ key: item.dataset.checkQuestion!, answer: item.dataset.checkAnswer as ScenarioAnswer, item }));
  const find = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-check-${name}]`)!;
  const score = find('score');
  const summary = find('summary');
  const actions = find('actions');
  const next = find<HTMLButtonElement>('next');
  const again = find<HTMLButtonElement>('again');
  const choiceWords = (answer: ScenarioAnswer) => words.t(`check.answer.${answer}` as WordKey);
  let progress: CheckProgress = readProgress(storage, key);
  let current = 0;

  root.classList.add('is-enhanced');
  actions.hidden = false;
  // Each answer becomes a button; the question sheet's text stays the same.
  for (const { item } of questions) {
    for (const choice of item.querySelectorAll<HTMLLIElement>('[data-check-choice]')) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = choice.textContent;
      button.dataset.answer = choice.dataset.checkChoice;
      button.setAttribute('aria-pressed', 'false');
      choice.replaceChildren(button);
    }
  }

  const show = (index: number | undefined) => {
    current = index ?? questions.length;
    const done = index === undefined;
    questions.forEach(({ item }, i) => (item.hidden = done || i !== current));
    summary.hidden = !done;
    next.hidden = true;
    const result = checkScore(questions, progress);
    score.hidden = result.answered === 0;
    score.textContent = words.t('check.score', { right: result.right, answered: result.answered, count: result.total });
    if (done) showSummary(result.right, result.total, result.missed);
    else reveal(questions[current]!, progress[questions[current]!.key]);
  };

  const reveal = (question: (typeof questions)[number], given: ScenarioAnswer | undefined) => {
    const { item } = question;
    const feedback = item.querySelector<HTMLElement>('[data-check-feedback]')!;
    const details = item.querySelector<HTMLDetailsElement>('[data-check-details]')!;
    for (const button of item.querySelectorAll<HTMLButtonElement>('[data-check-choices] button')) {
      button.disabled = given !== undefined;
      button.setAttribute('aria-pressed', String(button.dataset.answer === given));
    }
    feedback.hidden = given === undefined;
    details.hidden = given === undefined;
    details.open = given !== undefined;
    if (given !== undefined) {
      feedback.textContent = given === question.answer ? words.t('check.right') : words.t('check.wrong', { answer: choiceWords(given) });
      next.hidden = false;
    }
  };

  const showSummary = (right: number, total: number, missed: string[]) => {
    find('total').textContent = words.t('check.total', { right, total });
    const list = find('missed-list');
    list.replaceChildren(
      ...missed.map((missedKey) => {
        const question = questions.find((q) => q.key === missedKey)!;
        const li = document.createElement('li');
        const situation = question.item.querySelector('.check-situation')?.textContent ?? '';
        const link = question.item.querySelector<HTMLAnchorElement>('[data-check-details] a')!.cloneNode(true) as HTMLAnchorElement;
        li.append(`${situation} `, link);
        return li;
      }),
    );
    find('missed').hidden = missed.length === 0;
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-check-choices] button');
    if (!button || button.disabled) return;
    const question = questions[current];
    const answer = button.dataset.answer as ScenarioAnswer;
    if (!question || !CHECK_CHOICES.includes(answer)) return;
    progress = { ...progress, [question.key]: answer };
    saveProgress(storage, key, progress);
    show(current);
  });
  next.addEventListener('click', () => {
    show(checkScore(questions, progress).next);
    const shown = questions[current]?.item ?? summary;
    shown.querySelector<HTMLElement>('h2')?.focus();
  });
  again.addEventListener('click', () => {
    progress = {};
    saveProgress(storage, key, progress);
    show(0);
  });
  for (const { item } of questions) {
    item.querySelector<HTMLElement>('h2')!.tabIndex = -1;
    item.querySelector<HTMLElement>('[data-check-feedback]')!.setAttribute('role', 'status');
  }
  summary.querySelector<HTMLElement>('h2')!.tabIndex = -1;
  show(checkScore(questions, progress).next);
}
