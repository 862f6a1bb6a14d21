#pragma once

// The authentication routes (docs/openapi.yaml):
//   GET  /auth/login?return_to=/path   login        302 to the issuer (code flow, PKCE S256)
//   GET  /auth/callback?code&state     loginCallback  session cookie, 302 to return_to;
//                                                   400 "login-failed" naming the failed step
//   POST /auth/logout                  logout       204, the session ended, the cookie cleared
//   POST /auth/staff-session {api_key} staffSession  204 with a staff session cookie, or 401
//   GET  /api/v1/session               getSession   {kind, name, language, kommuner, csrf_token}
// return_to must be a local path ("/…", not "//…"), else "/". Problems never contain a code,
// token, key or identity number. Responses that set or clear cookies are not cacheable.
//
// `auth` must outlive the router; set its language resolver (if any) before calling this, as
// getSession then runs on the blocking pool. Handlers are thread-safe.

#include "http/auth/auth_service.h"
#include "http/router.h"

namespace proaktiv::http::auth {

void RegisterAuthRoutes(Router& router, AuthService& auth);

}  // namespace proaktiv::http::auth
