#pragma once

// The contact register (shaped like Digdir's KRR lookup, see freg_feed_example.json
// "krr_lookup_example"): one JSON line per person aged 15 or more. About 5 % are reserved
// against digital contact (reservasjon "JA"); e-mail and mobile carry the date they were last
// confirmed, about a fifth older than 18 months; about 60 % have a digital mailbox (Digipost
// or e-Boks); language nb, nn (far more common in Vestland and Møre og Romsdal) or en.
// Deterministic for (seed, person). Stateless; safe from any thread.

#include <cstdint>
#include <string>

#include "common/civil_date.h"
#include "synth/population.h"

namespace proaktiv::synth {

// The KRR record of `p` as of `reference`, ending in '\n'; empty when the person is younger
// than 15 or has no identity number.
std::string ContactLine(const SynthPerson& p, uint64_t seed, CivilDate reference);

}  // namespace proaktiv::synth
