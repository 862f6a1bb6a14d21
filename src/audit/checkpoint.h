#pragma once

// Signed checkpoints of the log's tree head, as signed notes in the shape of C2SP's
// tlog-checkpoint and signed-note formats:
//
//   <origin>\n                       the log's name, e.g. "proaktiv/transparency-log"
//   <tree size>\n                    decimal
//   <root hash>\n                    standard base64 of the 32-byte RFC 9162 root
//   time <unix ms>\n                 when it was signed (an extension line)
//   \n
//   — <origin> <base64(key id ‖ signature)>\n
//
// The body is the first four lines (each ending in \n); the signature is Ed25519 over the body's
// bytes; the key id is the first 4 bytes of SHA-256(origin ‖ "\n" ‖ 0x01 ‖ public key), and the
// line starts with U+2014 (em dash) and a space. Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "audit/hash.h"
#include "audit/signing_key.h"
#include "common/result.h"

namespace proaktiv::audit {

inline constexpr std::string_view kDefaultOrigin = "proaktiv/transparency-log";

struct Checkpoint {
  std::string origin;
  int64_t tree_size = 0;
  Hash root{};
  int64_t time_unix_ms = 0;

  bool operator==(const Checkpoint&) const = default;
};

// InvalidArgument when `origin` is empty or holds white space or '+'.
Status CheckOrigin(std::string_view origin);

std::string CheckpointBody(const Checkpoint& checkpoint);
std::string NoteKeyId(std::string_view origin, std::string_view public_key);  // 4 bytes
// The signed note (see above).
std::string SignCheckpoint(const Checkpoint& checkpoint, const SigningKey& key);
// The checkpoint in `note` when it carries a valid signature by `public_key` under the
// note's origin; FailedPrecondition saying what is wrong otherwise.
Result<Checkpoint> OpenCheckpoint(std::string_view note, std::string_view public_key);
// The note's signature alone (64 bytes), for publishing beside the note.
Result<std::string> NoteSignature(std::string_view note);

}  // namespace proaktiv::audit
