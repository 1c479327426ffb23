/**
 * Whether an SVG file is safe to publish on the playbook's own origin. A
 * browser that opens an SVG directly runs its scripts, so an SVG with
 * <script>, event handlers, <foreignObject> (which embeds HTML) or links to
 * outside addresses is refused, with the first problem found. Read with
 * sax, a strict XML parser: a file it cannot read is refused too, since a
 * browser might read it differently.
 */
import sax from 'sax';

export interface SvgProblem {
  message: string;
  hint: string;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** SVG elements that run code or embed other documents. */
const REFUSED_ELEMENTS = new Set(['script', 'foreignobject', 'handler', 'listener', 'iframe', 'embed', 'object']);
/** Animations can set any attribute, a link's href or an event handler included. */
const ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'discard']);
/** A CSS url() or @import that leads anywhere but a fragment of the file itself. */
const EXTERNAL_CSS = /url\(\s*(?!['"]?\s*#)|@import/i;

const SAVE_AGAIN = 'export the picture again as a plain SVG (in most tools: "Save as SVG" with scripts and links off), or save it as PNG';

export function svgProblem(text: string): SvgProblem | undefined {
  const parser = sax.parser(true, { xmlns: true, position: true });
  let problem: SvgProblem | undefined;
  let depth = 0;
  let root: string | undefined;
  const refuse = (found: SvgProblem) => {
    problem ??= { ...found, message: `${found.message} (line ${parser.line + 1})` };
  };
  parser.onerror = () => {
    problem ??= { message: 'the SVG file is not well-formed XML, so it cannot be checked', hint: SAVE_AGAIN };
    // Stop at the first error: sax would go on reporting echoes of it.
    throw new StopParsing();
  };
  parser.ondoctype = (doctype) => {
    if (/[[<]/.test(doctype))
      refuse({ message: 'the SVG file declares entities in a DOCTYPE, which can expand to huge sizes or read other files', hint: SAVE_AGAIN });
  };
  parser.onprocessinginstruction = (instruction) => {
    if (instruction.name.toLowerCase() !== 'xml')
      refuse({ message: `the SVG file holds a <?${instruction.name} …?> instruction, which can load a style sheet from elsewhere`, hint: SAVE_AGAIN });
  };
  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    const local = tag.local.toLowerCase();
    if (depth === 0) root = tag.uri === SVG_NAMESPACE ? local : `${tag.uri}:${local}`;
    depth++;
    if (tag.uri !== SVG_NAMESPACE) {
      refuse({ message: `the SVG file holds a <${tag.name}> element that is not SVG${tag.uri ? ` (namespace ${tag.uri})` : ''}`, hint: SAVE_AGAIN });
      return;
    }
    if (REFUSED_ELEMENTS.has(local)) {
      refuse({
        message:
          local === 'script'
            ? "the SVG file holds a <script>, which would run on the playbook's site when someone opens the picture"
            : `the SVG file holds a <${tag.local}> element, which can run code or show another page`,
        hint: SAVE_AGAIN,
      });
      return;
    }
    for (const attribute of Object.values(tag.attributes)) {
      const name = attribute.local.toLowerCase();
      const value = attribute.value;
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      if (name.startsWith('on')) {
        refuse({ message: `the SVG file has an event handler (${attribute.name}) on <${tag.local}>, which runs code`, hint: SAVE_AGAIN });
      } else if (name === 'href' && (attribute.uri === '' || attribute.uri === XLINK_NAMESPACE) && !value.trim().startsWith('#')) {
        refuse({
          message: `the SVG file links <${tag.local}> to ${quoteShort(value)}; an SVG on the site may only point inside itself (#id)`,
          hint: SAVE_AGAIN,
        });
      } else if (ANIMATIONS.has(local) && name === 'attributename' && (/^on/i.test(value) || /href$/i.test(value))) {
        refuse({ message: `the SVG file animates the ${value} attribute, which can run code`, hint: SAVE_AGAIN });
      } else if (EXTERNAL_CSS.test(value) || /javascript:/i.test(value.replace(/\s+/g, ''))) {
        refuse({ message: `the SVG file's ${attribute.name} on <${tag.local}> points outside the file (${quoteShort(value)})`, hint: SAVE_AGAIN });
      }
    }
  };
  parser.onclosetag = () => {
    depth--;
  };
  const styleText = (text: string) => {
    if (EXTERNAL_CSS.test(text)) refuse({ message: "the SVG file's style loads something from outside the file (url() or @import)", hint: SAVE_AGAIN });
  };
  parser.ontext = styleText;
  parser.oncdata = styleText;
  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
  if (!problem && root !== 'svg') return { message: 'the file is named .svg but does not hold an SVG picture', hint: SAVE_AGAIN };
  return problem;
}

class StopParsing extends Error {}

function quoteShort(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
}
