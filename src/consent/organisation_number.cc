#include "consent/organisation_number.h"

#include <fmt/format.h>

namespace proaktiv::consent {

Status CheckOrganisationNumber(std::string_view number) {
  const std::string shown(number.substr(0, 20));
  if (number.size() != 9) {
    return InvalidArgument(fmt::format("organisation number '{}': has {} characters, not 9 digits",
                                       shown, number.size()));
  }
  for (char c : number) {
    if (c < '0' || c > '9') {
      return InvalidArgument(fmt::format("organisation number '{}': only digits", shown));
    }
  }
  static constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (number[i] - '0') * kWeights[i];
  const int remainder = sum % 11;
  const int check = remainder == 0 ? 0 : 11 - remainder;
  if (check == 10) {
    return InvalidArgument(
        fmt::format("organisation number '{}': no check digit fits the first eight digits", shown));
  }
  if (number[8] - '0' != check) {
    return InvalidArgument(
        fmt::format("organisation number '{}': the check digit should be {}", shown, check));
  }
  return {};
}

}  // namespace proaktiv::consent
