#pragma once

// FOR DEVELOPMENT ONLY — not ID-porten. The development issuer's login page: plain HTML with
// a lang attribute, a skip-free single main landmark, labelled controls, visible focus, an
// error announced with role="alert" and tied to its field. Pure function; thread-safe.

#include <string>
#include <vector>

#include "common/result.h"
#include "http/auth/dev_issuer.h"
#include "http/auth/form.h"

namespace proaktiv::http::auth {

// `hidden`: the authorization request's parameters, carried through both forms. `error`: a
// message shown at the identity-number field ("" = none). `typed`: the field's previous value.
std::string RenderDevLoginPage(const std::vector<TestPerson>& persons, const FormFields& hidden,
                               const std::string& error, const std::string& typed);
// A page for requests that cannot go back to the client (unknown client or redirect URI).
std::string RenderDevErrorPage(const std::string& message);

// The pages' stylesheet, served at /dev-issuer.css (the server's Content-Security-Policy allows
// no inline styles).
std::string_view DevIssuerStylesheet();

std::string HtmlEscape(std::string_view text);

}  // namespace proaktiv::http::auth
