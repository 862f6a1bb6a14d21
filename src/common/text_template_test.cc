#include "common/text_template.h"

#include <gtest/gtest.h>

namespace proaktiv::engine {
namespace {

TEST(TextTemplate, PlaceholdersAndRendering) {
  auto names = Placeholders("Hei {recipient_name}! {{literal}} {child_name}.");
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, (std::vector<std::string>{"recipient_name", "child_name"}));
  auto text = RenderTemplate("Hei {a}! {{x}} {b}.", {{"a", "Kari"}, {"b", "Ola"}});
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "Hei Kari! {x} Ola.");
}

TEST(TextTemplate, Errors) {
  EXPECT_FALSE(Placeholders("Hei {navn"));
  EXPECT_FALSE(Placeholders("Hei {}"));
  EXPECT_FALSE(Placeholders("Hei {to ord}"));
  EXPECT_FALSE(Placeholders("Hei }"));
  auto missing = RenderTemplate("Hei {a}", {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "no value for placeholder '{a}'");
}

}  // namespace
}  // namespace proaktiv::engine
