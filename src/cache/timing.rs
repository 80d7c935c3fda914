//! Phase timings of a command, printed to stderr when `NEWSTAG_TIMINGS` is set
//! (to see where a command's time goes without a profiler; costs nothing
//! otherwise). Each phase is given in time on the clock and in CPU time of
//! the whole process (every thread) since the mark before it, on any thread,
//! and both as totals since start: on a shared machine the clock grows with
//! the load, CPU time much less. Where threads work at once (the TUI's loader,
//! indexer and scorer) a phase's CPU is what all of them spent in its span, not
//! its own: subtract the totals of two marks to read any span.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Environment variable that turns the timings on.
pub const ENV: &str = "NEWSTAG_TIMINGS";

struct Clock {
    start: Instant,
    /// When the last phase ended, and the process's CPU time then.
    last: std::sync::Mutex<(Instant, Duration)>,
}

fn clock() -> Option<&'static Clock> {
    static CLOCK: OnceLock<Option<Clock>> = OnceLock::new();
    CLOCK
        .get_or_init(|| {
            std::env::var_os(ENV).filter(|v| !v.is_empty()).map(|_| {
                let now = Instant::now();
                Clock {
                    start: now,
                    last: std::sync::Mutex::new((now, cpu_time())),
                }
            })
        })
        .as_ref()
}

/// CPU time of the whole process (every thread) so far; zero where the
/// system does not say.
#[cfg(unix)]
pub fn cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to write.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0;
    match ok {
        true => Duration::new(t.tv_sec as u64, t.tv_nsec as u32),
        false => Duration::ZERO,
    }
}

/// CPU time of the whole process so far: not read on this system.
#[cfg(not(unix))]
pub fn cpu_time() -> Duration {
    Duration::ZERO
}

/// True when `NEWSTAG_TIMINGS` is set: callers skip what they measure only
/// for the timings.
pub fn enabled() -> bool {
    clock().is_some()
}

/// Start the clock (call first thing, so the first phase counts from there).
pub fn start() {
    let _ = clock();
}

/// Print how long the phase just ended (`name`) took on the clock, the time
/// since start, and the CPU time the process spent meanwhile.
pub fn mark(name: &str) {
    let Some(c) = clock() else {
        return;
    };
    // Read under the lock, so two threads marking at once never see time go
    // back.
    let Ok(mut last) = c.last.lock() else {
        return;
    };
    let (now, cpu) = (Instant::now(), cpu_time());
    let (then, cpu_then) = *last;
    eprintln!(
        "[timing] {name:<24} {:>8.1} ms  (at {:>8.1} ms)  {:>8.1} ms CPU  (at {:>8.1} ms CPU){}",
        (now - then).as_secs_f64() * 1e3,
        (now - c.start).as_secs_f64() * 1e3,
        cpu.saturating_sub(cpu_then).as_secs_f64() * 1e3,
        cpu.as_secs_f64() * 1e3,
        memory()
    );
    *last = (now, cpu);
}

/// The process's resident memory now and its peak so far (`VmRSS`, `VmHWM`
/// of /proc/self/status), for [`mark`]: the phase in whose line the peak
/// grows is where memory peaked. Of the resident memory now, its anonymous
/// part (the heap) and its part of mapped files (the program, its libraries
/// and cache files read in place, which the system can drop and read again)
/// are also given: shared memory is neither, so the two need not add up to
/// it. Empty where the system does not say.
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let kb = |field: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
    };
    let parts = match (kb("RssAnon:"), kb("RssFile:")) {
        (Some(anon), Some(file)) => {
            format!(", of which {} heap, {} files", anon / 1024, file / 1024)
        }
        _ => String::new(),
    };
    match (kb("VmRSS:"), kb("VmHWM:")) {
        (Some(rss), Some(peak)) => {
            format!("  {} MB RSS{parts} (peak {} MB)", rss / 1024, peak / 1024)
        }
        _ => String::new(),
    }
}

/// The longest span of one kind seen so far (the UI thread busy between two
/// waits for events: how long the screen stood still), printed each time it
/// grows, without ending the phase [`mark`] counts.
pub struct Longest {
    what: &'static str,
    longest: std::time::Duration,
}

impl Longest {
    /// Nothing seen yet of the spans called `what`.
    pub fn new(what: &'static str) -> Longest {
        Longest {
            what,
            longest: std::time::Duration::ZERO,
        }
    }

    /// A span of `what` began at `since` and ends now, spent on `on`.
    pub fn saw(&mut self, since: Instant, on: &str) {
        let Some(c) = clock() else {
            return;
        };
        let now = Instant::now();
        let span = now - since;
        if span <= self.longest {
            return;
        }
        self.longest = span;
        eprintln!(
            "[timing] {:<24} {:>8.1} ms  (at {:>8.1} ms, longest yet: {on})",
            self.what,
            span.as_secs_f64() * 1e3,
            (now - c.start).as_secs_f64() * 1e3
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn cpu_time_counts_work_done_and_never_goes_back() {
        let before = cpu_time();
        let started = Instant::now();
        let mut x = 0u64;
        let mut seen = before;
        // Work until 5 ms of CPU show, or give up after 2 s on the clock; no
        // reading is below the one before it.
        while seen < before + Duration::from_millis(5) && started.elapsed() < Duration::from_secs(2)
        {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(std::hint::black_box(1));
            let now = cpu_time();
            assert!(now >= seen, "CPU time went back: {seen:?} then {now:?}");
            seen = now;
        }
        std::hint::black_box(x);
        assert!(cpu_time() >= before + Duration::from_millis(5));
    }
}
