// The engaged-hour simulation runs the background logic in Node, on an in-memory IndexedDB.
import 'fake-indexeddb/auto';
