//! Whether a clause tells the day of the news, as a news story's lede does and a
//! section of a longer story, a scene or a portrait seldom does: a word of one of
//! the lexicon's `news_days` lists (`近日，…`, `这几天`, `…古厝日前获得…`, `截至…`)
//! or a day (a month and day: `12月8日起，`, `2026年5月10日，`, `十月十日`; or,
//! looked for anywhere, a day of the month in figures too: `8月3日夜`, `14日至16日`,
//! `10日讯`), each looked for where the caller says: where the clause opens or
//! anywhere in it.

use super::classify::{Figures, read_date, read_month_day};
use super::lexicon::{NewsDayWords, lexicon, news_day_word_at};

/// Where in a clause a day is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Where it opens (`12月8日起，…`).
    Opening,
    /// Anywhere in it (`省考古研究院12月12日发布消息`, `14日至16日`).
    Anywhere,
}

/// `clause` tells the day of the news: a word of the list `words` within
/// `words_reach`, or a day within `day_reach`.
pub fn tells_news_day(
    clause: &str,
    words: NewsDayWords,
    words_reach: Reach,
    day_reach: Reach,
) -> bool {
    let lex = lexicon();
    let said = match words_reach {
        Reach::Opening => lex
            .news_days(words)
            .any(|w| news_day_word_at(w, clause, true)),
        Reach::Anywhere => lex.holds_news_day_word(words, clause),
    };
    said || match day_reach {
        Reach::Opening => opens_on_month_day(clause),
        Reach::Anywhere => clause.char_indices().any(|(i, c)| {
            crate::text::is_digit(c)
                && (opens_on_month_day(&clause[i..]) || opens_on_day(&clause[i..]))
        }),
    }
}

/// `text` opens on a month and its day, after a year or not (`2026年5月10日`,
/// `12月8日`, `十月十日`): a date read with no day (`2026年5月`) is none.
fn opens_on_month_day(text: &str) -> bool {
    match read_date(text, Figures::Printed) {
        Some(date) => date.day,
        None => read_month_day(text, Figures::Printed).is_some(),
    }
}

/// `text` opens on a day of the month in figures (`14日`, `１０日`).
fn opens_on_day(text: &str) -> bool {
    let figures = text
        .find(|c: char| !crate::text::is_digit(c))
        .unwrap_or(text.len());
    figures > 0 && text[figures..].starts_with('日')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lede_opens_on_its_day() {
        let opens =
            |t: &str| tells_news_day(t, NewsDayWords::LedeOpeners, Reach::Opening, Reach::Opening);
        for lede in [
            "近日，",
            "日前，",
            "12月8日起，",
            "2026年5月10日，",
            "十月十日，",
        ] {
            assert!(opens(lede), "{lede}");
        }
        for lede in [
            "记者走进",
            "2026年5月，",
            "…古厝日前获得",
            "10日讯",
            "今天上午",
        ] {
            assert!(!opens(lede), "{lede}");
        }
    }

    #[test]
    fn a_clause_tells_its_day_anywhere() {
        let tells = |t: &str| {
            tells_news_day(
                t,
                NewsDayWords::LedeClause,
                Reach::Anywhere,
                Reach::Anywhere,
            )
        };
        for clause in [
            "8月3日夜",
            "这几天",
            "…古厝日前获得…",
            "（新港村10日讯）",
            "14日至16日",
        ] {
            assert!(tells(clause), "{clause}");
        }
        for clause in ["记者走进荪水公园", "2026年5月"] {
            assert!(!tells(clause), "{clause}");
        }
        let reports = |t: &str| {
            tells_news_day(
                t,
                NewsDayWords::ReportOpeners,
                Reach::Opening,
                Reach::Anywhere,
            )
        };
        assert!(reports("连日来") && reports("省考古研究院12月12日发布消息"));
        assert!(!reports("记者连日来走访"));
        // A pattern: a reporter learnt the news from a source (`记者…获悉`), the
        // day said or not (`昨天` after `记者` is no opener of its own).
        assert!(reports("记者从市教育局获悉") && reports("记者昨天从水利部了解到"));
        assert!(!reports("记者获悉") && !reports("他从记者那里获悉"));
        // The pattern's second part at a later place than its first (`获悉` right
        // after `记者` leaves nothing between; the next one does).
        assert!(reports("记者获悉，记者从市教育局获悉"));
        // Where the words are looked for is the caller's to say, whichever list.
        let anywhere = |t: &str| {
            tells_news_day(
                t,
                NewsDayWords::ReportOpeners,
                Reach::Anywhere,
                Reach::Anywhere,
            )
        };
        assert!(anywhere("记者连日来走访"));
    }
}
