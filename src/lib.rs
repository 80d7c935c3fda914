//! newstag: read, search and tag Chinese newspaper archives.
//!
//! The core (`article`, `corpus`, `segment`, `correct`, `search`, `tags`, `export`,
//! `stats`, `story`, `suggest`, `config`, and `session`, which runs their background jobs) knows
//! nothing of terminals; `ui` and `cli` sit on top of it.

pub mod article;
pub mod cache;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod correct;
pub mod export;
pub mod file_stamp;
pub mod folder_memo;
pub mod record;
pub mod regular_file;
pub mod replace;
pub mod search;
pub mod segment;
pub mod session;
pub mod stats;
pub mod story;
pub mod suggest;
pub mod tags;
pub mod text;
pub mod ui;
pub mod words;
