import { Node, mergeAttributes } from '@tiptap/core';
import { DRAFT_NODES, provenanceLabel } from './draftSchema.ts';

/**
 * A passage a table sent to the plenary draft, with where and when it came from. The
 * provenance is shown in the margin (CSS, from `data-provenance`), not typed into the text,
 * so nobody can edit it by accident.
 */
export const Promoted = Node.create<{ locale: string | undefined }>({
  name: DRAFT_NODES.promoted,
  group: 'block',
  content: 'block+',
  defining: true,
  isolating: true,
  addOptions: () => ({ locale: undefined }),
  addAttributes() {
    return {
      tableId: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-table-id') ?? '',
        renderHTML: (attrs) => ({ 'data-table-id': String(attrs.tableId ?? '') }),
      },
      tableName: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-table-name') ?? '',
        renderHTML: (attrs) => ({ 'data-table-name': String(attrs.tableName ?? '') }),
      },
      at: {
        default: 0,
        parseHTML: (el) => Number(el.getAttribute('data-at')) || 0,
        renderHTML: (attrs) => ({ 'data-at': String(attrs.at ?? 0) }),
      },
    };
  },
  parseHTML: () => [{ tag: 'section[data-type="promoted"]' }],
  renderHTML({ node, HTMLAttributes }) {
    const label = provenanceLabel({ tableName: String(node.attrs.tableName ?? ''), at: Number(node.attrs.at) }, this.options.locale);
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'promoted', 'data-provenance': label }), 0];
  },
});
