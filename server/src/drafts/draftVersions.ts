import { DRAFT_LIMITS, RoomError, draftKey, tableById, type DraftRef, type DraftVersionInfo } from '@dr/shared';
import { assertWellFormedUpdate } from './yMessages.ts';
import type { RoomRegistry } from '../rooms/RoomRegistry.ts';
import { newId } from '../security/secrets.ts';
import type { DocStore, DocVersion } from '../store/DocStore.ts';
import { mergeStored } from './DocHost.ts';

/**
 * Named versions of drafts. A version is the encoded state of the document at that
 * moment, not a `Y.snapshot`: those need garbage collection off, which compaction needs on.
 * Null answers mean "no such room or table".
 */
export class DraftVersions {
  constructor(
    private readonly docs: DocStore,
    private readonly rooms: RoomRegistry,
  ) {}

  /**
   * Saves the stored document merged with `clientState` (the saving moderator's copy, which
   * may hold keystrokes still on their way). Throws `RoomError('invalid')` for a state
   * that is not a well-formed Yjs update.
   */
  async save(roomId: string, draft: DraftRef, name: string, clientState?: Uint8Array): Promise<DraftVersionInfo | null> {
    if (!(await this.exists(roomId, draft))) return null;
    const stored = await this.docs.load(roomId, draftKey(draft));
    if (clientState) {
      try {
        assertWellFormedUpdate(clientState);
      } catch {
        throw new RoomError('invalid', 'state is not a Yjs update');
      }
    }
    const state = mergeStored(clientState ? { ...stored, updates: [...stored.updates, clientState] } : stored);
    const version: DocVersion = { id: newId('v'), name, createdAt: Date.now(), bytes: state.byteLength, state };
    await this.docs.saveVersion(roomId, draftKey(draft), version, DRAFT_LIMITS.MAX_VERSIONS);
    const { state: _, ...info } = version;
    return info;
  }

  async list(roomId: string, draft: DraftRef): Promise<DraftVersionInfo[] | null> {
    if (!(await this.exists(roomId, draft))) return null;
    return this.docs.listVersions(roomId, draftKey(draft));
  }

  async get(roomId: string, draft: DraftRef, versionId: string): Promise<DocVersion | null> {
    if (!(await this.exists(roomId, draft))) return null;
    return this.docs.getVersion(roomId, draftKey(draft), versionId);
  }

  private async exists(roomId: string, draft: DraftRef): Promise<boolean> {
    const found = await this.rooms.with(roomId, async (host) => draft.kind === 'plenary' || tableById(host.current().state, draft.tableId) !== undefined);
    return found === true;
  }
}
