//! Styles and the few user-facing glyphs, in one place. `NO_COLOR` turns colour off;
//! emphasis then comes from bold, reverse and underline alone.

use crate::article::Kind;
use crate::config::{Config, TagDef};
use ratatui::style::{Color, Modifier, Style};

/// The colours and emphasis the panes draw with.
#[derive(Debug, Clone)]
pub struct Theme {
    /// False when `NO_COLOR` is set.
    pub color: bool,
    pub accent: Color,
}

impl Theme {
    /// The theme of `config`, honouring `NO_COLOR` from the environment.
    pub fn from_config(config: &Config) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(config, !no_color)
    }

    /// The theme of `config`, with or without colour.
    pub fn new(config: &Config, color: bool) -> Theme {
        Theme {
            color,
            accent: parse_color(&config.ui.accent).unwrap_or(Color::Cyan),
        }
    }

    pub fn plain(&self) -> Style {
        Style::default()
    }

    /// Secondary text: counts, bylines, hints.
    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }

    /// The border of the focused pane.
    pub fn focused_border(&self) -> Style {
        if self.color {
            Style::default().fg(self.accent)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }

    pub fn border(&self) -> Style {
        self.dim()
    }

    /// The selected row of the focused pane.
    pub fn selected(&self) -> Style {
        if self.color {
            Style::default().bg(self.accent).fg(Color::Black)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    /// The selected row of a pane without focus.
    pub fn selected_unfocused(&self) -> Style {
        if self.color {
            Style::default().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::default().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Issue (group) rows.
    pub fn issue(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(self.accent) } else { s }
    }

    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn kicker(&self) -> Style {
        if self.color {
            Style::default().fg(self.accent)
        } else {
            Style::default()
        }
    }

    pub fn mark(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(Color::Yellow) } else { s }
    }

    pub fn error(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(Color::Red) } else { s }
    }

    pub fn status(&self) -> Style {
        if self.color {
            Style::default().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn key(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.color { s.fg(self.accent) } else { s }
    }

    /// Characters a search matched.
    pub fn highlight(&self) -> Style {
        if self.color {
            Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    /// A tag's own colour, as text colour.
    pub fn tag_fg(&self, tag: &TagDef) -> Style {
        match (self.color, parse_color(&tag.color)) {
            (true, Some(c)) => Style::default().fg(c),
            _ => Style::default().add_modifier(Modifier::BOLD),
        }
    }

    /// A tag chip: the tag's colour as background.
    pub fn chip(&self, tag: &TagDef) -> Style {
        match (self.color, parse_color(&tag.color)) {
            (true, Some(c)) => Style::default().bg(c).fg(Color::Black),
            _ => Style::default().add_modifier(Modifier::REVERSED),
        }
    }
}

/// A colour as the config writes it: a name, `#rrggbb` or an index 0-255.
pub fn parse_color(s: &str) -> Option<Color> {
    s.trim().parse().ok()
}

/// The one-character mark of an article kind in the list.
pub fn kind_mark(kind: Kind) -> char {
    match kind {
        Kind::News => 'N',
        Kind::Feature => 'F',
        Kind::Commentary => 'C',
        Kind::Photo => 'P',
        Kind::Continuation => '+',
        Kind::Timeline => 'T',
        Kind::Notice => '!',
        Kind::Qa => 'Q',
        Kind::Brief => 'b',
    }
}

/// Fold markers of issue rows (both one column wide in every terminal).
pub const FOLDED: &str = "▸";
pub const UNFOLDED: &str = "▾";
/// The batch-selection mark of an article row.
pub const MARKED: &str = "*";
