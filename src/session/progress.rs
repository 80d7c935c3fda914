//! How far a background job over many items has come, and when it should end:
//! a percentage and an estimate of the time left from the rate so far (the
//! TUI's status bar shows it while a big corpus loads).

use std::time::{Duration, Instant};

/// The start of a job's progress: when, and how many items were done then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressClock {
    started: Instant,
    done_then: usize,
}

/// Progress reported at one moment: `done` of `total` items, and the time
/// left at the rate so far (`None` until the rate can be told).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobProgress {
    pub done: usize,
    pub total: usize,
    pub left: Option<Duration>,
}

/// Below this much elapsed time an estimate would be noise.
const SETTLE: Duration = Duration::from_millis(300);

impl ProgressClock {
    /// A clock started at `now`, with `done` items already done.
    pub fn start(done: usize, now: Instant) -> ProgressClock {
        ProgressClock {
            started: now,
            done_then: done,
        }
    }

    /// The progress at `now`: `done` of `total`, and the time the remaining
    /// items take at the rate since the clock started.
    pub fn at(&self, done: usize, total: usize, now: Instant) -> JobProgress {
        let elapsed = now.saturating_duration_since(self.started);
        let since = done.saturating_sub(self.done_then);
        let left = (since > 0 && elapsed >= SETTLE && done < total).then(|| {
            let per_item = elapsed.as_secs_f64() / since as f64;
            Duration::from_secs_f64(per_item * (total - done) as f64)
        });
        JobProgress { done, total, left }
    }
}

impl JobProgress {
    /// Whole percent done (100 when there is nothing to do).
    pub fn percent(&self) -> usize {
        (self.done.min(self.total) * 100)
            .checked_div(self.total)
            .unwrap_or(100)
    }

    /// `loading 2,500/10,000 issues, 25%, ~6 s left` (`what`: the verb and the
    /// items' plural), without the estimate while there is none.
    pub fn describe(&self, verb: &str, items: &str) -> String {
        let mut s = format!(
            "{verb} {}/{} {items}, {}%",
            thousands(self.done),
            thousands(self.total),
            self.percent()
        );
        if let Some(left) = self.left {
            s.push_str(&format!(", ~{} left", duration(left)));
        }
        s
    }
}

/// `12345` -> `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `0.4 s` -> `1 s`, `75 s` -> `1 min 15 s`.
fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64().ceil() as u64;
    match secs {
        0..=59 => format!("{} s", secs.max(1)),
        _ => format!("{} min {} s", secs / 60, secs % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_follow_the_rate_so_far() {
        let t0 = Instant::now();
        let clock = ProgressClock::start(0, t0);
        let p = clock.at(0, 10_000, t0);
        assert_eq!(
            p.describe("loading", "issues"),
            "loading 0/10,000 issues, 0%"
        );
        let p = clock.at(2_500, 10_000, t0 + Duration::from_secs(2));
        assert_eq!(p.left, Some(Duration::from_secs(6)));
        assert_eq!(
            p.describe("loading", "issues"),
            "loading 2,500/10,000 issues, 25%, ~6 s left"
        );
        let p = clock.at(1_000, 100_000, t0 + Duration::from_secs(1));
        assert_eq!(
            p.describe("loading", "issues"),
            "loading 1,000/100,000 issues, 1%, ~1 min 39 s left"
        );
        // Too early to tell, or done.
        assert_eq!(clock.at(10, 100, t0 + Duration::from_millis(50)).left, None);
        assert_eq!(clock.at(100, 100, t0 + Duration::from_secs(3)).left, None);
        assert_eq!(clock.at(0, 0, t0).percent(), 100);
    }
}
