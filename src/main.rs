fn main() -> std::process::ExitCode {
    share_malloc_arenas();
    newstag::cli::main()
}

/// As many malloc arenas as cores (glibc's default is eight a core): newstag's
/// jobs run one after another on threads of their own (the loader, the
/// indexer, the suggestion scorer's pool), and each new thread took an arena
/// of its own, so the memory one job freed was not reused by the next but
/// held beside what it took afresh (on a TUI first start of 10,000 issues
/// that held back a seventh of the peak, while suggestions were made).
fn share_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // One set by the user stands.
        if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
            return;
        }
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = libc::c_int::try_from(cores.max(2)).unwrap_or(libc::c_int::MAX);
        // SAFETY: mallopt only sets a tunable of glibc's allocator; called
        // first thing in main, before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}
