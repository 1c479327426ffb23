/**
 * Whether an SVG file is safe to publish on the playbook's own origin. A
 * browser that opens an SVG directly runs its scripts and loads what its
 * styles name, so an SVG is admitted only when everything in it is on an
 * allowlist: the plain drawing elements of SVG, their geometry and
 * presentation attributes, and presentation properties whose values use no
 * function but colours, transforms and `url(#id)` inside the file. Anything
 * else (a `<script>`, an event handler, `<foreignObject>`, a `<style>`
 * sheet, a CSS escape, an at-rule, `image-set(…)`, a link out) is refused,
 * with the first problem found. Read with sax, a strict XML parser: a file
 * it cannot read is refused too, since a browser might read it differently.
 */
import sax from 'sax';

export interface SvgProblem {
  message: string;
  hint: string;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** How deeply elements may nest: drawings need a few groups, and renderers recurse. */
export const MAX_SVG_DEPTH = 100;

/** The elements an SVG on the site may hold (lower case): shapes, text, groups, paint servers, clips, masks, markers, filters. */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'title',
  'desc',
  'switch',
  'a',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textpath',
  'lineargradient',
  'radialgradient',
  'stop',
  'clippath',
  'mask',
  'pattern',
  'marker',
  'filter',
  'feblend',
  'fecolormatrix',
  'fecomponenttransfer',
  'fecomposite',
  'feconvolvematrix',
  'fediffuselighting',
  'fedisplacementmap',
  'fedistantlight',
  'fedropshadow',
  'feflood',
  'fefunca',
  'fefuncb',
  'fefuncg',
  'fefuncr',
  'fegaussianblur',
  'femerge',
  'femergenode',
  'femorphology',
  'feoffset',
  'fepointlight',
  'fespecularlighting',
  'fespotlight',
  'fetile',
  'feturbulence',
  'animate',
  'animatetransform',
  'animatemotion',
  'set',
  'mpath',
]);

/** Elements that run code or embed other documents: named in their own words. */
const CODE_ELEMENTS = new Set(['script', 'foreignobject', 'handler', 'listener', 'iframe', 'embed', 'object']);
/** Animations can set any attribute, so what they set is checked like the attribute itself. */
const ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform']);

/**
 * Presentation properties (lower case), allowed as attributes and inside a
 * `style` attribute; their values are CSS and are checked as such.
 */
export const SVG_PRESENTATION_PROPERTIES: ReadonlySet<string> = new Set([
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'opacity',
  'color',
  'display',
  'visibility',
  'overflow',
  'clip-path',
  'clip-rule',
  'mask',
  'filter',
  'stop-color',
  'stop-opacity',
  'flood-color',
  'flood-opacity',
  'lighting-color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant',
  'font-stretch',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'baseline-shift',
  'letter-spacing',
  'word-spacing',
  'text-decoration',
  'writing-mode',
  'direction',
  'unicode-bidi',
  'marker-start',
  'marker-mid',
  'marker-end',
  'paint-order',
  'vector-effect',
  'shape-rendering',
  'text-rendering',
  'image-rendering',
  'color-interpolation',
  'color-interpolation-filters',
  'mix-blend-mode',
  'isolation',
  'transform',
  'transform-origin',
]);

/** Other attributes (lower case): geometry, structure, paint servers, filters, text, animation timing. Their values are not CSS. */
export const SVG_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id',
  'class',
  'lang',
  'role',
  'tabindex',
  'focusable',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fr',
  'fx',
  'fy',
  'width',
  'height',
  'd',
  'points',
  'pathlength',
  'viewbox',
  'preserveaspectratio',
  'version',
  'baseprofile',
  'gradientunits',
  'gradienttransform',
  'spreadmethod',
  'offset',
  'patternunits',
  'patterncontentunits',
  'patterntransform',
  'clippathunits',
  'maskunits',
  'maskcontentunits',
  'markerwidth',
  'markerheight',
  'markerunits',
  'refx',
  'refy',
  'orient',
  'filterunits',
  'primitiveunits',
  'in',
  'in2',
  'result',
  'stddeviation',
  'dx',
  'dy',
  'mode',
  'operator',
  'k1',
  'k2',
  'k3',
  'k4',
  'type',
  'values',
  'tablevalues',
  'slope',
  'intercept',
  'amplitude',
  'exponent',
  'basefrequency',
  'numoctaves',
  'seed',
  'stitchtiles',
  'scale',
  'xchannelselector',
  'ychannelselector',
  'surfacescale',
  'diffuseconstant',
  'specularconstant',
  'specularexponent',
  'kernelmatrix',
  'order',
  'divisor',
  'bias',
  'targetx',
  'targety',
  'edgemode',
  'preservealpha',
  'kernelunitlength',
  'radius',
  'azimuth',
  'elevation',
  'pointsatx',
  'pointsaty',
  'pointsatz',
  'limitingconeangle',
  'rotate',
  'textlength',
  'lengthadjust',
  'startoffset',
  'method',
  'spacing',
  'side',
  'path',
  'systemlanguage',
  'href',
  'attributename',
  'attributetype',
  'from',
  'to',
  'by',
  'begin',
  'dur',
  'end',
  'repeatcount',
  'repeatdur',
  'calcmode',
  'keytimes',
  'keysplines',
  'keypoints',
  'additive',
  'accumulate',
  'restart',
  'min',
  'max',
  'style',
]);

