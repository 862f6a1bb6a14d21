#pragma once

// Conversions between TCK test-file values (tck_file.h) and FEEL values, and the comparison
// the TCK runner uses to decide whether a result matches its expected value.
//
// XML Schema types map to FEEL: decimal/double/integer → number, string → string, boolean →
// boolean, date → date, time → time, dateTime → date and time, duration → years and months
// duration when it has only Y/M parts, else days and time duration; components → context;
// list → list; nil → null. Stateless and thread-safe.

#include <string>

#include "dmn/tck_file.h"
#include "feel/value.h"

namespace proaktiv::dmn {

// The FEEL value of a TCK value; a simple value that does not parse as its xsi:type becomes a
// string (so that the comparison reports it).
feel::Value TckToFeel(const TckValue& value);

// True when `actual` matches `expected`; otherwise `*why` says where they differ. Numbers agree
// when equal, within a relative 1e-12 (TCK expectations were often computed in binary floating
// point), or — for an expectation written with at least 8 significant digits — when the actual
// value rounded to the expectation's number of decimals equals it (the TCK writes exp(4) as
// 54.59815003). Strings compare exactly, temporal values by FEEL equality, contexts by their
// keys and lists item by item.
bool TckMatches(const TckValue& expected, const feel::Value& actual, std::string* why);

}  // namespace proaktiv::dmn
