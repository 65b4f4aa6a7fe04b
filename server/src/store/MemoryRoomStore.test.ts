import { MemoryRoomDatabase } from './MemoryRoomDatabase.ts';
import { MemoryRoomStore } from './MemoryRoomStore.ts';
import { describeRoomStoreContract } from './roomStore.contract.ts';

// Handles share one MemoryRoomDatabase, the in-process stand-in for "several nodes, one Redis".
describeRoomStoreContract('MemoryRoomStore', async (options) => {
  const database = new MemoryRoomDatabase();
  const stores = [new MemoryRoomStore({ ...options, database })];
  return {
    store: stores[0]!,
    openSecond: async () => {
      const second = new MemoryRoomStore({ ...options, database });
      stores.push(second);
      return second;
    },
    cleanup: async () => {
      await Promise.all(stores.map((s) => s.close()));
    },
  };
});
