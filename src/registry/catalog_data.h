#pragma once

// Reference data compiled into the binary from data/*.csv (see data/README.md).

#include <string_view>

namespace proaktiv::registry {

// The text of data/kommuner.csv and data/freg_hendelsestyper.csv, header line included.
extern const std::string_view kKommunerCsv;
extern const std::string_view kHendelsestyperCsv;

}  // namespace proaktiv::registry
