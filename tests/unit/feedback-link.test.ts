/** Issue 18: "Report a problem with this page" fills the playbook's feedbackUrl template, URL-encoded. */
import { describe, expect, it } from 'vitest';
import { playbookSchema } from '../../schemas/index.ts';
import { feedbackLink } from '../../src/lib/links/feedback-link.ts';

describe('feedbackLink', () => {
  it('fills {title}, {url} and {owner}, each URL-encoded, wherever they stand', () => {
    expect(
      feedbackLink('https://github.com/org/playbook/issues/new?title=Problem:%20{title}&body={url}%0A{owner}', {
        title: 'Refund & exchange: 50%?',
        url: 'https://playbook.example/boundaries/refund/',
        owner: 'Dev Mistry, Loss Prevention',
      }),
    ).toBe(
      'https://github.com/org/playbook/issues/new?title=Problem:%20Refund%20%26%20exchange%3A%2050%25%3F&body=https%3A%2F%2Fplaybook.example%2Fboundaries%2Frefund%2F%0ADev%20Mistry%2C%20Loss%20Prevention',
    );
  });

  it('leaves {owner} empty for an entry without one, and gives no link without a template', () => {
    expect(feedbackLink('https://x.example/new?o={owner}&t={title}', { title: 'Be kind', url: '/values/be-kind/', owner: undefined })).toBe(
      'https://x.example/new?o=&t=Be%20kind',
    );
    expect(feedbackLink(undefined, { title: 'T', url: '/', owner: 'O' })).toBeUndefined();
  });

  it('playbook.yaml takes a web address with only the three placeholders', () => {
    const issues = (feedbackUrl: string) => playbookSchema.safeParse({ name: 'X', feedbackUrl }).error?.issues.map((issue) => issue.message);
    expect(issues('https://x.example/new?title={title}&body={url}&owner={owner}')).toBeUndefined();
    expect(issues('https://x.example/new?title={titel}')).toEqual(['may hold only the placeholders {title}, {url} and {owner}']);
    expect(issues('javascript:alert({title})')).toEqual(['must be a full web address starting with https://']);
  });
});
