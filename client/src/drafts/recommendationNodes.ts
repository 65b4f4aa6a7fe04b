import { Node, mergeAttributes, type Editor } from '@tiptap/core';
import type { Node as PmNode, NodeType, ResolvedPos } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { DRAFT_NODES } from './draftSchema.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendation: {
      /** Inserts an empty recommendation at the cursor and puts the cursor in its statement. */
      insertRecommendation: () => ReturnType;
    };
  }
}

/**
 * Where a new recommendation goes: replacing the empty line the cursor is on, else after
 * the innermost block that may be followed by one. Never inside a list: a numbered
 * recommendation is not a bullet point.
 */
export function insertionRange($from: ResolvedPos, type: NodeType): { from: number; to: number } | null {
  for (let d = $from.depth; d > 0; d--) {
    const parent = $from.node(d - 1);
    if (parent.type.name === DRAFT_NODES.listItem) continue;
    const index = $from.index(d - 1);
    const node = $from.node(d);
    if (node.type.name === DRAFT_NODES.paragraph && node.content.size === 0 && parent.canReplaceWith(index, index + 1, type)) {
      return { from: $from.before(d), to: $from.after(d) };
    }
    if (parent.canReplaceWith(index + 1, index + 1, type)) return { from: $from.after(d), to: $from.after(d) };
  }
  const index = $from.index(0);
  return $from.doc.canReplaceWith(index, index, type) ? { from: $from.pos, to: $from.pos } : null;
}

function emptyRecommendation(editor: Editor): PmNode {
  const { nodes } = editor.schema;
  return nodes[DRAFT_NODES.recommendation]!.create(null, [
    nodes[DRAFT_NODES.statement]!.create(),
    nodes[DRAFT_NODES.rationale]!.create(null, nodes[DRAFT_NODES.paragraph]!.create()),
  ]);
}

/** The one line a recommendation opens with: "What do you recommend?". */
export const RecommendationStatement = Node.create({
  name: DRAFT_NODES.statement,
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'p[data-type="recommendation-statement"]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'recommendation-statement' }), 0],
  addKeyboardShortcuts() {
    return {
      // The statement is one line: Enter goes on to the rationale ("Why?").
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== this.name) return false;
        return editor.commands.setTextSelection($from.after() + 2);
      },
      // Undoes an accidental "+ Recommendation" on a phone; one with any words in it stays.
      Backspace: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== this.name || $from.parent.content.size > 0) return false;
        const recommendation = $from.node(-1);
        if (recommendation.textContent !== '' || recommendation.child(1).childCount > 1) return false;
        const from = $from.before(-1);
        return editor.commands.deleteRange({ from, to: from + recommendation.nodeSize });
      },
    };
  },
});

/** The reasons under a statement: ordinary paragraphs. */
export const RecommendationRationale = Node.create({
  name: DRAFT_NODES.rationale,
  content: 'paragraph+',
  defining: true,
  // Backspace at its start must not pour the reasons into the statement.
  isolating: true,
  parseHTML: () => [{ tag: 'div[data-type="recommendation-rationale"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'recommendation-rationale' }), 0],
  addKeyboardShortcuts() {
    return {
      // Enter on an empty last line leaves the recommendation, as it leaves a list.
      Enter: ({ editor }) =>
        editor.commands.command(({ tr, state, dispatch }) => {
          const { $from, empty } = state.selection;
          if (!empty || $from.parent.type.name !== DRAFT_NODES.paragraph || $from.parent.content.size > 0) return false;
          const rationale = $from.node(-1);
          if (rationale.type.name !== this.name || rationale.childCount < 2 || $from.index(-1) !== rationale.childCount - 1) return false;
          if (dispatch) {
            const after = $from.after(-2);
            tr.delete($from.before(), $from.after());
            const at = tr.mapping.map(after);
            tr.insert(at, state.schema.nodes[DRAFT_NODES.paragraph]!.create());
            tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView();
          }
          return true;
        }),
    };
  },
});

/**
 * A numbered recommendation: a statement and its rationale. The number is not stored
 * (CSS counts them), so reordering never leaves stale numbers behind.
 */
export const Recommendation = Node.create({
  name: DRAFT_NODES.recommendation,
  group: 'block',
  content: `${DRAFT_NODES.statement} ${DRAFT_NODES.rationale}`,
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: 'section[data-type="recommendation"]' }],
  renderHTML: ({ HTMLAttributes }) => ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'recommendation' }), 0],
  addCommands() {
    return {
      insertRecommendation:
        () =>
        ({ editor, state, tr, dispatch }) => {
          const node = emptyRecommendation(editor);
          const range = insertionRange(state.selection.$from, node.type);
          if (!range) return false;
          if (dispatch) {
            tr.replaceWith(range.from, range.to, node);
            // Without a line after it, a phone user could not tap below the last recommendation
            // to write on (there is no trailing-paragraph plugin: it races between writers).
            const end = range.from + node.nodeSize;
            if (end === tr.doc.content.size) tr.insert(end, state.schema.nodes[DRAFT_NODES.paragraph]!.create());
            tr.setSelection(TextSelection.create(tr.doc, range.from + 2)).scrollIntoView();
          }
          return true;
        },
    };
  },
});
