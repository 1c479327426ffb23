/**
 * "Start here" in the browser (issue 18): each step of a role's path can be
 * marked done; which ones stays on the device (views/start-path.ts), so the
 * reader picks up where they left off. Without this script the page is the
 * same path, without the buttons.
 */
import { deviceStorage } from '../lib/decision/remembered-role.ts';
import { markStep, readDone, startStorageKey, START_STEPS, type StartStep } from '../lib/views/start-path.ts';
import { inlineWords } from './page-words.ts';

const path = document.querySelector<HTMLElement>('[data-start]');
const progress = document.querySelector<HTMLElement>('[data-start-progress]');
const words = inlineWords();

if (path && progress && words) {
  const storage = deviceStorage();
  const key = startStorageKey(import.meta.env.BASE_URL, path.dataset.start!);
  const steps = [...path.querySelectorAll<HTMLElement>('[data-start-step]')];
  const render = (done: readonly StartStep[]) => {
    for (const step of steps) {
      const isDone = done.includes(step.dataset.startStep as StartStep);
      step.classList.toggle('is-done', isDone);
      const button = step.querySelector<HTMLButtonElement>('[data-start-done] button')!;
      button.setAttribute('aria-pressed', String(isDone));
      button.textContent = words.t(isDone ? 'start.done' : 'start.markDone');
    }
    const count = steps.filter((step) => done.includes(step.dataset.startStep as StartStep)).length;
    progress.hidden = false;
    progress.textContent = words.t('start.progress', { done: count, count: steps.length });
  };
  for (const step of steps) {
    step.querySelector<HTMLElement>('[data-start-done]')!.hidden = false;
    step.querySelector('[data-start-done] button')?.addEventListener('click', () => {
      const id = step.dataset.startStep as StartStep;
      if (!START_STEPS.includes(id)) return;
      render(markStep(storage, key, id, !readDone(storage, key).includes(id)));
    });
  }
  render(readDone(storage, key));
}
