/** A customer is never named or quoted without consent, and every image has alt text. */
import type { Finding } from '../diagnostics/diagnostic.ts';
import { finding, MESSAGES } from '../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const checkWins: Rule = ({ entries }) => {
  const findings: Finding[] = [];
  for (const win of entries.wins) {
    const { customer, image, imageAlt } = win.data;
    if (customer && (customer.name !== undefined || customer.quote !== undefined) && customer.consent !== true) {
      const what = customer.name !== undefined && customer.quote !== undefined ? 'named and quoted' : customer.name !== undefined ? 'named' : 'quoted';
      findings.push(
        finding(
          MESSAGES.consent,
          'default',
          {
            file: win.file,
            path: customer.consent === undefined ? ['customer'] : ['customer', 'consent'],
            at: customer.consent === undefined ? 'key' : 'value',
            expected: 'true',
            found: customer.consent === undefined ? 'nothing' : String(customer.consent),
          },
          { what },
        ),
      );
    }
    if (image !== undefined && imageAlt === undefined) {
      findings.push(finding(MESSAGES['image-alt'], 'default', { file: win.file, path: ['image'], at: 'key' }));
    }
  }
  return findings;
};
