//! The README's key tables are the keymap's: generated from the shipped config
//! by `Keymaps::markdown`, so they cannot drift from what the keys do.
//! `NEWSTAG_BLESS=1 cargo test --test suite readme_keys` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::files::repo_path;
use newstag::config::Config;
use newstag::ui::keymap::Keymaps;

const BEGIN: &str = "<!-- keys: generated from config.example.toml by tests/readme_keys.rs -->\n";
const END: &str = "<!-- end of keys -->";

/// README.md lists every key of every layer exactly as the shipped keymap binds them.
#[test]
fn readme_key_tables_match_the_keymap() {
    let config = Config::builtin();
    let (keymaps, errors) = Keymaps::from_config(&config, None);
    assert!(errors.is_empty(), "{errors:?}");
    let tables = keymaps.markdown(&config);
    let path = repo_path("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(BEGIN).expect("README has the keys marker") + BEGIN.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("README has the end marker");
    if readme[start..end] == tables {
        return;
    }
    if std::env::var_os("NEWSTAG_BLESS").is_some() {
        let new = format!("{}{tables}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, new).unwrap();
        return;
    }
    panic!(
        "README.md's key tables differ from the keymap; run NEWSTAG_BLESS=1 cargo test --test suite readme_keys\n--- README\n{}\n--- keymap\n{tables}",
        &readme[start..end]
    );
}
