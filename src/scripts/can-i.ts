/**
 * The "Can I…?" form in the browser. The page carries the roles; once a
 * role is chosen its answers are loaded from `/can-i/<role>.json` (the
 * build's answers: own terms and the holders above, for each decision) and
 * the Decision menu lists the role's own decisions first, then those that
 * come up to it, then the others that go up its ladder. The verdict comes
 * from the same verdict function the build uses, which only picks by
 * amount. The address is kept in step (`?role=…&decision=…&amount=…`) so an
 * answer can be shared, and the role is remembered on the device.
 * Without this script the page links to each role's table.
 */
import { roleDecisionMenu } from '../lib/decision/decision-menu.ts';
import type { HelperIndex } from '../lib/decision/helper-data.ts';
import { deviceStorage, readRememberedRole, rememberRole } from '../lib/decision/remembered-role.ts';
import { currencySymbol, dayNote, verdictText, whomToCall } from '../lib/decision/verdict-text.ts';
import { localDay } from '../lib/domain/ladder.ts';
import { amountBasis, verdict, type DecisionAnswer } from '../lib/decision/verdict.ts';
import type { Words } from '../lib/languages/words.ts';
import { describePeriod } from '../lib/words/grants.ts';
import { inlineWords, pageHref as href } from './page-words.ts';
import { roleAnswers, type RoleAnswers } from './role-data.ts';
// What changed for the remembered role since the last visit (issue 18), in this page's one script.
import './changes-for-me.ts';

const BASE = import.meta.env.BASE_URL;
const root = document.querySelector<HTMLElement>('[data-can-i]');
const source = document.getElementById('can-i-data');
const index = source?.textContent ? (JSON.parse(source.textContent) as HelperIndex) : undefined;

const words = inlineWords();

if (root && index && words && index.r.length > 0 && document.querySelector('[data-can-i-table]:not([hidden])')) start(root, index, words);

