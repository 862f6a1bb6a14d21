#include "store/sqlite/wal_write_combiner.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

namespace proaktiv::store::sqlite {
namespace {

constexpr char kVfsName[] = "proaktiv-combining";
// The default VFS writes at most 128 kB per call (it masks larger sizes), so stay below that.
constexpr int64_t kBufferBytes = 64 << 10;
constexpr int kWalHeaderBytes = 32;
constexpr int kFrameHeaderBytes = 24;

enum class Kind { kWal, kDatabase };

// A WAL or main database file opened through this VFS. The default VFS's own file object
// follows it in the same allocation (SQLite allocates szOsFile bytes per file).
struct CombiningFile {
  sqlite3_file base;  // must be first: SQLite sees this
  sqlite3_file* real;
  Kind kind;
  char* buffer;            // kBufferBytes, allocated on first use
  int64_t buffer_offset;   // file offset of buffer[0]
  int64_t buffered;        // bytes of pending writes in buffer
  bool commit_frame_open;  // WAL: the header of a commit frame was buffered; its page is next
  int failed;              // a failed flush's error, returned until a write or sync takes it
  bool in_checkpoint;      // database: between SQLITE_FCNTL_CKPT_START and _DONE
  // WAL read-ahead for a checkpoint (which reads committed frames in ascending order): bytes
  // [ahead_offset, ahead_offset + ahead_size) of the file, valid while ahead_generation equals
  // this thread's checkpoint generation.
  char* ahead;
  int64_t ahead_offset;
  int64_t ahead_size;
  uint64_t ahead_generation;
  // Where the checkpoint's previous read ended, and the file's size when it started reading:
  // reading ahead only pays when the reads follow each other.
  int64_t last_read_end;
  int64_t size_at_start;
  uint64_t reads_generation;
};

// Checkpoints running on this thread, and a counter that changes whenever one starts or ends,
// so that read-ahead data never outlives the checkpoint that read it.
thread_local int checkpoints_running = 0;
thread_local uint64_t checkpoint_generation = 1;

constexpr size_t RealFileOffset() {
  return (sizeof(CombiningFile) + alignof(std::max_align_t) - 1) / alignof(std::max_align_t) *
         alignof(std::max_align_t);
}

sqlite3_vfs* Real(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }
CombiningFile* Cast(sqlite3_file* file) { return reinterpret_cast<CombiningFile*>(file); }
const sqlite3_io_methods* RealMethods(CombiningFile* f) { return f->real->pMethods; }

// Writes the pending bytes. A failure is kept: SQLite ignores the result of some calls that
// flush (file-control hints), so the error is returned again by every later operation until a
// write or sync reports it (SQLite checks those, and fails the transaction the bytes belonged
// to — they cannot belong to a committed one: a commit's last frame is flushed by its write).
int Flush(CombiningFile* f) {
  if (f->failed != SQLITE_OK) return f->failed;
  if (f->buffered == 0) return SQLITE_OK;
  int64_t size = f->buffered;
  f->buffered = 0;
  f->failed = RealMethods(f)->xWrite(f->real, f->buffer, static_cast<int>(size), f->buffer_offset);
  return f->failed;
}

// Calls the default VFS's method in slot `kMethod` of the method table.
template <auto kMethod, typename... Args>
auto Forward(sqlite3_file* file, Args... args) {
  CombiningFile* f = Cast(file);
  return (RealMethods(f)->*kMethod)(f->real, args...);
}

// The same, once pending writes are in the file.
template <auto kMethod, typename... Args>
int FlushThenForward(sqlite3_file* file, Args... args) {
  if (int rc = Flush(Cast(file)); rc != SQLITE_OK) return rc;
  return Forward<kMethod>(file, args...);
}

// True when `data` is a WAL frame header whose "database size after commit" field is set.
bool IsCommitFrameHeader(const void* data, int amount, sqlite3_int64 offset) {
  if (amount != kFrameHeaderBytes || offset < kWalHeaderBytes) return false;
  const auto* bytes = static_cast<const unsigned char*>(data);
  return (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
}

// Only the WAL's writes are gathered. A checkpoint's writes to the database are not: SQLite
// ignores the result of SQLITE_FCNTL_CKPT_DONE and, in a partial checkpoint, records the pages
// as copied without another call that could report a failed flush.
bool Combines(const CombiningFile* f) { return f->kind == Kind::kWal; }

// For calls whose result SQLite checks: a kept failure, or the flush's own, is reported here
// and then forgotten.
int TakeFailure(CombiningFile* f) { return std::exchange(f->failed, SQLITE_OK); }
int FlushAndTake(CombiningFile* f) {
  Flush(f);
  return TakeFailure(f);
}

int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  CombiningFile* f = Cast(file);
  if (int rc = TakeFailure(f); rc != SQLITE_OK) return rc;
  f->ahead_generation = 0;  // this process changed the file: drop read-ahead data
  bool continues = f->buffered > 0 && offset == f->buffer_offset + f->buffered;
  if (!continues || f->buffered + amount > kBufferBytes) {
    if (int rc = FlushAndTake(f); rc != SQLITE_OK) return rc;
  }
  if (!Combines(f) || amount > kBufferBytes) {
    return RealMethods(f)->xWrite(f->real, data, amount, offset);
  }
  if (f->buffer == nullptr) {
    f->buffer = static_cast<char*>(sqlite3_malloc64(kBufferBytes));
    if (f->buffer == nullptr) return RealMethods(f)->xWrite(f->real, data, amount, offset);
  }
  if (f->buffered == 0) f->buffer_offset = offset;
  std::memcpy(f->buffer + f->buffered, data, static_cast<size_t>(amount));
  f->buffered += amount;
  if (f->kind != Kind::kWal) return SQLITE_OK;
  if (IsCommitFrameHeader(data, amount, offset)) {
    f->commit_frame_open = true;
  } else if (f->commit_frame_open) {
    f->commit_frame_open = false;  // the commit frame's page: the transaction is complete
    return FlushAndTake(f);
  }
  return SQLITE_OK;
}

int Close(sqlite3_file* file) {
  CombiningFile* f = Cast(file);
  int flushed = Flush(f);
  sqlite3_free(f->buffer);
  sqlite3_free(f->ahead);
  f->buffer = nullptr;
  f->ahead = nullptr;
  int closed = RealMethods(f)->xClose(f->real);
  return flushed != SQLITE_OK ? flushed : closed;
}

// Serves a checkpoint's read of a WAL frame from read-ahead data. When a read continues the
// previous one (the next frame: one frame header further on), refills the data with one read of
// kBufferBytes; a checkpoint of a few scattered pages reads them one by one. Returns
// SQLITE_NOTFOUND when read-ahead does not apply.
int ReadAhead(CombiningFile* f, void* out, int amount, sqlite3_int64 offset) {
  if (f->kind != Kind::kWal || checkpoints_running == 0 || amount > kBufferBytes) {
    return SQLITE_NOTFOUND;
  }
  bool valid = f->ahead_generation == checkpoint_generation;
  if (!valid || offset < f->ahead_offset || offset + amount > f->ahead_offset + f->ahead_size) {
    bool first_read = f->reads_generation != checkpoint_generation;
    bool continues =
        !first_read && offset >= f->last_read_end && offset <= f->last_read_end + kFrameHeaderBytes;
    f->reads_generation = checkpoint_generation;
    f->last_read_end = offset + amount;
    if (first_read) {
      sqlite3_int64 file_size = 0;
      if (int rc = RealMethods(f)->xFileSize(f->real, &file_size); rc != SQLITE_OK) return rc;
      f->size_at_start = file_size;
    }
    if (!continues || offset + amount > f->size_at_start) return SQLITE_NOTFOUND;
    if (f->ahead == nullptr) {
      f->ahead = static_cast<char*>(sqlite3_malloc64(kBufferBytes));
      if (f->ahead == nullptr) return SQLITE_NOTFOUND;
    }
    int64_t size = std::min<int64_t>(kBufferBytes, f->size_at_start - offset);
    f->ahead_generation = 0;
    if (int rc = RealMethods(f)->xRead(f->real, f->ahead, static_cast<int>(size), offset);
        rc != SQLITE_OK) {
      return rc;
    }
    f->ahead_offset = offset;
    f->ahead_size = size;
    f->ahead_generation = checkpoint_generation;
  }
  f->last_read_end = offset + amount;
  std::memcpy(out, f->ahead + (offset - f->ahead_offset), static_cast<size_t>(amount));
  return SQLITE_OK;
}

int Read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  CombiningFile* f = Cast(file);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  if (int rc = ReadAhead(f, out, amount, offset); rc != SQLITE_NOTFOUND) return rc;
  return RealMethods(f)->xRead(f->real, out, amount, offset);
}

int Truncate(sqlite3_file* file, sqlite3_int64 size) {
  CombiningFile* f = Cast(file);
  f->ahead_generation = 0;
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  return RealMethods(f)->xTruncate(f->real, size);
}

int Sync(sqlite3_file* file, int flags) {
  CombiningFile* f = Cast(file);
  if (int rc = FlushAndTake(f); rc != SQLITE_OK) return rc;
  return RealMethods(f)->xSync(f->real, flags);
}

int FileControl(sqlite3_file* file, int op, void* arg) {
  CombiningFile* f = Cast(file);
  if (int rc = Flush(f); rc != SQLITE_OK) return rc;
  if (f->kind == Kind::kDatabase && op == SQLITE_FCNTL_CKPT_START && !f->in_checkpoint) {
    f->in_checkpoint = true;
    ++checkpoints_running;
    ++checkpoint_generation;
  } else if (f->kind == Kind::kDatabase && op == SQLITE_FCNTL_CKPT_DONE && f->in_checkpoint) {
    f->in_checkpoint = false;
    --checkpoints_running;
    ++checkpoint_generation;
  }
  return RealMethods(f)->xFileControl(f->real, op, arg);
}

// Only the WAL holds pending writes; shared memory and memory-mapped reads belong to the
// database file and are forwarded as they are.
using M = sqlite3_io_methods;
const sqlite3_io_methods kCombiningMethods = {
    3,
    Close,
    Read,
    Write,
    Truncate,
    Sync,
    FlushThenForward<&M::xFileSize, sqlite3_int64*>,
    FlushThenForward<&M::xLock, int>,
    FlushThenForward<&M::xUnlock, int>,
    Forward<&M::xCheckReservedLock, int*>,
    FileControl,
    Forward<&M::xSectorSize>,
    Forward<&M::xDeviceCharacteristics>,
    Forward<&M::xShmMap, int, int, int, void volatile**>,
    Forward<&M::xShmLock, int, int, int>,
    Forward<&M::xShmBarrier>,
    Forward<&M::xShmUnmap, int>,
    Forward<&M::xFetch, sqlite3_int64, int, void**>,
    Forward<&M::xUnfetch, sqlite3_int64, void*>,
};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  sqlite3_vfs* real = Real(vfs);
  if ((flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_DB)) == 0) {
    return real->xOpen(real, name, file, flags, out_flags);
  }
  CombiningFile* f = Cast(file);
  f->kind = (flags & SQLITE_OPEN_WAL) != 0 ? Kind::kWal : Kind::kDatabase;
  f->in_checkpoint = false;
  f->ahead = nullptr;
  f->ahead_offset = 0;
  f->ahead_size = 0;
  f->ahead_generation = 0;
  f->last_read_end = 0;
  f->size_at_start = 0;
  f->reads_generation = 0;
  f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + RealFileOffset());
  f->buffer = nullptr;
  f->buffer_offset = 0;
  f->buffered = 0;
  f->commit_frame_open = false;
  f->failed = SQLITE_OK;
  f->base.pMethods = nullptr;
  int rc = real->xOpen(real, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (f->real->pMethods != nullptr) f->real->pMethods->xClose(f->real);
    return rc;
  }
  f->base.pMethods = &kCombiningMethods;
  return SQLITE_OK;
}

int Delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  return Real(vfs)->xDelete(Real(vfs), name, sync_dir);
}
int Access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  return Real(vfs)->xAccess(Real(vfs), name, flags, out);
}
int FullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return Real(vfs)->xFullPathname(Real(vfs), name, size, out);
}
void* DlOpen(sqlite3_vfs* vfs, const char* path) { return Real(vfs)->xDlOpen(Real(vfs), path); }
void DlError(sqlite3_vfs* vfs, int size, char* out) { Real(vfs)->xDlError(Real(vfs), size, out); }
void (*DlSym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
  return Real(vfs)->xDlSym(Real(vfs), handle, symbol);
}
void DlClose(sqlite3_vfs* vfs, void* handle) { Real(vfs)->xDlClose(Real(vfs), handle); }
int Randomness(sqlite3_vfs* vfs, int size, char* out) {
  return Real(vfs)->xRandomness(Real(vfs), size, out);
}
int Sleep(sqlite3_vfs* vfs, int microseconds) { return Real(vfs)->xSleep(Real(vfs), microseconds); }
int CurrentTime(sqlite3_vfs* vfs, double* out) { return Real(vfs)->xCurrentTime(Real(vfs), out); }
int GetLastError(sqlite3_vfs* vfs, int size, char* out) {
  return Real(vfs)->xGetLastError(Real(vfs), size, out);
}
int CurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* out) {
  return Real(vfs)->xCurrentTimeInt64(Real(vfs), out);
}

