// Where a JSON path the compiler reports (`$.rules[3].when.any[0]`,
// `$.facts["a.b"]`, `$.rules[id=x].reason`) is in the editor's text:
// walks CodeMirror's JSON syntax tree (lezer) from the top object down, as
// far as the path goes, and returns the range to mark. Part of the studio
// (src/studio/main.js).
import { ensureSyntaxTree } from '@codemirror/language';

/** The steps of a JSON path: strings (keys), numbers (indices) or `{ id }`. */
export function parsePath(at) {
  const steps = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\[id=([^\]]*)\]/gy;
  let i = at.startsWith('$') ? 1 : 0;
  re.lastIndex = i;
  while (re.lastIndex < at.length) {
    const m = re.exec(at);
    if (!m) break;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else if (m[3] !== undefined) steps.push(JSON.parse(`"${m[3]}"`));
    else steps.push({ id: m[4] });
  }
  return steps;
}

const PUNCT = new Set(['{', '}', '[', ']', ',', ':', '⚠']);

/** The value nodes inside an Array or the Property nodes inside an Object. */
function children(node) {
  const out = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (!PUNCT.has(c.name)) out.push(c);
  return out;
}

/** The value node of a Property (its last child that is a value). */
function valueOf(prop) {
  let v = null;
  for (let c = prop.firstChild; c; c = c.nextSibling) if (c.name !== 'PropertyName' && !PUNCT.has(c.name)) v = c;
  return v;
}

/** The key a PropertyName node spells, or null. */
function keyOf(doc, prop) {
  const name = prop.getChild('PropertyName');
  if (!name) return null;
  try { return JSON.parse(doc.sliceString(name.from, name.to)); } catch { return null; }
}

/** The Property of `object` with `key`. */
function property(doc, object, key) {
  return children(object).find((p) => p.name === 'Property' && keyOf(doc, p) === key) ?? null;
}

/**
 * The range `{ from, to }` in `state` to mark for the path `at`: the key
 * of the last property reached, or the first line of the last value
 * reached (a whole object would mark half the file). Where the path goes
 * further than the text (a missing field), the deepest part that exists.
 */
export function locate(state, at) {
  const tree = ensureSyntaxTree(state, state.doc.length, 500);
  const doc = state.doc;
  if (!tree) return { from: 0, to: 0 };
  let node = tree.topNode.firstChild;
  while (node && PUNCT.has(node.name)) node = node.nextSibling;
  if (!node) return { from: 0, to: 0 };
  let mark = node;
  for (const step of parsePath(at)) {
    let next = null;
    if (typeof step === 'string' && node.name === 'Object') {
      const prop = property(doc, node, step);
      if (prop) { mark = prop.getChild('PropertyName') ?? prop; next = valueOf(prop); }
    } else if (typeof step === 'number' && node.name === 'Array') {
      next = children(node)[step] ?? null;
      if (next) mark = next;
    } else if (typeof step === 'object' && node.name === 'Array') {
      next = children(node).find((v) => v.name === 'Object' && (() => {
        const p = property(doc, v, 'id');
        const val = p && valueOf(p);
        return val && doc.sliceString(val.from, val.to) === JSON.stringify(step.id);
      })()) ?? null;
      if (next) mark = next;
    }
    if (!next) break;
    node = next;
  }
  const line = doc.lineAt(mark.from);
  return { from: mark.from, to: Math.min(mark.to, line.to) };
}