function start(root: HTMLElement, index: HelperIndex, words: Words): void {
  const find = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-can-i-${name}]`)!;
  const form = find<HTMLFormElement>('form');
  const role = form.elements.namedItem('role') as HTMLSelectElement;
  const decision = form.elements.namedItem('decision') as HTMLSelectElement;
  const amount = form.elements.namedItem('amount') as HTMLInputElement;
  const currency = find('currency');
  const hint = find('hint');
  const status = find('status');
  const details = find('details');
  const prompt = status.textContent?.trim() || words.t('canI.prompt');
  let loaded: RoleAnswers | undefined;
  let shown: RoleAnswers | undefined;

  const option = (answer: DecisionAnswer) =>
    Object.assign(document.createElement('option'), { value: answer.decision.id, textContent: answer.decision.decision });
  const group = (label: string, answers: DecisionAnswer[]) => {
    const element = Object.assign(document.createElement('optgroup'), { label });
    element.append(...answers.map(option));
    return element;
  };

  /** The Decision menu for the chosen role, keeping the chosen decision when the new role has it too. */
  const fillDecisions = (wanted: string): void => {
    if (shown === loaded && loaded) return;
    shown = loaded;
    const placeholder = Object.assign(document.createElement('option'), {
      value: '',
      textContent: words.t(role.value ? 'canI.chooseDecision' : 'canI.chooseRoleFirst'),
    });
    if (!role.value || !loaded) {
      decision.replaceChildren(placeholder);
      return;
    }
    const menu = roleDecisionMenu(loaded.answers);
    decision.replaceChildren(
      placeholder,
      ...(menu.own.length ? [group(words.t('canI.yourDecisions'), menu.own)] : []),
      ...(menu.comesUp.length ? [group(words.t('canI.comesUpGroup'), menu.comesUp)] : []),
      ...(menu.other.length ? [group(words.t('canI.otherDecisions'), menu.other)] : []),
    );
    if ([...decision.options].some((o) => o.value === wanted)) decision.value = wanted;
  };

  const show = (name: string, text: string | undefined) => {
    find(`${name}-block`).hidden = !text;
    if (text) find(name).textContent = text;
  };

  /** What the Amount field holds: nothing, a number, or something that is not one (NaN, which the verdict says it left out). */
  const typedAmount = (): number | undefined => {
    if (amount.validity.badInput) return Number.NaN;
    return amount.value.trim() === '' ? undefined : amount.valueAsNumber;
  };

  const update = (): void => {
    const answer = loaded && role.value ? loaded.answers.find((a) => a.decision.id === decision.value) : undefined;
    const basis = amountBasis(answer, loaded?.currency ?? index.c);
    currency.textContent = basis.currency ? currencySymbol(basis.currency, words.tag) : '';
    const period = describePeriod(basis.per, words);
    hint.textContent = basis.currency ? words.t('canI.amountHintCurrency', { currency: basis.currency, period }) : words.t('canI.amountHint', { period });

    const value = typedAmount();
    // Dated grants: the answer for the reader's own date, as their device has it (read on every answer: a page left open past midnight).
    const said = answer && verdict(answer, value, undefined, localDay(new Date()));
    const text = said ? [verdictText(said, words), dayNote(said, 'device', words)].filter(Boolean).join(' ') : prompt;
    if (status.textContent !== text) status.textContent = text;
    status.dataset.kind = said ? (said.beyond ? 'beyond' : said.kind) : '';

    details.hidden = !said;
    if (said) {
      show('conditions', said.answer.own?.note);
      const calls = whomToCall(said, words);
      find('call-block').hidden = calls.length === 0;
      find<HTMLUListElement>('calls').replaceChildren(
        ...calls.map((call) => {
          const item = document.createElement('li');
          if ('role' in call) {
            const link = Object.assign(document.createElement('a'), { href: href(`/roles/${call.role.id}/`), textContent: call.role.title });
            item.append(link, words.t('call.after', { what: call.words }));
          } else item.append(call.owner, words.t('call.after', { what: call.words }));
          return item;
        }),
      );
      find<HTMLUListElement>('guardrails').replaceChildren(
        ...said.decision.guardrails.map((line) => Object.assign(document.createElement('li'), { textContent: line })),
      );
      find('guardrail-block').hidden = said.decision.guardrails.length === 0;
      const link = find<HTMLAnchorElement>('link');
      link.href = href(said.decision.path);
      link.textContent = words.t('canI.readBoundaryNamed', { title: said.decision.title });
      find<HTMLAnchorElement>('role-table').href = href(`/can-i/${said.role.id}/`);
    }

    const query = new URLSearchParams();
    if (role.value) query.set('role', role.value);
    if (decision.value) query.set('decision', decision.value);
    if (value !== undefined && Number.isFinite(value)) query.set('amount', String(value));
    const search = query.size ? `?${query}` : '';
    if (search !== location.search) history.replaceState(history.state, '', search || location.pathname);
  };

  /** With a phone's keyboard open, the verdict is the thing to see: keep it in view while the amount is typed. */
  const keepVerdictInView = (): void => {
    const viewport = window.visualViewport;
    const bottom = status.getBoundingClientRect().bottom;
    if (bottom > (viewport ? viewport.offsetTop + viewport.height : window.innerHeight)) status.scrollIntoView({ block: 'end' });
  };

  /**
   * Loads the chosen role's answers, then answers; a later choice wins over a slower earlier load.
   * The decision kept is the deep link's, else whatever is chosen when the data arrives (the reader may have picked one meanwhile).
   */
  const chooseRole = async (wantedDecision?: string): Promise<void> => {
    const chosen = role.value;
    rememberRole(deviceStorage(), BASE, chosen);
    const next = chosen ? await roleAnswers(chosen) : undefined;
    if (role.value !== chosen) return;
    loaded = next;
    // Which role's decisions the menu holds (a menu shared by two roles on one ladder looks the same).
    root.dataset.loadedRole = next ? chosen : '';
    fillDecisions(wantedDecision ?? decision.value);
    update();
  };

  // A deep link pre-fills the form (unknown ids are ignored); else the remembered role.
  const params = new URLSearchParams(location.search);
  const wantedRole = params.get('role') ?? readRememberedRole(deviceStorage(), BASE) ?? '';
  if ([...role.options].some((o) => o.value === wantedRole)) role.value = wantedRole;
  if (params.get('amount')) amount.value = params.get('amount')!;

  form.addEventListener('input', (event) => {
    if (event.target === role) return;
    update();
    if (event.target === amount) keepVerdictInView();
  });
  form.addEventListener('change', (event) => {
    if (event.target === role) void chooseRole();
    else update();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  root.hidden = false;
  const table = document.querySelector<HTMLDetailsElement>('[data-can-i-table]');
  if (table) table.open = false;
  fillDecisions('');
  update();
  if (role.value) void chooseRole(params.get('decision') ?? undefined);
}
