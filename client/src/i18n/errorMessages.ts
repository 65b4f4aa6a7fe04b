import type { ClosedMessage, ConnectError, ErrorCode } from '@dr/shared';
import type { TranslationKey } from './translate.ts';

/** Codes a client can meet: the wire's, plus `network` when the request never got an answer. */
export type ClientErrorCode = ErrorCode | 'network';

const CODE_KEYS: Record<ClientErrorCode, TranslationKey> = {
  invalid: 'error.invalid',
  forbidden: 'error.forbidden',
  not_found: 'error.not-found',
  conflict: 'error.conflict',
  rate_limited: 'error.rate-limited',
  unavailable: 'error.unavailable',
  network: 'error.network',
};

/** Finer causes the server gives in `reason`; anything unlisted falls back to the code. */
const REASON_KEYS: Record<string, TranslationKey> = {
  role: 'error.forbidden',
  not_own: 'error.forbidden',
  origin: 'error.origin',
  create_token_required: 'error.create-token-required',
  agenda_full: 'error.agenda-full',
  no_active_item: 'error.no-active-item',
  agenda_item_not_found: 'error.agenda-item-not-found',
  agenda_item_active: 'error.agenda-item-active',
  no_changes: 'error.no-changes',
  participant_not_found: 'error.participant-not-found',
  participant_required: 'error.participant-not-found',
  already_revoked: 'error.already-revoked',
  join_closed: 'error.join-closed',
  room_full: 'error.room-full',
  already_speaking: 'error.already-speaking',
  hand_already_raised: 'error.hand-already-raised',
  hand_not_raised: 'error.hand-not-raised',
  queue_limit_reached: 'error.queue-limit-reached',
  queue_empty: 'error.queue-empty',
  no_speaker: 'error.no-speaker',
  timer_running: 'error.timer-running',
  timer_paused: 'error.timer-paused',
  not_delivered: 'error.not-delivered',
  // Client-side: not sent because the server said its storage is down.
  storage_down: 'error.storage-down',
  // Breakout tables.
  language_impossible: 'error.language-impossible',
  breakout_running: 'error.breakout-running',
  breakout_paused: 'error.breakout-paused',
  no_breakout: 'error.no-breakout',
  extend_too_short: 'error.extend-too-short',
  no_tables: 'error.no-tables',
  too_many_tables: 'error.too-many-tables',
  table_not_found: 'error.table-not-found',
  nobody_seated: 'error.nobody-seated',
  seated_twice: 'error.seated-twice',
  not_member: 'error.not-member',
  not_facilitator: 'error.not-facilitator',
  help_already_requested: 'error.help-already-requested',
  no_help_request: 'error.no-help-request',
  round_running: 'error.round-running',
  no_round: 'error.no-round',
  table_empty: 'error.table-empty',
  no_broadcast: 'error.no-broadcast',
  // Drafts' named versions.
  draft_not_found: 'error.draft-not-found',
};

/** The message for an error from an ack or an HTTP answer: the reason if we know it, else the code. */
export function errorKey(error: { code: string; reason?: string | undefined }): TranslationKey {
  if (error.reason && error.reason in REASON_KEYS) return REASON_KEYS[error.reason]!;
  return CODE_KEYS[error.code as ClientErrorCode] ?? 'error.unknown';
}

const REFUSAL_KEYS: Record<ConnectError, TranslationKey> = {
  unauthorized: 'refused.unauthorized',
  room_not_found: 'refused.room-not-found',
  client_too_old: 'refused.client-too-old',
  client_too_new: 'refused.client-too-new',
  unavailable: 'error.unavailable',
};

export function refusalKey(refusal: ConnectError | null): TranslationKey {
  return (refusal && REFUSAL_KEYS[refusal]) || 'refused.unauthorized';
}

const CLOSED_KEYS: Record<ClosedMessage['reason'], TranslationKey> = {
  revoked: 'closed.revoked',
  removed: 'closed.removed',
  deleted: 'closed.deleted',
};

export function closedKey(reason: ClosedMessage['reason'] | null): TranslationKey {
  return (reason && CLOSED_KEYS[reason]) || 'closed.deleted';
}

/** Every reason the server may send, so the i18n test can check each has a message. */
export const KNOWN_REASONS = Object.keys(REASON_KEYS);
