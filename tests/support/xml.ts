/**
 * Is a document well-formed XML? sax in strict mode stops at the first
 * error, the way a feed reader would; the message says where.
 */
import sax from 'sax';

/** True, or the parser's first error. */
export function wellFormedXml(xml: string): true | string {
  const parser = sax.parser(true);
  let error: string | undefined;
  parser.onerror = (cause) => {
    error ??= cause.message;
    parser.resume(); // only the first error matters
  };
  parser.write(xml).close();
  return error ?? true;
}
