//! Phase timings of a command, printed to stderr when `NEWSTAG_TIMINGS` is set
//! (to see where a command's time goes without a profiler; costs nothing
//! otherwise).

use std::sync::OnceLock;
use std::time::Instant;

/// Environment variable that turns the timings on.
pub const ENV: &str = "NEWSTAG_TIMINGS";

struct Clock {
    start: Instant,
    last: std::sync::Mutex<Instant>,
}

fn clock() -> Option<&'static Clock> {
    static CLOCK: OnceLock<Option<Clock>> = OnceLock::new();
    CLOCK
        .get_or_init(|| {
            std::env::var_os(ENV).filter(|v| !v.is_empty()).map(|_| {
                let now = Instant::now();
                Clock {
                    start: now,
                    last: std::sync::Mutex::new(now),
                }
            })
        })
        .as_ref()
}

/// Start the clock (call first thing, so the first phase counts from there).
pub fn start() {
    let _ = clock();
}

/// Print how long the phase just ended (`name`) took, and the time since start.
pub fn mark(name: &str) {
    let Some(c) = clock() else {
        return;
    };
    let now = Instant::now();
    let Ok(mut last) = c.last.lock() else {
        return;
    };
    eprintln!(
        "[timing] {name:<24} {:>8.1} ms  (at {:>8.1} ms)",
        (now - *last).as_secs_f64() * 1e3,
        (now - c.start).as_secs_f64() * 1e3
    );
    *last = now;
}