/** Values of an animation that end up as the animated attribute's value. */
const ANIMATED_VALUES = new Set(['from', 'to', 'by', 'values']);

/** Functions a CSS value may use: colours, transforms, and `url(#id)` (checked on its own). */
const CSS_FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'url',
  'matrix',
  'translate',
  'translatex',
  'translatey',
  'scale',
  'scalex',
  'scaley',
  'rotate',
  'skewx',
  'skewy',
]);

const SAVE_AGAIN = 'export the picture again as a plain SVG (in most tools: "Save as SVG" with scripts and links off), or save it as PNG';

export function svgProblem(text: string): SvgProblem | undefined {
  const parser = sax.parser(true, { xmlns: true, position: true });
  let problem: SvgProblem | undefined;
  let depth = 0;
  let root: string | undefined;
  const open: string[] = [];
  const refuse = (message: string) => {
    problem ??= { message: `${message} (line ${parser.line + 1})`, hint: SAVE_AGAIN };
    throw new StopParsing();
  };
  parser.onerror = () => {
    problem ??= { message: 'the SVG file is not well-formed XML, so it cannot be checked', hint: SAVE_AGAIN };
    // Stop at the first error: sax would go on reporting echoes of it.
    throw new StopParsing();
  };
  parser.ondoctype = (doctype) => {
    if (/[[<]/.test(doctype)) refuse('the SVG file declares entities in a DOCTYPE, which can expand to huge sizes or read other files');
  };
  parser.onprocessinginstruction = (instruction) => {
    if (instruction.name.toLowerCase() !== 'xml')
      refuse(`the SVG file holds a <?${instruction.name} …?> instruction, which can load a style sheet from elsewhere`);
  };
  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    const local = tag.local.toLowerCase();
    if (depth === 0) root = tag.uri === SVG_NAMESPACE ? local : `${tag.uri}:${local}`;
    depth++;
    open.push(local);
    if (depth > MAX_SVG_DEPTH) refuse(`the SVG file nests elements more than ${MAX_SVG_DEPTH} levels deep`);
    if (tag.uri !== SVG_NAMESPACE) refuse(`the SVG file holds a <${tag.name}> element that is not SVG${tag.uri ? ` (namespace ${tag.uri})` : ''}`);
    if (local === 'script') refuse("the SVG file holds a <script>, which would run on the playbook's site when someone opens the picture");
    if (CODE_ELEMENTS.has(local)) refuse(`the SVG file holds a <${tag.local}> element, which can run code or show another page`);
    if (local === 'style') return; // judged with its text, below
    if (!SVG_ELEMENTS.has(local)) {
      // A link or handler on it says more than "not allowed": name that first.
      for (const attribute of Object.values(tag.attributes)) {
        if (/^on|^href$/i.test(attribute.local)) {
          const problem = attributeProblem(tag.local, local, attribute, tag.attributes);
          if (problem) refuse(problem);
        }
      }
      refuse(`the SVG file holds a <${tag.local}> element, which is not one of the plain drawing elements a picture on the site may use`);
    }
    for (const attribute of Object.values(tag.attributes)) {
      const problem = attributeProblem(tag.local, local, attribute, tag.attributes);
      if (problem) refuse(problem);
    }
  };
  let styleText = '';
  const collectStyle = (chunk: string) => {
    if (open.at(-1) === 'style') styleText += chunk;
  };
  parser.ontext = collectStyle;
  parser.oncdata = collectStyle;
  parser.onclosetag = () => {
    if (open.at(-1) === 'style') {
      // The old wording for the commonest case: a style sheet that loads from outside.
      if (/url\(\s*(?!['"]?\s*#)|@import/i.test(styleText)) refuse("the SVG file's style loads something from outside the file (url() or @import)");
      refuse('the SVG file holds a <style> sheet, which can load from outside the file; pictures on the site draw with attributes (fill, stroke) only');
    }
    depth--;
    open.pop();
  };
  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
  if (!problem && root !== 'svg') return { message: 'the file is named .svg but does not hold an SVG picture', hint: SAVE_AGAIN };
  return problem;
}

/** What is wrong with one attribute, if anything. */
function attributeProblem(tagName: string, local: string, attribute: sax.QualifiedAttribute, all: Record<string, sax.QualifiedAttribute>): string | undefined {
  const name = attribute.local.toLowerCase();
  const value = attribute.value;
  if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') return undefined;
  if (name.startsWith('on')) return `the SVG file has an event handler (${attribute.name}) on <${tagName}>, which runs code`;
  if (attribute.uri === XML_NAMESPACE) return name === 'space' || name === 'lang' ? undefined : notAllowed(attribute.name, tagName);
  if (attribute.uri === XLINK_NAMESPACE && name === 'title') return undefined;
  if (attribute.uri !== '' && attribute.uri !== XLINK_NAMESPACE) return notAllowed(attribute.name, tagName);
  if (attribute.uri === XLINK_NAMESPACE && name !== 'href') return notAllowed(attribute.name, tagName);
  if (name === 'href') {
    return value.trim().startsWith('#') && !/[\\()]/.test(value)
      ? undefined
      : `the SVG file links <${tagName}> to ${quoteShort(value)}; an SVG on the site may only point inside itself (#id)`;
  }
  if (name.startsWith('aria-')) return undefined;
  if (name === 'style') return styleProblem(tagName, value);
  if (SVG_PRESENTATION_PROPERTIES.has(name)) {
    const problem = cssValueProblem(value);
    return problem && `the SVG file's ${attribute.name} on <${tagName}> ${problem} (${quoteShort(value)})`;
  }
  if (!SVG_ATTRIBUTES.has(name)) return notAllowed(attribute.name, tagName);
  if (ANIMATIONS.has(local) && name === 'attributename') {
    const animated = value
      .trim()
      .toLowerCase()
      .replace(/^xlink:/, '');
    if (/^on/.test(animated) || animated === 'href') return `the SVG file animates the ${value} attribute, which can run code`;
    if (animated === 'style' || (!SVG_PRESENTATION_PROPERTIES.has(animated) && !SVG_ATTRIBUTES.has(animated)))
      return `the SVG file animates the ${value} attribute, which is not one a picture on the site may change`;
  }
  if (ANIMATIONS.has(local) && ANIMATED_VALUES.has(name)) {
    // What an animation writes is the animated attribute's value: the same check as writing it directly.
    const problem = cssValueProblem(value);
    const target = Object.values(all).find((other) => other.local.toLowerCase() === 'attributename')?.value ?? 'an attribute';
    return problem && `the SVG file animates ${target} to a value that ${problem.replace(/^(uses|loads|holds)/, '$1')} (${quoteShort(value)})`;
  }
  return undefined;
}

function notAllowed(attribute: string, tag: string): string {
  return `the SVG file has a ${attribute} attribute on <${tag}>, which is not one a picture on the site may use`;
}

/** A `style` attribute: declarations of allowed properties, with values that pass `cssValueProblem`, and nothing else. */
function styleProblem(tag: string, style: string): string | undefined {
  if (/[\\@{}<>]|\/\*/.test(style)) return `the SVG file's style attribute on <${tag}> uses a CSS escape, comment or at-rule (${quoteShort(style)})`;
  for (const declaration of style.split(';')) {
    if (declaration.trim() === '') continue;
    const colon = declaration.indexOf(':');
    const property = (colon === -1 ? declaration : declaration.slice(0, colon)).trim().toLowerCase();
    if (colon === -1 || !SVG_PRESENTATION_PROPERTIES.has(property)) {
      return `the SVG file's style attribute on <${tag}> sets ${quoteShort(property)}, which is not a property a picture on the site may use`;
    }
    const problem = cssValueProblem(declaration.slice(colon + 1));
    if (problem) return `the SVG file's style attribute on <${tag}> ${problem} (${quoteShort(declaration.trim())})`;
  }
  return undefined;
}

/**
 * What is wrong with a CSS value, if anything: an escape (`\69`), which
 * could spell any word; an at-rule, comment or block; or a function other
 * than a colour, a transform, or `url(#id)` pointing inside the file
 * (`image-set(…)`, `url(https://…)`, `element(…)` load or show something
 * else).
 */
export function cssValueProblem(value: string): string | undefined {
  if (/[\\@{}<>;]|\/\*/.test(value)) return 'uses a CSS escape, comment or at-rule';
  for (const call of value.matchAll(/([a-z-]*)\s*\(/gi)) {
    const name = call[1]!.toLowerCase();
    if (!CSS_FUNCTIONS.has(name)) return `uses the CSS function ${name || '(…)'}(…), which a picture on the site may not use`;
    if (name === 'url' && !/^\(\s*(["']?)#[\w.:-]+\1\s*\)/.test(value.slice(call.index + call[0].length - 1))) {
      return 'loads something from outside the file (url() to another address)';
    }
  }
  return undefined;
}

class StopParsing extends Error {}

function quoteShort(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
}
