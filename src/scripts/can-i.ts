/**
 * The "Can I…?" form in the browser. The page carries the roles; once a
 * role is chosen its decisions are loaded from `/can-i/<role>.json` and the
 * Decision menu lists the role's own decisions first, then the others that
 * go up its ladder. Answers come from the same verdict module the build
 * uses. The address is kept in step (`?role=…&decision=…&amount=…`) so an
 * answer can be shared, and the role is remembered on the device.
 * Without this script the page links to each role's table.
 */
import { roleDecisionMenu } from '../lib/decision/decision-table.ts';
import type { HelperData } from '../lib/decision/helper-data.ts';
import { deviceStorage, readRememberedRole, rememberRole } from '../lib/decision/remembered-role.ts';
import { currencySymbol, verdictText, whomToCall } from '../lib/decision/verdict-text.ts';
import { amountBasis, verdict, type DecisionRef } from '../lib/decision/verdict.ts';
import type { Words } from '../lib/languages/words.ts';
import { describePeriod } from '../lib/words/grants.ts';
import { inlineWords, pageHref as href } from './page-words.ts';
import { roleData } from './role-data.ts';

const BASE = import.meta.env.BASE_URL;
const root = document.querySelector<HTMLElement>('[data-can-i]');
const source = document.getElementById('can-i-data');
const index = source?.textContent ? (JSON.parse(source.textContent) as HelperData) : undefined;

const words = inlineWords();

if (root && index && words && index.r.length > 0 && document.querySelector('[data-can-i-table]:not([hidden])')) start(root, index, words);

function start(root: HTMLElement, index: HelperData, words: Words): void {
  const find = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-can-i-${name}]`)!;
  const form = find<HTMLFormElement>('form');
  const role = form.elements.namedItem('role') as HTMLSelectElement;
  const decision = form.elements.namedItem('decision') as HTMLSelectElement;
  const amount = form.elements.namedItem('amount') as HTMLInputElement;
  const currency = find('currency');
  const hint = find('hint');
  const status = find('status');
  const details = find('details');
  const prompt = status.textContent ?? '';
  let data: HelperData = index;
  let shown: HelperData | undefined;

  const option = (d: DecisionRef) => Object.assign(document.createElement('option'), { value: d.id, textContent: d.decision });
  const group = (label: string, decisions: DecisionRef[]) => {
    const element = Object.assign(document.createElement('optgroup'), { label });
    element.append(...decisions.map(option));
    return element;
  };

  /** The Decision menu for the chosen role, keeping the chosen decision when the new role has it too. */
  const fillDecisions = (wanted: string): void => {
    if (shown === data && data !== index) return;
    shown = data;
    const placeholder = Object.assign(document.createElement('option'), {
      value: '',
      textContent: words.t(role.value ? 'canI.chooseDecision' : 'canI.chooseRoleFirst'),
    });
    if (!role.value || data === index) {
      decision.replaceChildren(placeholder);
      return;
    }
    const menu = roleDecisionMenu(data, role.value);
    decision.replaceChildren(
      placeholder,
      ...(menu.own.length ? [group(words.t('canI.yourDecisions'), menu.own)] : []),
      ...(menu.other.length ? [group(words.t('canI.otherDecisions'), menu.other)] : []),
    );
    if ([...decision.options].some((o) => o.value === wanted)) decision.value = wanted;
  };

  const show = (name: string, text: string | undefined) => {
    find(`${name}-block`).hidden = !text;
    if (text) find(name).textContent = text;
  };

  const update = (): void => {
    const basis = amountBasis(data, role.value, decision.value);
    currency.textContent = basis.currency ? currencySymbol(basis.currency, words.tag) : '';
    const period = describePeriod(basis.per, words);
    hint.textContent = basis.currency ? words.t('canI.amountHintCurrency', { currency: basis.currency, period }) : words.t('canI.amountHint', { period });

    const value = amount.value.trim() === '' ? undefined : amount.valueAsNumber;
    const answer = verdict({ data, roleId: role.value, decisionId: decision.value, amount: value });
    const text = answer ? verdictText(answer, words) : prompt;
    if (status.textContent !== text) status.textContent = text;
    status.dataset.kind = answer?.kind ?? '';

    details.hidden = !answer;
    if (answer) {
      show('conditions', answer.grant?.note);
      const call = whomToCall(answer, words);
      find('call-block').hidden = !call;
      if (call) {
        const link = find<HTMLAnchorElement>('call-link');
        link.href = href(`/roles/${call.role.id}/`);
        link.textContent = call.role.title;
        find('call-approves').textContent = call.approves ?? '';
      }
      find<HTMLUListElement>('guardrails').replaceChildren(
        ...answer.guardrails.map((line) => Object.assign(document.createElement('li'), { textContent: line })),
      );
      find('guardrail-block').hidden = answer.guardrails.length === 0;
      const link = find<HTMLAnchorElement>('link');
      link.href = href(answer.path);
      link.textContent = words.t('canI.readBoundaryNamed', { title: answer.decision.title });
      find<HTMLAnchorElement>('role-table').href = href(`/can-i/${answer.role.id}/`);
    }

    const query = new URLSearchParams();
    if (role.value) query.set('role', role.value);
    if (decision.value) query.set('decision', decision.value);
    if (value !== undefined && Number.isFinite(value)) query.set('amount', String(value));
    const search = query.size ? `?${query}` : '';
    if (search !== location.search) history.replaceState(history.state, '', search || location.pathname);
  };

  /**
   * Loads the chosen role's decisions, then answers; a later choice wins over a slower earlier load.
   * The decision kept is the deep link's, else whatever is chosen when the data arrives (the reader may have picked one meanwhile).
   */
  const chooseRole = async (wantedDecision?: string): Promise<void> => {
    const chosen = role.value;
    rememberRole(deviceStorage(), BASE, chosen);
    const next = chosen ? await roleData(chosen) : undefined;
    if (role.value !== chosen) return;
    data = next ?? index;
    // Which role's decisions the menu holds (a menu shared by two roles on one ladder looks the same).
    root.dataset.loadedRole = next ? chosen : '';
    fillDecisions(wantedDecision ?? decision.value);
    update();
  };

  // A deep link pre-fills the form (unknown ids are ignored); else the remembered role.
  const params = new URLSearchParams(location.search);
  const wantedRole = params.get('role') ?? readRememberedRole(deviceStorage(), BASE) ?? '';
  if ([...role.options].some((o) => o.value === wantedRole)) role.value = wantedRole;
  const asked = Number(params.get('amount') ?? '');
  if (params.get('amount') && Number.isFinite(asked) && asked >= 0) amount.value = String(asked);

  form.addEventListener('input', (event) => {
    if (event.target !== role) update();
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
