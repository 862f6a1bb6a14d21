#pragma once

// Test helper: RSA keys generated once per test binary (generation takes tens of milliseconds).

#include "http/auth/rsa_key.h"

namespace proaktiv::http::auth::testing {

// Two distinct 2048-bit key pairs, made on first use.
const RsaKey& TestKey();
const RsaKey& OtherTestKey();

}  // namespace proaktiv::http::auth::testing
