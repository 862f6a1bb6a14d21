#pragma once

// An SQLite VFS that turns SQLite's many small file operations in WAL mode into few large ones:
// - SQLite appends each WAL frame as two writes (a 24-byte header, then the page), so a
//   transaction that changes 20 000 pages costs 40 000 write system calls. Appends to the WAL
//   are gathered into 64 kB writes.
// - A checkpoint reads each committed frame from the WAL with one system call. It reads frames
//   in the order they were written, so consecutive reads are served from 64 kB read ahead.
// Every other file (database, journals, temporary files) and operation goes straight to the
// default VFS; a checkpoint's writes to the database are not gathered (see Combines()).
//
// Contract, so that durability and other connections are unaffected:
// - Pending WAL bytes reach the file before any read, sync, truncate, size query, lock, file
//   control or close of that file, before a write that does not continue them, and right after
//   the last frame of a commit (a frame whose header records the database size) — so a committed
//   transaction is in the file before SQLite publishes it, whatever the `synchronous` setting.
// - A failed write of pending bytes is returned by every later operation on that file until a
//   write or sync reports it, so the transaction it belongs to fails; the next one starts clean.
// - Read-ahead data serves only reads made by the checkpoint that read it (frames a checkpoint
//   copies are committed and immutable while it runs), and is dropped when it ends.

namespace proaktiv::store::sqlite {

// Registers the VFS on first use (thread-safe) and returns its name for sqlite3_open_v2.
const char* WalWriteCombiningVfs();

}  // namespace proaktiv::store::sqlite
