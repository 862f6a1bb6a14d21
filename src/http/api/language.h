#pragma once

// The language of a citizen's answers: the `lang` query parameter, else the citizen's stored
// preference, else the Accept-Language header, else bokmål (docs/openapi.yaml). proaktiv
// speaks nb, nn and en; "no", "nb-NO" and "no-NO" mean bokmål, "nn-NO" nynorsk, any "en-…"
// English. Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include "http/api/api_error.h"
#include "http/message.h"

namespace proaktiv::http::api {

// True for "nb", "nn" and "en".
bool IsLanguage(std::string_view language);

// The first language of an Accept-Language header that proaktiv speaks, by quality (then
// order); nullopt when none is ("de, fr;q=0.8") or the header is empty.
std::optional<std::string> LanguageFromAcceptLanguage(std::string_view header);

// The language for `request`: see above. A `lang` parameter that is not nb, nn or en is a 400
// problem "invalid-parameter" naming it.
ApiResult<std::string> ChooseLanguage(const Request& request,
                                      const std::optional<std::string>& stored);

}  // namespace proaktiv::http::api
