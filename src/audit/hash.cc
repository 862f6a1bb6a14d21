#include "audit/hash.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

#include <fmt/format.h>

#include "common/base64.h"

namespace proaktiv::audit {

void EnsureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no usable random source: nothing is safe to do
  });
}

namespace {

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Hash Sha256(std::string_view bytes) {
  Hash out;
  crypto_hash_sha256(out.data(), Bytes(bytes), bytes.size());
  return out;
}

Hash Sha256(std::string_view a, std::string_view b) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, Bytes(a), a.size());
  crypto_hash_sha256_update(&state, Bytes(b), b.size());
  Hash out;
  crypto_hash_sha256_final(&state, out.data());
  return out;
}

Hash LeafHash(std::string_view leaf_data) {
  static constexpr char kPrefix[1] = {0x00};
  return Sha256(std::string_view(kPrefix, 1), leaf_data);
}

Hash NodeHash(const Hash& left, const Hash& right) {
  unsigned char buffer[65];
  buffer[0] = 0x01;
  std::copy(left.begin(), left.end(), buffer + 1);
  std::copy(right.begin(), right.end(), buffer + 33);
  Hash out;
  crypto_hash_sha256(out.data(), buffer, sizeof buffer);
  return out;
}

std::string_view AsBytes(const Hash& hash) {
  return std::string_view(reinterpret_cast<const char*>(hash.data()), hash.size());
}

Result<Hash> HashFromBytes(std::string_view bytes, std::string_view what) {
  if (bytes.size() != 32) {
    return DataLoss(fmt::format("{} is {} bytes long, not 32", what, bytes.size()));
  }
  Hash out;
  std::copy(bytes.begin(), bytes.end(), out.begin());
  return out;
}

std::string Base64(std::string_view bytes) { return Base64Encode(bytes); }

Result<std::string> FromBase64(std::string_view text, std::string_view what) {
  auto bytes = Base64Decode(text);
  if (!bytes) {
    return InvalidArgument(
        fmt::format("{} is not standard base64: {}", what, bytes.error().message));
  }
  return bytes;
}

std::string Hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), Bytes(bytes), bytes.size());
  out.resize(bytes.size() * 2);
  return out;
}

std::string RandomBytes(size_t count) {
  EnsureSodium();
  std::string out(count, '\0');
  randombytes_buf(out.data(), count);
  return out;
}

}  // namespace proaktiv::audit
