// Reading order for one page of segments: rows, then a two-column split when a gutter runs
// down the page (a sidebar layout), read column by column between full-width rows.
#include <algorithm>
#include <cmath>

#include "resume/extract.hpp"

namespace hg::resume::detail {
namespace {

struct Split {
  double at = 0;
  bool found = false;
};

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The x where a gutter separates two columns that run side by side, if any. A gutter is
// crossed by at most a tenth of the segments (full-width headings and rows), both sides carry
// real text (not just right-aligned dates), and both sides share most of their height.
Split find_gutter(const std::vector<Segment>& segs) {
  Split best;
  // The search is quadratic: a "page" of thousands of segments (a long text file without form
  // feeds) is read as one column.
  if (segs.size() < 8 || segs.size() > 1500) return best;
  double lo = segs[0].x0, hi = segs[0].x1, total = 0;
  for (const Segment& s : segs) {
    lo = std::min(lo, s.x0);
    hi = std::max(hi, s.x1);
    total += static_cast<double>(s.text.size());
  }
  const double width = hi - lo;
  std::size_t best_cross = segs.size();
  double best_balance = 0;
  for (const Segment& cand : segs) {
    const double at = cand.x0;
    if (at < lo + 0.15 * width || at > lo + 0.85 * width) continue;
    std::size_t cross = 0, nl = 0, nr = 0, words_r = 0;
    double cl = 0, cr = 0, ly0 = 1e18, ly1 = -1e18, ry0 = 1e18, ry1 = -1e18;
    for (const Segment& s : segs) {
      const double len = static_cast<double>(s.text.size());
      if (s.x1 <= at + 0.5) {
        ++nl, cl += len, ly0 = std::min(ly0, s.y), ly1 = std::max(ly1, s.y);
      } else if (s.x0 >= at - 0.5) {
        ++nr, cr += len, ry0 = std::min(ry0, s.y), ry1 = std::max(ry1, s.y);
        if (!has_digit(s.text)) ++words_r;
      } else {
        ++cross;
      }
    }
    if (nl < 4 || nr < 4 || words_r < 3 || cl < 0.08 * total || cr < 0.08 * total) continue;
    if (cross > std::max<std::size_t>(1, segs.size() / 10)) continue;
    const double overlap = std::min(ly1, ry1) - std::max(ly0, ry0);
    if (overlap < 0.3 * std::min(ly1 - ly0, ry1 - ry0)) continue;
    // A grid (two languages side by side, skills in cells) aligns its rows across the gap; a
    // sidebar's rows run independently of the main column's.
    std::size_t aligned = 0;
    for (const Segment& r : segs) {
      if (r.x0 < at - 0.5) continue;
      for (const Segment& l : segs) {
        if (l.x1 <= at + 0.5 && std::abs(l.y - r.y) < 0.3 * std::max(0.5, r.h)) {
          ++aligned;
          break;
        }
      }
    }
    // (Layout text has only whole rows: everything aligns there, so it says nothing.)
    // Grid cells are short and start at one x on each side; a sidebar's tags flow at many x.
    std::size_t same_x = 0;
    for (const Segment& a : segs) {
      if (a.x1 > at + 0.5) continue;
      std::size_t n = 0;
      for (const Segment& b : segs) n += b.x1 <= at + 0.5 && std::abs(a.x0 - b.x0) < 2;
      same_x = std::max(same_x, n);
    }
    if (segs.front().size > 0 && nr <= 8 && aligned * 10 > nr * 6 && cr / static_cast<double>(nr) < 30 &&
        same_x * 10 >= nl * 6) {
      continue;
    }
    const double balance = std::min(cl, cr);
    if (cross < best_cross || (cross == best_cross && balance > best_balance)) {
      best = {at, true};
      best_cross = cross;
      best_balance = balance;
    }
  }
  return best;
}

// Sorts by rows (tops within half a line height), then left to right.
void sort_rows(std::vector<Segment>& segs) {
  std::stable_sort(segs.begin(), segs.end(),
                   [](const Segment& a, const Segment& b) { return a.y < b.y; });
  std::size_t i = 0;
  while (i < segs.size()) {
    std::size_t j = i + 1;
    const double tol = std::max(0.5, 0.5 * segs[i].h);
    while (j < segs.size() && segs[j].y - segs[i].y < tol) ++j;
    std::stable_sort(segs.begin() + static_cast<std::ptrdiff_t>(i),
                     segs.begin() + static_cast<std::ptrdiff_t>(j),
                     [](const Segment& a, const Segment& b) { return a.x0 < b.x0; });
    i = j;
  }
}

// Regroups a run of segments (in row order) into blocks: a segment joins the block whose
// last segment sits on the row above, starts at the same x and has the same size and weight
// (a wrapped title in a narrow cell, a paragraph). Blocks keep the order of their first rows.
void blockify(std::vector<const Segment*>& run, std::vector<bool>& continues) {
  std::vector<std::vector<const Segment*>> blocks;
  for (const Segment* s : run) {
    std::vector<const Segment*>* home = nullptr;
    for (auto it = blocks.rbegin(); it != blocks.rend() && it - blocks.rbegin() < 8; ++it) {
      const Segment* last = it->back();
      const double h = std::max(0.5, last->h);
      const bool next_row = s->y > last->y + 0.5 * h && s->y - (last->y + last->h) < 0.6 * h;
      if (next_row && std::abs(s->x0 - last->x0) < std::max(1.0, 0.3 * h) &&
          std::abs(s->size - last->size) < 0.6 && s->bold == last->bold) {
        home = &*it;
        break;
      }
    }
    if (home) {
      home->push_back(s);
    } else {
      blocks.push_back({s});
    }
  }
  run.clear();
  continues.clear();
  for (const auto& b : blocks) {
    for (std::size_t i = 0; i < b.size(); ++i) {
      run.push_back(b[i]);
      continues.push_back(i > 0);
    }
  }
}

}  // namespace

std::vector<Line> order_page(std::vector<Segment> segs, double gap_factor) {
  sort_rows(segs);
  const Split split = find_gutter(segs);
  std::vector<const Segment*> order;
  std::vector<bool> continues;
  std::vector<int> column;
  auto emit = [&](std::vector<const Segment*>& run, int col) {
    std::vector<bool> cont(run.size(), false);
    // Without type sizes (plain text) a block cannot tell a title from the paragraph under
    // it: keep row order there.
    if (!run.empty() && run.front()->size > 0) blockify(run, cont);
    order.insert(order.end(), run.begin(), run.end());
    continues.insert(continues.end(), cont.begin(), cont.end());
    column.insert(column.end(), run.size(), col);
  };
  if (!split.found) {
    std::vector<const Segment*> all;
    for (const Segment& s : segs) all.push_back(&s);
    emit(all, 0);
  } else {
    std::vector<const Segment*> left, right;
    auto flush = [&] {
      emit(left, 0);
      emit(right, 1);
      left.clear();
      right.clear();
    };
    for (const Segment& s : segs) {
      if (s.x1 <= split.at + 0.5) {
        left.push_back(&s);
      } else if (s.x0 >= split.at - 0.5) {
        right.push_back(&s);
      } else {
        flush();
        std::vector<const Segment*> one{&s};
        emit(one, 0);
      }
    }
    flush();
  }
  std::vector<Line> lines;
  const Segment* prev = nullptr;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Segment* s = order[k];
    Line line;
    line.continues = continues[k];
    line.column = column[k];
    line.text = s->text;
    line.x = s->x0;
    line.right = s->x1;
    line.y = s->y;
    line.height = s->h;
    line.size = s->size;
    line.bold = s->bold;
    line.page = s->page;
    if (!prev) {
      line.gap_before = true;
    } else {
      const double gap = s->y - (prev->y + prev->h);
      const bool same_row = std::abs(s->y - prev->y) < 0.5 * std::max(0.5, prev->h);
      line.gap_before = !same_row && (gap > gap_factor * std::max(0.5, prev->h) || s->y < prev->y);
    }
    prev = s;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace hg::resume::detail
