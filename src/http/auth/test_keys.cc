#include "http/auth/test_keys.h"

#include <cstdlib>

namespace proaktiv::http::auth::testing {
namespace {

RsaKey MakeKey() {
  auto key = RsaKey::Generate(2048);
  if (!key) std::abort();
  return *key;
}

}  // namespace

const RsaKey& TestKey() {
  static const RsaKey key = MakeKey();
  return key;
}

const RsaKey& OtherTestKey() {
  static const RsaKey key = MakeKey();
  return key;
}

}  // namespace proaktiv::http::auth::testing
