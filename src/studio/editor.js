// The guide studio's editor: CodeMirror 6 set up for a guide's JSON
// (highlighting, bracket matching, folding, undo, search, lint marks and
// their gutter; Tab is left to move focus, Ctrl-Shift-F / Ctrl-F search),
// coloured by the page's own custom properties so that it follows the
// light and dark themes with their contrast. Part of the studio
// (src/studio/main.js).
import { basicSetup, EditorView } from 'codemirror';
import { EditorState, Transaction } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { tags as t } from '@lezer/highlight';
import { locate } from './locate.js';

const highlight = HighlightStyle.define([
  { tag: t.propertyName, color: 'var(--st-code-key)' },
  { tag: t.string, color: 'var(--st-code-string)' },
  { tag: t.number, color: 'var(--st-code-number)' },
  { tag: [t.bool, t.null], color: 'var(--st-code-atom)', fontWeight: '600' },
  { tag: t.invalid, color: 'var(--st-error-fg)' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--st-fg)', backgroundColor: 'var(--st-bg)', height: '100%', fontSize: '0.875rem' },
  '.cm-content': { fontFamily: 'var(--st-mono)', caretColor: 'var(--st-fg)' },
  '.cm-scroller': { fontFamily: 'var(--st-mono)', lineHeight: '1.55' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--st-fg)' },
  '.cm-gutters': { backgroundColor: 'var(--st-surface)', color: 'var(--st-muted)', borderRight: '1px solid var(--st-border)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--st-chosen)', color: 'var(--st-fg)' },
  '.cm-activeLine': { backgroundColor: 'var(--st-active-line)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--st-selection) !important' },
  '.cm-selectionMatch': { backgroundColor: 'var(--st-match)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--st-match)', outline: '1px solid var(--st-muted)' },
  '.cm-searchMatch': { backgroundColor: 'var(--st-match)', outline: '1px solid var(--st-warn-edge)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--st-selection)' },
  '.cm-panels': { backgroundColor: 'var(--st-surface)', color: 'var(--st-fg)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--st-border)' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button, .cm-panel.cm-search label': { fontSize: '0.875rem' },
  '.cm-textfield': { color: 'var(--st-fg)', backgroundColor: 'var(--st-bg)', border: '1px solid var(--st-border-strong)' },
  '.cm-button': { color: 'var(--st-fg)', backgroundImage: 'none', backgroundColor: 'var(--st-surface)', border: '1px solid var(--st-border-strong)' },
  '.cm-tooltip': { backgroundColor: 'var(--st-bg)', color: 'var(--st-fg)', border: '1px solid var(--st-border-strong)' },
  '.cm-tooltip-lint': { maxWidth: '38rem' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--st-error-edge)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--st-error-edge)', textUnderlineOffset: '3px' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--st-surface)', color: 'var(--st-fg)', border: '1px solid var(--st-border-strong)' },
});

/**
 * A CodeMirror view in `parent` for `doc`, labelled by `labelId`, calling
 * `onChange(state)` after every change of the text.
 */
export function createEditor(parent, doc, { labelId, describedBy, onChange }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        json(),
        syntaxHighlighting(highlight),
        lintGutter(),
        EditorView.lineWrapping,
        theme,
        // tabindex: the text box is in the tab order anyway (contenteditable);
        // said outright, axe sees that its scrolling box is reachable.
        EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-describedby': describedBy, tabindex: '0' }),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state); }),
      ],
    }),
  });
  return view;
}

/** Replaces the whole text, as one undoable change. */
export function replaceText(view, text) {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: 0 },
    scrollIntoView: true,
    annotations: Transaction.userEvent.of('input.replace'),
  });
}

/**
 * The UTF-16 offset in `text` (one line) of the character at `column`,
 * counted in Unicode characters (code points) from 1, as the checker
 * counts them: an emoji is one character there and two units here.
 */
export function columnOffset(text, column) {
  let offset = 0;
  for (let n = Math.max(column - 1, 0); n > 0 && offset < text.length; n--) {
    offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  }
  return Math.min(offset, text.length);
}

/** The column, in Unicode characters from 1, of the UTF-16 offset `offset` in `text`. */
export function columnOf(text, offset) {
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i += text.codePointAt(i) > 0xffff ? 2 : 1) column += 1;
  return column;
}

/**
 * The range of one error of studio_check in `state`: its line and column
 * when the reader gave them (syntax and type errors), else where its JSON
 * path is in the text.
 */
export function errorRange(state, error) {
  const doc = state.doc;
  if (error.line != null) {
    const line = doc.line(Math.min(Math.max(error.line, 1), doc.lines));
    // The checker does not count a byte-order mark; the editor keeps it.
    const bom = line.number === 1 && line.text.startsWith('\ufeff') ? 1 : 0;
    const from = line.from + bom + columnOffset(line.text.slice(bom), error.column ?? 1);
    // Mark a word, or one character, from the column on (at least one, so
    // the mark shows; at the end of a line, the character before).
    const rest = doc.sliceString(from, line.to);
    const word = /^[^\s,:{}[\]]+/.exec(rest)?.[0].length ?? 1;
    if (from >= line.to) return { from: Math.max(line.from, line.to - 1), to: line.to };
    return { from, to: Math.min(line.to, from + Math.max(word, 1)) };
  }
  return locate(state, error.at || '$');
}

/** Marks `errors` (each with its `range`) as lint diagnostics. */
export function showDiagnostics(view, errors) {
  view.dispatch(setDiagnostics(view.state, errors.map((e) => ({
    from: e.range.from,
    to: e.range.to,
    severity: 'error',
    source: e.at,
    message: e.message,
  }))));
}

/** Moves the cursor to `pos`, scrolls it into view and focuses the editor. */
export function goTo(view, range) {
  view.dispatch({ selection: { anchor: range.from, head: range.to }, scrollIntoView: true, effects: EditorView.scrollIntoView(range.from, { y: 'center' }) });
  view.focus();
}
