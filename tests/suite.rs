//! Most integration tests, one module per file, built as one test binary so the
//! crate and its dependencies are linked once rather than once a file (a debug
//! test binary is ~60 MB; sixty-eight of them filled CI's disk). The files that set
//! process-wide environment variables, and the segmentation scorer (its own
//! command line for blessing the ratchet), stay binaries of their own: see
//! `[[test]]` in Cargo.toml. Run one file's tests with
//! `cargo test --test suite FILE::`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common;
pub mod suggest_fixture;
pub mod ui_fixture;

mod architecture;
mod cli_pipe;
mod cli_refusals;
mod config_errors;
mod corpus_cache;
mod corpus_habits;
mod corpus_ignore;
mod correct_cli;
mod correct_variants;
mod export_cli;
mod export_formats;
mod export_pty;
mod export_python;
mod export_tui;
mod hostile_corpus;
mod hostile_corpus_property;
mod lexicon_config;
mod measures_config;
mod memos;
mod page_view;
mod page_view_pty;
mod readme_keys;
mod search;
mod search_cli;
mod search_pty;
mod search_semantics;
mod search_ui;
mod segment_columns;
mod segment_corpora;
mod segment_doubts;
mod segment_explain;
mod segment_ids;
mod segment_phenomena;
mod segment_robustness;
mod sidecar_chunks_property;
mod stats_cli;
mod story_cli;
mod story_ui;
mod suggest_cache;
mod suggest_cli;
mod suggest_gold;
mod suggest_pty;
mod suggest_triage;
mod suggest_ui;
mod tag_rename;
mod tags_cli;
mod tags_integrity;
mod tags_pty;
mod tags_store;
mod tags_ui;
mod team_adjudicate;
mod team_agree;
mod team_git;
mod team_pty;
mod team_sample_query;
mod team_store;
mod team_tui;
mod terminal_escapes;
mod ui_app;
mod ui_handover_pty;
mod ui_layers;
mod ui_pty;
mod ui_snapshots;
mod ui_tmux;
