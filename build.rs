//! Build script: the table of traditional and variant Chinese characters and
//! their simplified forms that `search::fold` folds with, made from OpenCC's
//! tables (the `ferrous-opencc` crate, Apache-2.0, tables from OpenCC under
//! Apache-2.0) once, at compile time, instead of in every process (building it
//! took a fifth of a warm `newstag search`).
//!
//! Every Han character goes through OpenCC's traditional-to-simplified
//! conversion one a line (a character alone, so no phrase rule applies across
//! two), then what it left alone through the Taiwan and Hong Kong variant
//! tables; chains are followed to the end (`a` -> `b` -> `c` gives `a` -> `c`).
//! The result, `$OUT_DIR/fold_simplified.rs`, is a sorted array of
//! (character, simplified) pairs.

// A build script reports failure by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Ranges of Han characters that OpenCC's tables map (CJK unified ideographs,
/// extension A, compatibility ideographs, extensions B to F and the
/// compatibility supplement); `search::fold` keeps the same list.
const HAN: [std::ops::RangeInclusive<u32>; 4] = [
    0x3400..=0x4DBF,
    0x4E00..=0x9FFF,
    0xF900..=0xFAFF,
    0x2_0000..=0x2_FA1F,
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let map = simplified_map();
    let mut out = String::with_capacity(map.len() * 24);
    writeln!(
        out,
        "/// Han characters and their simplified forms (OpenCC), sorted.\n\
         static SIMPLIFIED: [(char, char); {}] = [",
        map.len()
    )
    .unwrap();
    for (c, s) in &map {
        writeln!(
            out,
            "    ('\\u{{{:x}}}', '\\u{{{:x}}}'),",
            *c as u32, *s as u32
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = std::path::Path::new(&dir).join("fold_simplified.rs");
    std::fs::write(&path, out).expect("the build folder takes the table");
}

fn simplified_map() -> BTreeMap<char, char> {
    let chars: Vec<char> = HAN
        .iter()
        .flat_map(|r| r.clone().filter_map(char::from_u32))
        .collect();
    let mut map = BTreeMap::new();
    for config in [BuiltinConfig::T2s, BuiltinConfig::Tw2s, BuiltinConfig::Hk2s] {
        let cc = OpenCC::from_config(config).expect("OpenCC's built-in tables load");
        let todo: Vec<char> = chars
            .iter()
            .copied()
            .filter(|c| !map.contains_key(c))
            .collect();
        let mut text = String::with_capacity(todo.len() * 5);
        for &c in &todo {
            text.push(c);
            text.push('\n');
        }
        let out = cc.convert(&text);
        for (&c, line) in todo.iter().zip(out.split('\n')) {
            let mut it = line.chars();
            if let (Some(s), None) = (it.next(), it.next())
                && s != c
            {
                map.insert(c, s);
            }
        }
    }
    // Follow chains, a few steps at most (a cycle stops there).
    let keys: Vec<char> = map.keys().copied().collect();
    for c in keys {
        let mut s = map[&c];
        for _ in 0..4 {
            match map.get(&s) {
                Some(&t) if t != c => s = t,
                _ => break,
            }
        }
        map.insert(c, s);
    }
    map
}
