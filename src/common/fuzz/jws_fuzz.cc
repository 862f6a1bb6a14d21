// libFuzzer target for the JWS compact parser (common/jws_compact.h), the first code that reads a
// consent token, a client assertion or an ID token from outside. Each input is parsed as a token
// accepting EdDSA and RS256. Aborts when a parse succeeds with: an algorithm not accepted, an
// empty signature, or a signing input that is not the input up to its last dot.
//
// Build: CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DPROAKTIV_FUZZ=ON
//        -DPROAKTIV_BENCH=OFF && cmake --build build-fuzz --target jws_fuzz
// Run:   build-fuzz/src/common/jws_fuzz -max_total_time=60 -max_len=2048 CORPUS SEEDS
// Seeds: tests/fuzz/jws_seeds (well-formed EdDSA and RS256 tokens); scripts/fuzz.sh passes them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/jws_compact.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  static constexpr std::array<std::string_view, 2> kAccepted = {"EdDSA", "RS256"};
  auto jws = proaktiv::ParseCompactJws(token, kAccepted);
  if (!jws) return 0;
  if (jws->alg != "EdDSA" && jws->alg != "RS256") std::abort();
  if (jws->signature.empty()) std::abort();
  if (jws->signing_input != token.substr(0, token.rfind('.'))) std::abort();
  return 0;
}
