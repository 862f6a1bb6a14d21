#include "audit/checkpoint.h"

#include <charconv>
#include <vector>

#include <fmt/format.h>

namespace proaktiv::audit {
namespace {

constexpr std::string_view kDash = "\xE2\x80\x94 ";  // U+2014 and a space

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      out.push_back(text);
      break;
    }
    out.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return out;
}

bool ParseInt(std::string_view text, int64_t& out) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out >= 0;
}

struct SplitNote {
  std::string_view body;
  std::string_view name;
  std::string signature_blob;  // key id ‖ signature
};

Result<SplitNote> Split(std::string_view note) {
  const size_t gap = note.find("\n\n");
  if (gap == std::string_view::npos) return FailedPrecondition("note has no signature block");
  SplitNote out;
  out.body = note.substr(0, gap + 1);
  std::string_view line = note.substr(gap + 2);
  if (line.empty() || line.back() != '\n') return FailedPrecondition("note does not end in \\n");
  line.remove_suffix(1);
  if (line.substr(0, kDash.size()) != kDash) {
    return FailedPrecondition("note's signature line does not start with an em dash");
  }
  line.remove_prefix(kDash.size());
  const size_t space = line.find(' ');
  if (space == std::string_view::npos) return FailedPrecondition("note's signature line is bad");
  out.name = line.substr(0, space);
  auto blob = FromBase64(line.substr(space + 1), "note signature");
  if (!blob || blob->size() != 4 + 64) return FailedPrecondition("note's signature is bad");
  out.signature_blob = std::move(*blob);
  return out;
}

}  // namespace

Status CheckOrigin(std::string_view origin) {
  if (origin.empty()) return InvalidArgument("checkpoint origin is empty");
  for (char c : origin) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '+') {
      return InvalidArgument(
          fmt::format("checkpoint origin '{}' holds white space or '+'", origin));
    }
  }
  return {};
}

std::string CheckpointBody(const Checkpoint& c) {
  return fmt::format("{}\n{}\n{}\ntime {}\n", c.origin, c.tree_size, Base64(c.root),
                     c.time_unix_ms);
}

std::string NoteKeyId(std::string_view origin, std::string_view public_key) {
  std::string material(origin);
  material += '\n';
  material += '\x01';
  material += public_key;
  Hash h = Sha256(material);
  return std::string(AsBytes(h).substr(0, 4));
}

std::string SignCheckpoint(const Checkpoint& c, const SigningKey& key) {
  const std::string body = CheckpointBody(c);
  const std::string blob = NoteKeyId(c.origin, key.public_key()) + key.Sign(body);
  return fmt::format("{}\n{}{} {}\n", body, kDash, c.origin, Base64(blob));
}

Result<std::string> NoteSignature(std::string_view note) {
  PROAKTIV_ASSIGN_OR_RETURN(SplitNote split, Split(note));
  return split.signature_blob.substr(4);
}

Result<Checkpoint> OpenCheckpoint(std::string_view note, std::string_view public_key) {
  PROAKTIV_ASSIGN_OR_RETURN(SplitNote split, Split(note));
  const std::vector<std::string_view> lines = Lines(split.body);
  if (lines.size() != 4) {
    return FailedPrecondition(fmt::format("checkpoint body has {} lines, not 4", lines.size()));
  }
  Checkpoint c;
  c.origin = std::string(lines[0]);
  if (split.name != c.origin) {
    return FailedPrecondition("checkpoint is signed under another name than its origin");
  }
  if (split.signature_blob.substr(0, 4) != NoteKeyId(c.origin, public_key)) {
    return FailedPrecondition("checkpoint is signed by another key");
  }
  if (!VerifySignature(public_key, split.body, split.signature_blob.substr(4))) {
    return FailedPrecondition("checkpoint signature is not valid");
  }
  if (!ParseInt(lines[1], c.tree_size)) return FailedPrecondition("checkpoint size is bad");
  auto root = FromBase64(lines[2], "checkpoint root");
  if (!root || root->size() != 32) return FailedPrecondition("checkpoint root is bad");
  std::copy(root->begin(), root->end(), c.root.begin());
  if (lines[3].substr(0, 5) != "time " || !ParseInt(lines[3].substr(5), c.time_unix_ms)) {
    return FailedPrecondition("checkpoint time line is bad");
  }
  return c;
}

}  // namespace proaktiv::audit
