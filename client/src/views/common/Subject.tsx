/**
 * Names what a repeated button acts on ("Remove" → "Remove – Marie") for screen
 * readers, while the accessible name still starts with the visible label
 * (WCAG 2.5.3 "label in name", so voice control users can say what they see).
 */
export function Subject({ of }: { of: string }) {
  return <span className="visually-hidden"> – {of}</span>;
}
