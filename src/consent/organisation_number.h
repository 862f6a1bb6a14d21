#pragma once

// Norwegian organisation numbers (Enhetsregisteret): nine digits, the last a modulus-11 check
// digit over the first eight with weights 3 2 7 6 5 4 3 2 (a remainder giving 10 means the
// number was never issued). A data consumer's organisation number is its OAuth client id.
// Pure functions; thread-safe.

#include <string_view>

#include "common/result.h"

namespace proaktiv::consent {

// OK for a valid number; otherwise an error naming the field and the value ("organisation
// number '123456789': the check digit should be 5").
Status CheckOrganisationNumber(std::string_view number);

}  // namespace proaktiv::consent
