// Prints the catalogue as JSON on stdout.
#include <cstdio>

#include "core/catalogue.hpp"

int main() {
  std::puts(alab::catalogue_json().c_str());
  return 0;
}
