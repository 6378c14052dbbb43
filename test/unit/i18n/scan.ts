// Finds user-visible text written into components instead of taken from the message catalogue.
import { parseAst } from 'vite';

export interface Finding {
  file: string;
  line: number;
  text: string;
  where: string;
}

export type Node = { type: string; start: number; end: number; [key: string]: unknown };

const LETTER = /\p{L}/u;
/** Text that ends like a sentence: words followed by a full stop, an ellipsis, `!` or `?`. */
const SENTENCE = /\p{L}[^\n]*[.…!?][”»)]?$/u;
/** Attributes whose value the user sees or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'placeholder',
  'title',
  'aria-label',
  'aria-description',
  'alt',
  'label',
]);
/** Properties that put text on the page when assigned (`document.title`, `el.textContent`, …). */
const VISIBLE_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'alt']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function children(node: Node): Node[] {
  const found: Node[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) found.push(...value.filter(isNode));
    else if (isNode(value)) found.push(value);
  }
  return found;
}

/** The literal texts an expression can evaluate to and show: both branches of `?:`, `a || 'text'`, `'a' + b`. */
export function shownLiterals(node: Node | null | undefined): { text: string; node: Node }[] {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [{ text: node.value, node }] : [];
    case 'TemplateLiteral': {
      const quasis = node.quasis as { value: { cooked: string | null } }[];
      return [{ text: quasis.map((quasi) => quasi.value.cooked ?? '').join('…'), node }];
    }
    case 'ConditionalExpression':
      return [...shownLiterals(node.consequent as Node), ...shownLiterals(node.alternate as Node)];
    case 'LogicalExpression':
      return node.operator === '&&'
        ? shownLiterals(node.right as Node)
        : [...shownLiterals(node.left as Node), ...shownLiterals(node.right as Node)];
    case 'BinaryExpression':
      return node.operator === '+'
        ? [...shownLiterals(node.left as Node), ...shownLiterals(node.right as Node)]
        : [];
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
      return shownLiterals(node.expression as Node);
    case 'ArrayExpression':
      return (node.elements as (Node | null)[]).flatMap((element) => shownLiterals(element));
    default:
      // Calls (t(…)), names and members: their text comes from elsewhere.
      return [];
  }
}

/** A literal that ends like a sentence; a template only when its own text (not a value) ends it. */
function isSentence(node: Node): boolean {
  if (node.type === 'Literal') return typeof node.value === 'string' && SENTENCE.test(node.value);
  if (node.type !== 'TemplateLiteral') return false;
  const quasis = (node.quasis as { value: { cooked: string | null } }[]).map(
    (quasi) => quasi.value.cooked ?? '',
  );
  return LETTER.test(quasis.join('')) && /[.…!?][”»)]?$/u.test(quasis.at(-1) ?? '');
}

function elementName(opening: Node): string {
  const name = opening.name as Node;
  return name.type === 'JSXIdentifier' ? String(name.name) : '';
}

function attributeValue(opening: Node, attribute: string): string | undefined {
  for (const item of opening.attributes as Node[]) {
    if (item.type !== 'JSXAttribute') continue;
    const name = item.name as Node;
    const value = item.value as Node | null;
    if (name.name === attribute && value?.type === 'Literal') return String(value.value);
  }
  return undefined;
}

/** A button's `value` is its label; an input's only for button-like types. */
function valueIsLabel(opening: Node): boolean {
  const tag = elementName(opening);
  if (tag === 'button') return true;
  return tag === 'input' && ['submit', 'button', 'reset'].includes(attributeValue(opening, 'type') ?? '');
}

/** Every piece of hard-coded visible text in a .ts or .tsx source. */
export function scanScript(source: string, file: string): Finding[] {
  const program = parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }) as unknown as Node;
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const findings: Finding[] = [];
  const report = (found: { text: string; node: Node }[], where: string) => {
    for (const { text, node } of found) {
      if (LETTER.test(text)) findings.push({ file, line: lineOf(node.start), text: text.trim(), where });
    }
  };
  const visit = (node: Node, parent: Node | undefined) => {
    if (node.type === 'JSXText') report([{ text: String(node.value), node }], 'JSX text');
    if (
      node.type === 'JSXExpressionContainer' &&
      (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment')
    ) {
      report(shownLiterals(node.expression as Node), 'JSX child');
    }
    if (node.type === 'JSXOpeningElement') {
      for (const item of node.attributes as Node[]) {
        if (item.type !== 'JSXAttribute') continue;
        const name = String((item.name as Node).name);
        const visible = VISIBLE_ATTRIBUTES.has(name) || (name === 'value' && valueIsLabel(node));
        if (!visible) continue;
        const value = item.value as Node | null;
        const expression = value?.type === 'JSXExpressionContainer' ? (value.expression as Node) : value;
        report(shownLiterals(expression), `${name}=`);
      }
    }
    // Sentences kept in a variable or state before they are shown (`setDone('Saved.')`).
    if (
      parent?.type !== 'ImportDeclaration' &&
      parent?.type !== 'ExportNamedDeclaration' &&
      isSentence(node)
    ) {
      report(shownLiterals(node), 'sentence');
    }
    if (node.type === 'AssignmentExpression') {
      const left = node.left as Node;
      const property = left.type === 'MemberExpression' ? (left.property as Node) : undefined;
      if (property?.type === 'Identifier' && VISIBLE_PROPERTIES.has(String(property.name))) {
        report(shownLiterals(node.right as Node), `.${String(property.name)} =`);
      }
    }
    for (const child of children(node)) visit(child, node);
  };
  visit(program, undefined);
  return findings;
}

/**
 * Every piece of visible text in an HTML page: text between tags (outside script and style) and visible
 * attributes. Pages carry `data-i18n="key"` instead, filled from the catalogue at load.
 */
export function scanHtml(source: string, file: string): Finding[] {
  const findings: Finding[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const markup = source
    .replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length))
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, (block) => ' '.repeat(block.length));
  for (const match of markup.matchAll(/>([^<]+)</g)) {
    const text = match[1] ?? '';
    if (LETTER.test(text)) {
      findings.push({ file, line: lineOf(match.index ?? 0), text: text.trim(), where: 'HTML text' });
    }
  }
  for (const match of markup.matchAll(/\s(placeholder|title|aria-label|alt|label|value)\s*=\s*"([^"]*)"/gi)) {
    if (LETTER.test(match[2] ?? '')) {
      findings.push({ file, line: lineOf(match.index ?? 0), text: match[2] ?? '', where: `${match[1]}=` });
    }
  }
  return findings;
}

/** The `data-i18n` keys an HTML page asks for. */
export function htmlKeys(source: string): string[] {
  return [...source.matchAll(/\sdata-i18n\s*=\s*"([^"]*)"/g)].map((match) => match[1] ?? '');
}
