// The progress bar on stderr for long runs. Shown only on a terminal, so logs and pipes never see it.
#pragma once

#include <cstddef>

namespace xxgk::cli {

class ProgressBar {
 public:
  // More files than this make a run long enough to show progress.
  static constexpr size_t kMinimumFiles = 20;

  // Enabled when `wanted`, stderr is a terminal and `total` exceeds kMinimumFiles.
  ProgressBar(size_t total, bool wanted);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Draws the bar for `done` of `total` files.
  void show(size_t done);
  // Erases the bar, before anything else is written to the terminal.
  void hide();

 private:
  size_t total_;
  bool enabled_;
  bool visible_ = false;
};

}  // namespace xxgk::cli
