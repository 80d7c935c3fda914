//! Where each pane goes for a terminal size: three columns when wide, list and
//! reader with the tag pane under the list when medium, one pane when narrow.
//! Pure: `App::update` uses it for mouse hits and page sizes, drawing for placing.

use ratatui::layout::Rect;

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Reader,
    Tags,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Reader, Pane::Tags];
}

/// The smallest size that gets panes; below it, a "terminal too small" notice.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// From this width on, three columns.
pub const WIDE: u16 = 110;
/// From this width on, list and reader side by side.
pub const MEDIUM: u16 = 64;

/// The rectangles of one frame. A pane that is not shown is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub tags: Option<Rect>,
    /// Status line (and hint line when there is room).
    pub status: Rect,
    /// True when the terminal is below the minimum size.
    pub too_small: bool,
}

impl Areas {
    pub fn of(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Tags => self.tags,
        }
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ALL.into_iter().find(|p| {
            self.of(*p).is_some_and(|r| {
                column >= r.x && column < r.right() && row >= r.y && row < r.bottom()
            })
        })
    }
}

/// Lines the status bar takes at a given height.
pub fn status_height(height: u16) -> u16 {
    if height >= 12 { 2 } else { 1 }
}

/// Lay out a frame of `size` with `focus` shown when only one pane fits;
/// `tag_rows` is the number of tags (the tag pane's wanted height).
pub fn areas(size: Rect, focus: Pane, tag_rows: usize) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas {
            status: size,
            too_small: true,
            ..Areas::default()
        };
    }
    let sh = status_height(size.height);
    let body = Rect {
        height: size.height - sh,
        ..size
    };
    let status = Rect {
        y: size.y + size.height - sh,
        height: sh,
        ..size
    };
    let tag_h = (tag_rows as u16).saturating_add(2).max(3);
    if size.width >= WIDE {
        let tags_w = (size.width / 6).clamp(24, 34);
        let list_w = (size.width - tags_w) * 2 / 5;
        let reader_w = size.width - tags_w - list_w;
        Areas {
            list: Some(Rect {
                width: list_w,
                ..body
            }),
            reader: Some(Rect {
                x: body.x + list_w,
                width: reader_w,
                ..body
            }),
            tags: Some(Rect {
                x: body.x + list_w + reader_w,
                width: tags_w,
                ..body
            }),
            status,
            too_small: false,
        }
    } else if size.width >= MEDIUM {
        let list_w = size.width * 9 / 20;
        let tag_h = tag_h.min(body.height / 3);
        let list_h = body.height - tag_h;
        let tags = (tag_h >= 3).then_some(Rect {
            y: body.y + list_h,
            width: list_w,
            height: tag_h,
            ..body
        });
        Areas {
            list: Some(Rect {
                width: list_w,
                height: if tags.is_some() { list_h } else { body.height },
                ..body
            }),
            reader: Some(Rect {
                x: body.x + list_w,
                width: size.width - list_w,
                ..body
            }),
            tags,
            status,
            too_small: false,
        }
    } else {
        let mut a = Areas {
            status,
            ..Areas::default()
        };
        match focus {
            Pane::List => a.list = Some(body),
            Pane::Reader => a.reader = Some(body),
            Pane::Tags => a.tags = Some(body),
        }
        a
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// A centred rectangle at most `width` x `height` inside `r`.
pub fn centered(r: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(r.width);
    let h = height.min(r.height);
    Rect {
        x: r.x + (r.width - w) / 2,
        y: r.y + (r.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every size from 1x1 up gets a layout whose panes stay inside the terminal.
    #[test]
    fn panes_fit_every_size() {
        for w in 1..160 {
            for h in 1..50 {
                let size = Rect::new(0, 0, w, h);
                for focus in Pane::ALL {
                    let a = areas(size, focus, 3);
                    for r in [a.list, a.reader, a.tags].into_iter().flatten() {
                        assert!(r.right() <= w && r.bottom() <= h, "{w}x{h}: {r:?}");
                    }
                    assert!(a.status.bottom() <= h);
                }
            }
        }
    }

    /// Wide terminals show three panes, medium two plus tags, narrow one.
    #[test]
    fn layout_by_width() {
        let a = areas(Rect::new(0, 0, 120, 40), Pane::List, 3);
        assert!(a.list.is_some() && a.reader.is_some() && a.tags.is_some());
        let a = areas(Rect::new(0, 0, 80, 24), Pane::List, 3);
        assert!(a.list.is_some() && a.reader.is_some() && a.tags.is_some());
        assert_eq!(a.tags.unwrap().x, 0);
        let a = areas(Rect::new(0, 0, 40, 15), Pane::Reader, 3);
        assert!(a.list.is_none() && a.reader.is_some() && a.tags.is_none());
        assert!(areas(Rect::new(0, 0, 10, 3), Pane::List, 3).too_small);
    }
}
