/** Join-code alphabet: no 0/O/1/I, so a code read aloud or typed on a phone is unambiguous. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** Builds a code from random bytes (the caller supplies randomness, so this stays pure). */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    // 256 is a multiple of 32, so `% 32` is unbiased.
    code += JOIN_CODE_ALPHABET[(bytes[i] ?? 0) % JOIN_CODE_ALPHABET.length];
  }
  return code;
}

/** Forgiving input: lower case, spaces and dashes are fine. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}