sqlite3_vfs* Register() {
  static sqlite3_vfs vfs;
  sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
  if (real == nullptr || real->iVersion < 2) return real;
  vfs.iVersion = 2;
  vfs.szOsFile = static_cast<int>(RealFileOffset()) + real->szOsFile;
  vfs.mxPathname = real->mxPathname;
  vfs.zName = kVfsName;
  vfs.pAppData = real;
  vfs.xOpen = Open;
  vfs.xDelete = Delete;
  vfs.xAccess = Access;
  vfs.xFullPathname = FullPathname;
  vfs.xDlOpen = DlOpen;
  vfs.xDlError = DlError;
  vfs.xDlSym = DlSym;
  vfs.xDlClose = DlClose;
  vfs.xRandomness = Randomness;
  vfs.xSleep = Sleep;
  vfs.xCurrentTime = CurrentTime;
  vfs.xGetLastError = GetLastError;
  vfs.xCurrentTimeInt64 = CurrentTimeInt64;
  if (sqlite3_vfs_register(&vfs, /*makeDflt=*/0) != SQLITE_OK) return real;
  return &vfs;
}

}  // namespace

const char* WalWriteCombiningVfs() {
  static sqlite3_vfs* registered = Register();
  return registered == nullptr ? nullptr : registered->zName;
}

}  // namespace proaktiv::store::sqlite
