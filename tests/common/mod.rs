//! The harness the integration tests share: the real binary run as a command in an
//! isolated home ([`cli`]), in a pseudo-terminal ([`pty`]), screens drawn on ratatui's TestBackend as text ([`screen`]) and
//! fixture folders copied into temp dirs ([`files`]), the binary in a tmux
//! pane ([`tmux`]), gold pages re-rendered as other extraction tools print them
//! ([`styles`]) the two pages of a story across pages ([`story_pages`]) and a team's
//! corpus in the TUI ([`team`]), an app's background jobs ([`jobs`]), and a paper
//! whose habits only its archive tells ([`paper`]).
//!
//! Every file in tests/ is a crate of its own and declares this module as
//! `pub mod common;`. Being public, its `pub` items are the test crate's API, so a
//! crate that uses only part of the harness (a snapshot test never opens a pty)
//! gets no dead-code warning for the rest; private items still do.

pub mod cli;
pub mod files;
pub mod jobs;
pub mod paper;
pub mod pty;
pub mod screen;
pub mod story_pages;
pub mod styles;
pub mod team;
pub mod tmux;
