// Prints the catalogue as JSON on stdout.
#include <cstdio>

#include "catalogue.hpp"

int main() {
  std::puts(alab::catalogue_json().c_str());
  return 0;
}
