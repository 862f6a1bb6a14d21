#include "http/auth/dev_issuer_page.h"

#include <fmt/format.h>

namespace proaktiv::http::auth {
namespace {

constexpr std::string_view kStyle = R"(
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
.dev{background:#8a1c00;color:#fff;padding:.75rem 1rem;font-weight:700;font-size:1.1rem}
main{max-width:40rem;margin:0 auto;padding:1rem}
ul{list-style:none;padding:0}
li{margin:.5rem 0}
button{font:inherit;padding:.6rem 1rem;border:2px solid #1a4f8a;border-radius:4px;
 background:#fff;color:#1a4f8a;cursor:pointer;width:100%;text-align:left}
button.primary{background:#1a4f8a;color:#fff;width:auto}
button:focus-visible,input:focus-visible{outline:3px solid #c45500;outline-offset:2px}
label{display:block;font-weight:600}
input{font:inherit;padding:.5rem;border:2px solid #555;border-radius:4px;width:14rem}
.error{color:#a00000;font-weight:600}
.hint{color:#444}
)";

std::string Hidden(const FormFields& hidden) {
  std::string out;
  for (const auto& [name, value] : hidden) {
    out += fmt::format(R"(<input type="hidden" name="{}" value="{}">)", HtmlEscape(name),
                       HtmlEscape(value));
    out += '\n';
  }
  return out;
}

std::string Page(std::string_view title, std::string_view body) {
  return fmt::format(R"(<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title} — {notice}</title>
<link rel="stylesheet" href="/dev-issuer.css">
</head>
<body>
<div class="dev" role="note">{notice}. Testinnlogging med syntetiske personer; ingen ekte
identitet kontrolleres. <span lang="en">Test login with synthetic persons.</span></div>
<main>
<h1>{title}</h1>
{body}
</main>
</body>
</html>
)",
                     fmt::arg("title", title), fmt::arg("notice", kDevNotice),
                     fmt::arg("body", body));
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderDevLoginPage(const std::vector<TestPerson>& persons, const FormFields& hidden,
                               const std::string& error, const std::string& typed) {
  std::string body;
  if (!persons.empty()) {
    body += R"(<form method="post" action="/authorize">
<fieldset>
<legend>Logg inn som en testperson</legend>
)";
    body += Hidden(hidden);
    body += "<ul>\n";
    for (const TestPerson& p : persons) {
      body += fmt::format(
          R"(<li><button type="submit" name="pid" value="{}">{}, født {}{}</button></li>)",
          HtmlEscape(p.pid), HtmlEscape(p.name.empty() ? "(uten navn)" : p.name),
          HtmlEscape(p.birth_date), p.note.empty() ? "" : " — " + HtmlEscape(p.note));
      body += '\n';
    }
    body += "</ul>\n</fieldset>\n</form>\n";
  }
  const bool has_error = !error.empty();
  body += R"(<form method="post" action="/authorize">
<h2>Eller skriv et fødselsnummer</h2>
)";
  body += Hidden(hidden);
  body += fmt::format(
      R"(<label for="pid">Fødselsnummer eller D-nummer (11 siffer)</label>
<p id="pid-hint" class="hint">Syntetiske testnumre (måned + 80) går også.</p>
{error}<input id="pid" name="pid" type="text" inputmode="numeric" autocomplete="off"
 pattern="[0-9]{{11}}" maxlength="11" value="{typed}" aria-describedby="pid-hint{describe}"{invalid}{focus}>
<p><button class="primary" type="submit">Logg inn</button></p>
</form>
)",
      fmt::arg("error", has_error
                            ? fmt::format(R"(<p id="pid-error" class="error" role="alert">{}</p>)",
                                          HtmlEscape(error))
                            : std::string()),
      fmt::arg("typed", HtmlEscape(typed)), fmt::arg("describe", has_error ? " pid-error" : ""),
      fmt::arg("invalid", has_error ? R"( aria-invalid="true")" : ""),
      fmt::arg("focus", has_error ? " autofocus" : ""));
  return Page("Testinnlogging", body);
}

std::string_view DevIssuerStylesheet() { return kStyle; }

std::string RenderDevErrorPage(const std::string& message) {
  return Page("Innloggingen kan ikke fortsette",
              fmt::format(R"(<p role="alert">{}</p>)", HtmlEscape(message)));
}

}  // namespace proaktiv::http::auth
