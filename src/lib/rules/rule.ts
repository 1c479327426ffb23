/** What a cross-entry check is: the whole checked content in, findings out. */
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { CheckedContent } from '../reading/checked-content.ts';

/** A cross-entry check. */
export type Rule = (content: CheckedContent) => Finding[];
