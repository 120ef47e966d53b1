// Keeps the file handles of plans linked to files on disk
// (src/storage/linked_file.rs) in IndexedDB, so a link outlives a reload: a
// handle cannot go to local storage, only IndexedDB can hold one. One entry
// per plan id. Every function answers a promise that rejects when the
// browser cannot (no IndexedDB, as in some private windows, or a handle it
// cannot store); the app then says the link lasts for this visit only.
(function () {
  const DB = 'fleetplan-files';
  const STORE = 'handles';
  let opened = null;

  function open() {
    if (!opened) {
      opened = new Promise((resolve, reject) => {
        const request = indexedDB.open(DB, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      opened.catch(() => (opened = null));
    }
    return opened;
  }

  // Runs `work` on the store and settles when the transaction does.
  async function run(mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let result;
      try {
        result = work(tx.objectStore(STORE));
      } catch (error) {
        reject(error);
        return;
      }
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }

  window.fleetplanHandles = {
    keep: (id, handle) => run('readwrite', (store) => store.put(handle, id)),
    get: (id) => run('readonly', (store) => store.get(id)),
    forget: (id) => run('readwrite', (store) => store.delete(id)),
    // Drops the handles of plans not in `ids` (plans deleted).
    forgetOthers: (ids) =>
      run('readwrite', (store) => {
        const request = store.getAllKeys();
        request.onsuccess = () => {
          for (const key of request.result) if (!ids.includes(key)) store.delete(key);
        };
      }),
  };
})();
