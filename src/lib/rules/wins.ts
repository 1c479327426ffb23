/** A customer is never named or quoted without consent, and every image has alt text. */
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { Rule } from './rule.ts';

export const checkWins: Rule = ({ entries }) => {
  const findings: Finding[] = [];
  for (const win of entries.wins) {
    const { customer, image, imageAlt } = win.data;
    if (customer && (customer.name !== undefined || customer.quote !== undefined) && customer.consent !== true) {
      const what = customer.name !== undefined && customer.quote !== undefined ? 'named and quoted' : customer.name !== undefined ? 'named' : 'quoted';
      findings.push({
        file: win.file,
        path: customer.consent === undefined ? ['customer'] : ['customer', 'consent'],
        at: customer.consent === undefined ? 'key' : 'value',
        severity: 'error',
        rule: 'consent',
        message: `customer.consent: the customer is ${what}, so consent must be true`,
        expected: 'true',
        found: customer.consent === undefined ? 'nothing' : String(customer.consent),
        hint: 'ask the customer, then add "consent: true" under customer; without consent, remove the name and quote',
      });
    }
    if (image !== undefined && imageAlt === undefined) {
      findings.push({
        file: win.file,
        path: ['image'],
        at: 'key',
        severity: 'error',
        rule: 'image-alt',
        message: 'imageAlt: is required with image',
        hint: 'add "imageAlt:" describing what the picture shows, for people who cannot see it',
      });
    }
  }
  return findings;
};
