#include "cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace xxgk::cli {

ProgressBar::ProgressBar(size_t total, bool wanted)
    : total_(total), enabled_(wanted && total > kMinimumFiles && ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() { hide(); }

void ProgressBar::show(size_t done) {
  if (!enabled_) return;
  constexpr size_t kWidth = 30;
  size_t filled = total_ == 0 ? kWidth : done * kWidth / total_;
  std::string bar = "\r检查中 (checking) [" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] " +
                    std::to_string(done) + "/" + std::to_string(total_);
  std::fputs(bar.c_str(), stderr);
  std::fflush(stderr);
  visible_ = true;
}

void ProgressBar::hide() {
  if (!visible_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  visible_ = false;
}

}  // namespace xxgk::cli
