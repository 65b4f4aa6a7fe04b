/** Who sends a command, as established by the server at connect time. */
export type Actor =
  | { role: 'moderator' }
  | { role: 'display' }
  | { role: 'participant'; participantId: string }
  /** A helper holding a table's facilitator link: runs that table's floor, is not a member. */
  | { role: 'facilitator'; tableId: string };

/** Time and id generation come in from outside, so the domain stays pure and replayable. */
export interface DecideContext {
  now: number;
  newId: (prefix: string) => string;
  /** A number in [0, 1), for random seating. */
  random?: () => number;
  /** Participants connected now, for go-rounds that skip absentees; absent = everyone present. */
  online?: OnlineView;
}

/** Who is connected: only membership is asked, so the server can pass its live tracker. */
export interface OnlineView {
  has(participantId: string): boolean;
}
