/**
 * Characters some file system refuses in a name (Windows' set is the strictest), and
 * control characters; a title such as "Mobility 2030: what now?" must still save.
 */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** Each part is cut to this many characters, so two long titles still make a sane name. */
const MAX_PART_CHARS = 80;

/** When both parts come out empty. */
const FALLBACK = 'draft';

function cleanPart(text: string): string {
  const clean = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code points, never inside an emoji; a leading or trailing dot hides or breaks a file.
  return [...clean].slice(0, MAX_PART_CHARS).join('').replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * The name a downloaded draft is saved under: `<room title> – <draft name>.<extension>`,
 * e.g. "Citizens’ panel on housing – Plenary draft.md". Letters of any language are kept.
 */
export function draftFileName(roomTitle: string, draftName: string, extension: string): string {
  const parts = [cleanPart(roomTitle), cleanPart(draftName)].filter((part) => part !== '');
  return `${parts.length > 0 ? parts.join(' – ') : FALLBACK}.${extension}`;
}
