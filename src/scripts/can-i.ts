/**
 * The "Can I…?" form in the browser: reads the helper's table from the page,
 * answers with the same verdict module the build uses, and keeps the
 * address in step (`?role=…&decision=…&amount=…`) so an answer can be shared.
 * Without this script the page shows the full role × decision table.
 */
import type { HelperData } from '../lib/decision/helper-data.ts';
import { describePeriod } from '../lib/money.ts';
import { currencySymbol, verdictText } from '../lib/decision/verdict-text.ts';
import { amountBasis, verdict } from '../lib/decision/verdict.ts';
import { href } from '../lib/links/href.ts';

const root = document.querySelector<HTMLElement>('[data-can-i]');
const source = document.getElementById('can-i-data');
const data = source?.textContent ? (JSON.parse(source.textContent) as HelperData) : undefined;
if (root && data && data.d.length > 0) start(root, data);

function start(root: HTMLElement, data: HelperData): void {
  const find = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-can-i-${name}]`)!;
  const form = find<HTMLFormElement>('form');
  const role = form.elements.namedItem('role') as HTMLSelectElement;
  const decision = form.elements.namedItem('decision') as HTMLSelectElement;
  const amount = form.elements.namedItem('amount') as HTMLInputElement;
  const currency = find('currency');
  const hint = find('hint');
  const status = find('status');
  const details = find('details');
  const guardrailBlock = find('guardrail-block');
  const guardrails = find<HTMLUListElement>('guardrails');
  const link = find<HTMLAnchorElement>('link');
  const prompt = status.textContent ?? '';

  const update = (): void => {
    const basis = amountBasis(data, role.value, decision.value);
    currency.textContent = basis.currency ? currencySymbol(basis.currency, data.l) : '';
    hint.textContent = `Optional${basis.currency ? ` — in ${basis.currency}` : ''}, ${describePeriod(basis.per)}.`;

    const value = amount.value.trim() === '' ? undefined : amount.valueAsNumber;
    const answer = verdict({ data, roleId: role.value, decisionId: decision.value, amount: value });
    const text = answer ? verdictText(answer, data.l) : prompt;
    if (status.textContent !== text) status.textContent = text;
    status.dataset.kind = answer?.kind ?? '';

    details.hidden = !answer;
    if (answer) {
      guardrails.replaceChildren(...answer.guardrails.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
      guardrailBlock.hidden = answer.guardrails.length === 0;
      link.href = href(answer.path);
      link.textContent = `Read the boundary: ${answer.decision.title}`;
    }

    const query = new URLSearchParams();
    if (role.value) query.set('role', role.value);
    if (decision.value) query.set('decision', decision.value);
    if (value !== undefined && Number.isFinite(value)) query.set('amount', String(value));
    const search = query.size ? `?${query}` : '';
    if (search !== location.search) history.replaceState(history.state, '', search || location.pathname);
  };

  // A deep link pre-fills the form; unknown ids are ignored.
  const params = new URLSearchParams(location.search);
  const pick = (select: HTMLSelectElement, value: string | null) => {
    if (value && [...select.options].some((option) => option.value === value)) select.value = value;
  };
  pick(role, params.get('role'));
  pick(decision, params.get('decision'));
  const asked = Number(params.get('amount') ?? '');
  if (params.get('amount') && Number.isFinite(asked) && asked >= 0) amount.value = String(asked);

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  root.hidden = false;
  const table = document.querySelector<HTMLDetailsElement>('[data-can-i-table]');
  if (table) table.open = false;
  update();
}
