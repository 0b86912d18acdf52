#pragma once
// Where Doorstep keeps its files on this workstation (XDG base directories).
#include <filesystem>

namespace doorstep::app {

std::filesystem::path dataDirectory();     // $XDG_DATA_HOME/doorstep or ~/.local/share/doorstep
std::filesystem::path logDirectory();      // <data>/logs
std::filesystem::path demoDatabasePath();  // <data>/demo/demo-branch.db

}  // namespace doorstep::app
