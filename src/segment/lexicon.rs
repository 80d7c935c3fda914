//! Word lists as data: `lexicon.toml`, embedded in the binary and parsed once, and
//! extended by the config's `[lexicon]` section (the same lists, each added to
//! the embedded one: a paper's own column labels, banners, posts), installed once
//! at start-up with [`install_additions`].

use super::blocks::DraftField;
use serde::Deserialize;
use std::sync::OnceLock;

/// The word lists segmentation reads. As the config's `[lexicon]` section, the
/// words to add to each list (every list may be left out).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Single-character family names, as one string.
    #[serde(default)]
    surnames: String,
    #[serde(default)]
    compound_surnames: Vec<String>,
    /// Words that end a column label (`今日关注`).
    #[serde(default)]
    column_label_endings: Vec<String>,
    #[serde(default)]
    paper_name_endings: Vec<String>,
    #[serde(default)]
    paper_editions: Vec<String>,
    /// What the name of any outlet ends with (a paper, a site, a station).
    #[serde(default)]
    outlet_endings: Vec<String>,
    #[serde(default)]
    masthead_marks: Vec<String>,
    #[serde(default)]
    banner_endings: Vec<String>,
    #[serde(default)]
    place_endings: Vec<String>,
    /// The characters a place's name ends with, as one string.
    #[serde(default)]
    place_name_ends: String,
    #[serde(default)]
    credit_fields: Vec<String>,
    #[serde(default)]
    post_endings: Vec<String>,
    #[serde(default)]
    box_heads: Vec<String>,
    #[serde(default)]
    web_controls: Vec<String>,
    #[serde(default)]
    credit_verbs: Vec<String>,
    /// What the name of an office or a body ends with (`气象台`, `服务中心`).
    #[serde(default)]
    office_endings: Vec<String>,
    /// What a pen name ends with (`听涛客`, `竹溪散人`).
    #[serde(default)]
    pen_name_endings: Vec<String>,
    /// What a serial's note alone on its line says in brackets (`连载`, `续`).
    #[serde(default)]
    serial_notes: Vec<String>,
    /// What the announcement of a serial's next part opens with (`下期预告`).
    #[serde(default)]
    serial_previews: Vec<String>,
    #[serde(default)]
    signoff_verbs: Vec<String>,
    /// What a signer's name on a line of its own ends with (`治丧小组`, `及家人`).
    #[serde(default)]
    signer_endings: Vec<String>,
    /// What joins who signs a notice to the verb they sign with (`率`: `…率泣告`).
    #[serde(default)]
    signoff_leads: Vec<String>,
    /// What names a notice's subject at the start of its title (`关于`).
    #[serde(default)]
    subject_words: Vec<String>,
    /// What a speaker's words are reported with before a colon (`说`, `表示`).
    #[serde(default)]
    speech_verbs: Vec<String>,
    #[serde(default)]
    news_days: NewsDays,
    #[serde(default)]
    kind_words: KindWords,
    #[serde(default)]
    head_fields: HeadFields,
    #[serde(default)]
    record_fields: RecordFields,
    /// One automaton over the plain words of each list of `news_days` (in the
    /// order of [`NewsDayWords`]), and the list's patterns apart, at its first use.
    #[serde(skip)]
    news_day_finders: [OnceLock<NewsDayFinder>; 3],
    /// The first characters of `web_controls`, gathered at their first use.
    #[serde(skip)]
    control_openers: OnceLock<WordChars>,
    /// The byte length of the longest label of `head_fields`, found at its first use.
    #[serde(skip)]
    head_label_max: OnceLock<usize>,
    /// The first or last characters of the lists read on most lines (see
    /// [`ListChars`]), gathered at their first use.
    #[serde(skip)]
    list_chars: OnceLock<ListChars>,
    /// `box_heads` parted into fixed heads and patterns, at their first use.
    #[serde(skip)]
    box_head_forms: OnceLock<BoxHeadForms>,
}

/// One list of `news_days` as [`Lexicon::holds_news_day_word`] reads it: an
/// automaton over its plain words (none if it could not be built), and its
/// patterns (`记者…获悉`), picked out once where every call looked at every word.
#[derive(Debug, Default, Clone)]
struct NewsDayFinder {
    plain: Option<aho_corasick::AhoCorasick>,
    patterns: Vec<String>,
}

/// The heads of `box_heads`: fixed heads, and patterns as the words that open and
/// end them with how many characters those are together.
#[derive(Debug, Default, Clone)]
struct BoxHeadForms {
    fixed: Vec<String>,
    patterns: Vec<(String, String, usize)>,
}

/// The characters some words open with, or end with: a text none of whose
/// characters opens a word holds none of the words, and a line or a token whose
/// last character ends none ends with none (see [`Lexicon::list_chars`]).
#[derive(Debug, Default, Clone)]
struct WordChars {
    /// An empty word is among them: it opens and ends anything.
    any: bool,
    chars: Vec<char>,
    /// Bit `c % 64` set for every `c` of `chars`: most characters asked about
    /// are told apart by it alone, before `chars` is read.
    bits: u64,
}

impl WordChars {
    /// The last characters of `words`.
    fn of_lasts<'w>(words: impl IntoIterator<Item = &'w String>) -> WordChars {
        WordChars::of_chars(words.into_iter().map(|w| w.chars().next_back()))
    }

    /// The first characters of `words`.
    fn of_firsts<'w>(words: impl IntoIterator<Item = &'w String>) -> WordChars {
        WordChars::of_chars(words.into_iter().map(|w| w.chars().next()))
    }

    /// Of one character of each word (`None`: the word is empty).
    fn of_chars(chars: impl IntoIterator<Item = Option<char>>) -> WordChars {
        let mut held = WordChars::default();
        for c in chars {
            match c {
                Some(c) => held.chars.push(c),
                None => held.any = true,
            }
        }
        held.chars.sort_unstable();
        held.chars.dedup();
        held.bits = held
            .chars
            .iter()
            .fold(0u64, |bits, &c| bits | (1 << (u32::from(c) % 64)));
        held
    }

    /// Whether a word of the list may open (or end, as the set was gathered)
    /// with `c`.
    #[inline]
    fn has(&self, c: char) -> bool {
        self.any || self.is_one_of(c)
    }

    /// Whether `c` is one of the words' characters gathered (an empty word aside).
    #[inline]
    fn is_one_of(&self, c: char) -> bool {
        (self.bits >> (u32::from(c) % 64)) & 1 == 1 && self.chars.contains(&c)
    }
}

/// Words a text is asked for together, found in one reading of it, where a search
/// for each word read it once a word: whether the text holds any of them, as
/// `words.iter().any(|w| text.contains(w))` tells. The texts asked are short lines,
/// heads and bylines, a few characters each: each character is looked up among the
/// words' first characters ([`WordChars`]), and only where one opens a word are the
/// words compared. (An automaton over the words cost more to set going on such a
/// text than this whole reading.) A long text, a paragraph asked for a notice's
/// terms, is searched by a packed (SIMD) search for the words, which reads many
/// bytes at a time, where the reading looks up every character (and a list's
/// words may open with a common character, `不另行通知`).
#[derive(Debug, Default, Clone)]
struct AnyWord {
    words: Vec<String>,
    firsts: WordChars,
    /// The packed search for the words (none when a word is empty or the
    /// machine has no such search).
    finder: Option<aho_corasick::packed::Searcher>,
}

/// Texts of at least this many bytes are searched by [`AnyWord`]'s packed search.
const ANY_WORD_SEARCHED_FROM: usize = 64;

impl AnyWord {
    /// The words of one list.
    fn of(words: &[String]) -> AnyWord {
        let firsts = WordChars::of_firsts(words);
        let finder = if firsts.any || words.is_empty() {
            None
        } else {
            aho_corasick::packed::Searcher::new(words)
        };
        AnyWord {
            words: words.to_vec(),
            firsts,
            finder,
        }
    }

    /// Whether `text` holds any of the words (an empty word: every text).
    fn in_text(&self, text: &str) -> bool {
        match &self.finder {
            Some(finder) if text.len() >= ANY_WORD_SEARCHED_FROM => finder.find(text).is_some(),
            _ => self.read_for(text),
        }
    }

    /// [`AnyWord::in_text`] by reading `text` a character at a time.
    fn read_for(&self, text: &str) -> bool {
        self.firsts.any
            || text.char_indices().any(|(i, c)| {
                self.firsts.has(c) && self.words.iter().any(|w| text[i..].starts_with(w.as_str()))
            })
    }
}

/// [`WordChars`] of the lists whose words are looked for at the end (or the start)
/// of most lines, and [`AnyWord`]s of the lists whose words are looked for anywhere
/// in them.
#[derive(Debug, Default, Clone)]
struct ListChars {
    banner: WordChars,
    /// A paper's name ends with a name's ending or an edition's word.
    paper: WordChars,
    credit_verb: WordChars,
    signoff_verb: WordChars,
    office: WordChars,
    signer: WordChars,
    /// The first characters of `compound_surnames`.
    compound_surname_first: WordChars,
    credit_fields: AnyWord,
    /// The lists of `kind_words`, in the order of [`KindList::ALL`].
    kind_words: Vec<AnyWord>,
    /// The first characters of `kind_words.dateline_words` and
    /// `kind_words.outlet_news_words` together: a dateline's word, either list's,
    /// is looked for in one reading of a line's opening.
    news_word_firsts: WordChars,
}

/// The fields of a newspaper database's records (`Title-题名: …`), by the Han name
/// of the field: see `records`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RecordFields {
    title: Vec<String>,
    subtitle: Vec<String>,
    author: Vec<String>,
    text: Vec<String>,
}

/// What a database record's field holds (see [`Lexicon::record_field`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordField {
    Title,
    Subtitle,
    Author,
    Text,
    /// Metadata: source, keywords, summary, date, page, column.
    Other,
}

/// The words that tell the day of the news, one list a rule that reads them (where in
/// a clause they are looked for is the rule's to say): see `news_day`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct NewsDays {
    lede_openers: Vec<String>,
    lede_clause: Vec<String>,
    report_openers: Vec<String>,
}

/// The lists of `kind_words` (see `kind`), each named once: the list ([`KindList`]'s
/// variant, with what its words tell) and its field in the lexicon (`kind_words.…`).
/// The struct of the lists, the enum naming them, [`KindList::ALL`] and each list's
/// reading, naming and extension are all written from this one table, so that no
/// list is left out of any of them.
macro_rules! kind_lists {
    ($($(#[doc = $doc:literal])* $list:ident => $field:ident,)*) => {
        /// The words an article's kind is told by (see `kind`): one list a
        /// [`KindList`].
        #[derive(Debug, Default, Clone, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        struct KindWords {
            $($field: Vec<String>,)*
        }

        /// Which list of words an article's kind is told by (see `kind`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum KindList {
            $($(#[doc = $doc])* $list,)*
        }

        impl KindList {
            /// Every list, in the order they are declared (a list's place is its
            /// discriminant: [`Lexicon::holds_kind_word`] keeps them so).
            pub const ALL: [KindList; [$(KindList::$list),*].len()] = [$(KindList::$list),*];
        }

        impl KindWords {
            /// The words of `list`.
            fn list(&self, list: KindList) -> &[String] {
                match list {
                    $(KindList::$list => &self.$field,)*
                }
            }

            /// Every list with its name in the lexicon (`kind_words.notice_heads`).
            fn named(&self) -> Vec<(&'static str, &[String])> {
                vec![$((concat!("kind_words.", stringify!($field)), &self.$field[..]),)*]
            }

            /// Every list of `more` added to this one's by `add`.
            fn extended_by(
                &self,
                more: &KindWords,
                add: impl Fn(&[String], &[String]) -> Vec<String>,
            ) -> KindWords {
                KindWords {
                    $($field: add(&self.$field, &more.$field),)*
                }
            }
        }
    };
}

kind_lists! {
    /// Words a notice's head holds (`公告`, `启事`, `鸣谢`).
    NoticeHeads => notice_heads,
    /// Words a notice's head ends with (`公示`, `更正`).
    NoticeEndings => notice_endings,
    /// What a question's speaker label ends with (`问`: `读者问：…`), read too as a
    /// label alone before a colon (`问：…？`, a Q&A item's head:
    /// `classify::is_question_label`).
    QuestionLabels => question_labels,
    /// What an answer's speaker label ends with (`答`, `…局回复`).
    AnswerLabels => answer_labels,
    /// Words a commentary's column label holds (`时评`, `社评`, `编后`).
    CommentaryKickers => commentary_kickers,
    /// Words a head over briefs holds (`简讯`, `快讯`).
    BriefHeads => brief_heads,
    /// Words of a newsroom's byline or a source's credit (`记者`, `供稿`, `本报`).
    NewsroomWords => newsroom_words,
    /// What a letters column's label ends with (`读者来信`, `来信摘登`).
    LetterKickers => letter_kickers,
    /// What a letter to the editors opens with (`编辑同志`).
    LetterSalutations => letter_salutations,
    /// What a feature's first clause opens a scene with (`走进`, `清晨`).
    SceneOpeners => scene_openers,
    /// What a notice's text sets its reader's terms with (`报名时间`, `咨询电话`).
    NoticeTerms => notice_terms,
    /// What the fixed head of a service box ends with (`天气`, `温馨提示`).
    BoxTitles => box_titles,
    /// Words a qa's head holds (`问答`).
    QaHeads => qa_heads,
    /// Words a commentary's byline holds (`评论员`).
    CommentaryBylines => commentary_bylines,
    /// Words of obligation an opinion argues with (`要`, `应`, `必须`).
    ArguingWords => arguing_words,
    /// What a reporter's byline holds (`记者`: `本报记者 某某`, `本报讯（记者 某某）`).
    ReporterWords => reporter_words,
    /// What a reader's signature holds (`读者`: `（鼓巷区　读者　温采薇）`).
    ReaderWords => reader_words,
    /// What follows the age a feature's first clause opens on (`岁的`: `七十三岁的…`).
    AgeEndings => age_endings,
    /// Words a notice's head holds when no reporter signs it (`招募`, `招生`, `值班`).
    NoticeCalls => notice_calls,
    /// What the head of a call for works or staff ends with (`征集`, `招聘`:
    /// `…摄影作品征集`), when no reporter signs it and no dateline opens it.
    CallEndings => call_endings,
    /// Words that hold an arguing word but oblige nothing (`重要`, `要求`, `供应`).
    ArguingLookalikes => arguing_lookalikes,
    /// What a feature's first sentence shows a place's sight with (`有一间`, `有一座`).
    SceneSights => scene_sights,
    /// What a directory's head ends with, naming its service points (`药店`, `门诊一览`).
    DirectoryEndings => directory_endings,
    /// What a sight's word does not count after (`没`: `没有一家`).
    SightNegations => sight_negations,
    /// What an interviewer's turn opens with, alone before a colon (`记者`: `记者：…`).
    InterviewerLabels => interviewer_labels,
    /// What a dateline's word ends with after the outlet's name (`讯`: `本报讯　…`).
    DatelineWords => dateline_words,
    /// A dateline's word read only where a dateline opens a lede after an outlet's
    /// name (`消息`: `央视网消息（记者…）`; `市民看病再添好消息` is a head's word).
    OutletNewsWords => outlet_news_words,
    /// A newsroom's dateline marker that opens a lede whole (`本报讯`, `本刊讯`, `特讯`).
    DatelineMarkers => dateline_markers,
    /// What a paper calls itself opening a dateline (`本报`: `本报（记者…）`,
    /// `本报平壤1月3日电`).
    OwnPaperWords => own_paper_words,
    /// A news agency whose dispatch a dateline names (`新华社`: `新华社北京1月1日电`).
    DispatchAgencies => dispatch_agencies,
    /// What a photographer's credit ends with (`摄`: `本报记者　苻慕白　摄`).
    PhotoVerbs => photo_verbs,
    /// What a drawing's credit opens with, before its artist (`漫画`: `漫画/仉小满`,
    /// `漫画 拓跋青禾 作`): the line credits a cartoon (see `assemble`).
    DrawingLabels => drawing_labels,
    /// Words that make an age name a group, not a person (`老年人`: `70岁的老年人`).
    AgeGroups => age_groups,
    /// What a person writing in the first person calls themselves (`我`).
    FirstPersonWords => first_person_words,
    /// Words holding `我` that name no one (`自我`: `自我革命`; `忘我`).
    FirstPersonLookalikes => first_person_lookalikes,
    /// What follows `我` where a body speaks, not a person (`市`, `局`: `我市`, `我局`).
    SpeakingBodies => speaking_bodies,
    /// The label of a judge's reading of a case told (`法官说法`).
    CaseCommentLabels => case_comment_labels,
    /// What a feature's genre label ends with, over the story (`通讯`: `椋山通信`,
    /// `通訊`; `见闻`: `一线见闻`).
    FeatureLabels => feature_labels,
    /// What a feature's title ends with, naming its genre (`见闻`, `素描`, `一瞥`:
    /// `县城街头素描`).
    FeatureTitleEndings => feature_title_endings,
    /// What the label of a column of remarks ends with (`观察`, `手记`: `记者手记`).
    RemarkLabels => remark_labels,
    /// What a byline credits the pictures with (`文/图`, `图｜`: `文/图 卜野航`).
    PictureCredits => picture_credits,
    /// Words that name a period of time (`年`, `月`, `周`, `即日`, `期间`): a short item
    /// that holds none tells no time (see `kind`).
    PeriodWords => period_words,
    /// Measure words a count in words stands before (`个`, `辆`, `座`: `十二个`,
    /// `三百辆`): a one-sentence item that counts so reports (see `kind`).
    CountMeasures => count_measures,
    /// What the label of a box of tips ends with (`小贴士`, `健康提示`): the box is a
    /// brief (see `kind`).
    TipLabels => tip_labels,
    /// The titles of the editors' own word to the reader (`编者的话`, `编者按`):
    /// commentary (see `kind`).
    EditorNotes => editor_notes,
}

/// Whether the news-day word `word` opens `text` (`opening`) or stands anywhere in
/// it. A word with `…` in it is a pattern: the words before the `…` open the text
/// (or stand in it), and the words after it stand after them, something between
/// (`记者…获悉`: `记者从市教育局获悉`, `记者12日从有关部门获悉`).
pub fn news_day_word_at(word: &str, text: &str, opening: bool) -> bool {
    let Some((opens, ends)) = word.split_once('…') else {
        return if opening {
            text.starts_with(word)
        } else {
            text.contains(word)
        };
    };
    // The words before the `…` where they first stand leave the most text after
    // them: if a later place is followed by the words after the `…`, so is the
    // first.
    let after = if opening {
        text.strip_prefix(opens)
    } else {
        text.find(opens).map(|i| &text[i + opens.len()..])
    };
    // Something between: the words after the `…` anywhere after the first
    // character that follows (not only where they first stand).
    after.is_some_and(|rest| {
        rest.chars()
            .next()
            .is_some_and(|c| rest[c.len_utf8()..].contains(ends))
    })
}

/// Which list of words telling the day of the news a rule reads (see `news_day`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewsDayWords {
    /// What a lone head's lede opens on (`近日，…`).
    LedeOpeners,
    /// What a lede's first clause says anywhere in it (`这几天`, `…日前获得…`).
    LedeClause,
    /// What a report's first clause opens on (`连日来，…`, `截至…`).
    ReportOpeners,
}

/// The field labels of an editor's draft, by the role each names.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct HeadFields {
    kicker: Vec<String>,
    title: Vec<String>,
    subtitle: Vec<String>,
    byline: Vec<String>,
    caption: Vec<String>,
}

const EMBEDDED: &str = include_str!("lexicon.toml");

/// The lexicon segmentation reads: the embedded one, extended by the config's
/// additions once they are installed ([`install_additions`]).
pub fn lexicon() -> &'static Lexicon {
    INSTALLED.get().unwrap_or_else(embedded)
}

/// The embedded lexicon alone.
fn embedded() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| toml::from_str(EMBEDDED).unwrap_or_default())
}

/// The embedded lexicon extended by the config's additions, once installed.
static INSTALLED: OnceLock<Lexicon> = OnceLock::new();

/// A digest of the installed additions (0 when none): the caches of cut pages
/// are stamped with it, since other words cut pages otherwise.
static ADDITIONS_DIGEST: OnceLock<u64> = OnceLock::new();

/// Extend the lexicon of this process by `additions` (the config's `[lexicon]`),
/// before any page is cut. Nothing to add installs nothing; a second install is
/// refused (pages already cut with the first would disagree with the next).
pub fn install_additions(additions: &Lexicon) -> Result<(), String> {
    if additions.is_empty() {
        return Ok(());
    }
    let digest = additions.digest();
    if let Some(installed) = ADDITIONS_DIGEST.get() {
        return if *installed == digest {
            Ok(())
        } else {
            Err("lexicon: the additions were installed already".to_string())
        };
    }
    let _ = INSTALLED.set(embedded().extended_by(additions));
    let _ = ADDITIONS_DIGEST.set(digest);
    Ok(())
}

/// The digest of the installed additions, 0 when none are installed.
pub fn additions_digest() -> u64 {
    ADDITIONS_DIGEST.get().copied().unwrap_or(0)
}

impl Lexicon {
    /// True when no list has a word (the config adds nothing).
    pub fn is_empty(&self) -> bool {
        self.lists()
            .iter()
            .all(|(_, words)| words.iter().all(|w| w.trim().is_empty()))
    }

    /// A digest of every list, in order (the same lists give the same digest
    /// in one build of the program).
    pub fn digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.lists().hash(&mut h);
        h.finish()
    }

    /// Every list by name, nested tables' lists as `table.list` (one string a
    /// list of characters).
    fn lists(&self) -> Vec<(&'static str, Vec<&str>)> {
        let Lexicon {
            surnames,
            compound_surnames,
            column_label_endings,
            paper_name_endings,
            paper_editions,
            outlet_endings,
            masthead_marks,
            banner_endings,
            place_endings,
            place_name_ends,
            credit_fields,
            post_endings,
            box_heads,
            web_controls,
            credit_verbs,
            office_endings,
            pen_name_endings,
            serial_notes,
            serial_previews,
            signoff_verbs,
            signer_endings,
            signoff_leads,
            subject_words,
            speech_verbs,
            news_days,
            kind_words,
            head_fields,
            record_fields,
            news_day_finders: _,
            control_openers: _,
            head_label_max: _,
            list_chars: _,
            box_head_forms: _,
        } = self;
        fn words(v: &[String]) -> Vec<&str> {
            v.iter().map(String::as_str).collect()
        }
        let mut lists = vec![
            ("surnames", vec![surnames.as_str()]),
            ("compound_surnames", words(compound_surnames)),
            ("column_label_endings", words(column_label_endings)),
            ("paper_name_endings", words(paper_name_endings)),
            ("paper_editions", words(paper_editions)),
            ("outlet_endings", words(outlet_endings)),
            ("masthead_marks", words(masthead_marks)),
            ("banner_endings", words(banner_endings)),
            ("place_endings", words(place_endings)),
            ("place_name_ends", vec![place_name_ends.as_str()]),
            ("credit_fields", words(credit_fields)),
            ("post_endings", words(post_endings)),
            ("box_heads", words(box_heads)),
            ("web_controls", words(web_controls)),
            ("credit_verbs", words(credit_verbs)),
            ("office_endings", words(office_endings)),
            ("pen_name_endings", words(pen_name_endings)),
            ("serial_notes", words(serial_notes)),
            ("serial_previews", words(serial_previews)),
            ("signoff_verbs", words(signoff_verbs)),
            ("signer_endings", words(signer_endings)),
            ("signoff_leads", words(signoff_leads)),
            ("subject_words", words(subject_words)),
            ("speech_verbs", words(speech_verbs)),
            ("news_days.lede_openers", words(&news_days.lede_openers)),
            ("news_days.lede_clause", words(&news_days.lede_clause)),
            ("news_days.report_openers", words(&news_days.report_openers)),
            ("head_fields.kicker", words(&head_fields.kicker)),
            ("head_fields.title", words(&head_fields.title)),
            ("head_fields.subtitle", words(&head_fields.subtitle)),
            ("head_fields.byline", words(&head_fields.byline)),
            ("head_fields.caption", words(&head_fields.caption)),
            ("record_fields.title", words(&record_fields.title)),
            ("record_fields.subtitle", words(&record_fields.subtitle)),
            ("record_fields.author", words(&record_fields.author)),
            ("record_fields.text", words(&record_fields.text)),
        ];
        lists.extend(
            kind_words
                .named()
                .into_iter()
                .map(|(name, list)| (name, words(list))),
        );
        lists
    }

    /// This lexicon with every list of `more` added to its own (a word it has
    /// already is not added twice); what is found from the lists at first use
    /// is found again from the new ones.
    pub fn extended_by(&self, more: &Lexicon) -> Lexicon {
        fn add(mine: &[String], more: &[String]) -> Vec<String> {
            let mut out = mine.to_vec();
            for w in more {
                if !w.is_empty() && !out.contains(w) {
                    out.push(w.clone());
                }
            }
            out
        }
        fn add_chars(mine: &str, more: &str) -> String {
            let mut out = mine.to_string();
            out.extend(
                more.chars()
                    .filter(|c| !c.is_whitespace() && !mine.contains(*c)),
            );
            out
        }
        Lexicon {
            surnames: add_chars(&self.surnames, &more.surnames),
            compound_surnames: add(&self.compound_surnames, &more.compound_surnames),
            column_label_endings: add(&self.column_label_endings, &more.column_label_endings),
            paper_name_endings: add(&self.paper_name_endings, &more.paper_name_endings),
            paper_editions: add(&self.paper_editions, &more.paper_editions),
            outlet_endings: add(&self.outlet_endings, &more.outlet_endings),
            masthead_marks: add(&self.masthead_marks, &more.masthead_marks),
            banner_endings: add(&self.banner_endings, &more.banner_endings),
            place_endings: add(&self.place_endings, &more.place_endings),
            place_name_ends: add_chars(&self.place_name_ends, &more.place_name_ends),
            credit_fields: add(&self.credit_fields, &more.credit_fields),
            post_endings: add(&self.post_endings, &more.post_endings),
            box_heads: add(&self.box_heads, &more.box_heads),
            web_controls: add(&self.web_controls, &more.web_controls),
            credit_verbs: add(&self.credit_verbs, &more.credit_verbs),
            office_endings: add(&self.office_endings, &more.office_endings),
            pen_name_endings: add(&self.pen_name_endings, &more.pen_name_endings),
            serial_notes: add(&self.serial_notes, &more.serial_notes),
            serial_previews: add(&self.serial_previews, &more.serial_previews),
            signoff_verbs: add(&self.signoff_verbs, &more.signoff_verbs),
            signer_endings: add(&self.signer_endings, &more.signer_endings),
            signoff_leads: add(&self.signoff_leads, &more.signoff_leads),
            subject_words: add(&self.subject_words, &more.subject_words),
            speech_verbs: add(&self.speech_verbs, &more.speech_verbs),
            news_days: NewsDays {
                lede_openers: add(&self.news_days.lede_openers, &more.news_days.lede_openers),
                lede_clause: add(&self.news_days.lede_clause, &more.news_days.lede_clause),
                report_openers: add(
                    &self.news_days.report_openers,
                    &more.news_days.report_openers,
                ),
            },
            kind_words: self.kind_words.extended_by(&more.kind_words, add),
            head_fields: HeadFields {
                kicker: add(&self.head_fields.kicker, &more.head_fields.kicker),
                title: add(&self.head_fields.title, &more.head_fields.title),
                subtitle: add(&self.head_fields.subtitle, &more.head_fields.subtitle),
                byline: add(&self.head_fields.byline, &more.head_fields.byline),
                caption: add(&self.head_fields.caption, &more.head_fields.caption),
            },
            record_fields: RecordFields {
                title: add(&self.record_fields.title, &more.record_fields.title),
                subtitle: add(&self.record_fields.subtitle, &more.record_fields.subtitle),
                author: add(&self.record_fields.author, &more.record_fields.author),
                text: add(&self.record_fields.text, &more.record_fields.text),
            },
            news_day_finders: Default::default(),
            control_openers: OnceLock::new(),
            head_label_max: OnceLock::new(),
            list_chars: OnceLock::new(),
            box_head_forms: OnceLock::new(),
        }
    }

    /// The first or last characters of the lists read on most lines, gathered from
    /// this lexicon's lists at their first use.
    fn list_chars(&self) -> &ListChars {
        self.list_chars.get_or_init(|| ListChars {
            banner: WordChars::of_lasts(&self.banner_endings),
            paper: WordChars::of_lasts(self.paper_name_endings.iter().chain(&self.paper_editions)),
            credit_verb: WordChars::of_lasts(&self.credit_verbs),
            signoff_verb: WordChars::of_lasts(&self.signoff_verbs),
            office: WordChars::of_lasts(&self.office_endings),
            signer: WordChars::of_lasts(&self.signer_endings),
            compound_surname_first: WordChars::of_firsts(&self.compound_surnames),
            credit_fields: AnyWord::of(&self.credit_fields),
            kind_words: KindList::ALL
                .iter()
                .map(|&list| AnyWord::of(self.kind_list(list)))
                .collect(),
            news_word_firsts: WordChars::of_firsts(
                self.kind_list(KindList::DatelineWords)
                    .iter()
                    .chain(self.kind_list(KindList::OutletNewsWords)),
            ),
        })
    }
}

impl Lexicon {
    /// Length in characters of the family name `name` opens with (0 when none).
    pub fn surname_len(&self, name: &str) -> usize {
        // (Most names open with no compound surname's first character: none is tried.)
        let firsts = &self.list_chars().compound_surname_first;
        if (firsts.any || name.chars().next().is_some_and(|c| firsts.has(c)))
            && self
                .compound_surnames
                .iter()
                .any(|s| name.starts_with(s.as_str()))
        {
            return 2;
        }
        match name.chars().next() {
            Some(c) if self.surnames.contains(c) => 1,
            _ => 0,
        }
    }
}

impl Lexicon {
    /// `今日关注`, `记者手记`: a short line that ends with a column label's word.
    pub fn is_column_label(&self, text: &str) -> bool {
        let n = text.chars().count();
        (2..=6).contains(&n)
            && self
                .column_label_endings
                .iter()
                .any(|w| text.ends_with(w.as_str()))
    }
}

/// The longest head, in characters, that a pattern of `box_heads` (`…天气`) matches.
const BOX_HEAD_PATTERN_CHARS: usize = 12;

impl Lexicon {
    /// `人物档案`, `链接`: the fixed head of a box set beside a story (spaces not
    /// counted, `人物　档案`); or a head of Han characters alone, at most
    /// [`BOX_HEAD_PATTERN_CHARS`] of them, that a pattern of the list matches
    /// (`…天气`: `今明两天天气`, `筠州未来三天天气`; `致…感谢信`: `致全县献血志愿者的
    /// 感谢信`): the words before the `…` open it, the words after it end it, and
    /// something stands between.
    pub fn is_box_head(&self, text: &str) -> bool {
        let forms = self.box_head_forms();
        let t = super::blocks::trim_white(text);
        // A fixed head, compared without the text's whitespace (gathered only when a
        // space stands inside it, as it seldom does).
        let fixed = if t.contains(char::is_whitespace) {
            forms
                .fixed
                .iter()
                .any(|h| t.chars().filter(|c| !c.is_whitespace()).eq(h.chars()))
        } else {
            forms.fixed.iter().any(|h| t == h)
        };
        if fixed {
            return true;
        }
        forms.patterns.iter().any(|(opens, ends, between)| {
            t.starts_with(opens.as_str())
                && t.ends_with(ends.as_str())
                && (between + 1..=BOX_HEAD_PATTERN_CHARS)
                    .contains(&t.chars().take(BOX_HEAD_PATTERN_CHARS + 1).count())
                && t.chars().all(crate::text::is_han)
        })
    }

    /// `box_heads` read once: the fixed heads, and each pattern's words before and
    /// after its `…` with their characters counted.
    fn box_head_forms(&self) -> &BoxHeadForms {
        self.box_head_forms.get_or_init(|| {
            let mut forms = BoxHeadForms::default();
            for h in &self.box_heads {
                match h.split_once('…') {
                    None => forms.fixed.push(h.clone()),
                    Some((opens, ends)) => forms.patterns.push((
                        opens.to_string(),
                        ends.to_string(),
                        opens.chars().count() + ends.chars().count(),
                    )),
                }
            }
            forms
        })
    }
}

impl Lexicon {
    /// The part of `token` before the credit verb it ends with (`阚小禾翻拍` ->
    /// `阚小禾`, `整理` -> ``), or `None` when it ends with none.
    pub fn before_credit_verb<'t>(&self, token: &'t str) -> Option<&'t str> {
        // (Most tokens end with no verb's last character: no verb is tried.)
        let ends = &self.list_chars().credit_verb;
        if !(ends.any || token.chars().next_back().is_some_and(|c| ends.has(c))) {
            return None;
        }
        self.credit_verbs
            .iter()
            .find_map(|v| token.strip_suffix(v.as_str()))
    }
}

impl Lexicon {
    /// `鼍洲市气象台`, `东街社区服务中心`: a name that ends with an office's word
    /// (`office_endings`), something before it.
    pub fn is_office(&self, name: &str) -> bool {
        // (Most names end with no office word's last character: none is tried.)
        if !name
            .chars()
            .next_back()
            .is_some_and(|c| self.list_chars().office.has(c))
        {
            return false;
        }
        self.office_endings
            .iter()
            .any(|w| name.len() > w.len() && name.ends_with(w.as_str()))
    }
}

impl Lexicon {
    /// `谯北辰先生治丧小组`, `隗长庚及家人`: a name that ends with a signer's word
    /// (`signer_endings`), something before it.
    pub fn ends_like_signer(&self, name: &str) -> bool {
        // (Most names end with no signer word's last character: none is tried.)
        if !name
            .chars()
            .next_back()
            .is_some_and(|c| self.list_chars().signer.has(c))
        {
            return false;
        }
        self.signer_endings
            .iter()
            .any(|w| name.len() > w.len() && name.ends_with(w.as_str()))
    }
}

impl Lexicon {
    /// Whether an office's name ([`Lexicon::is_office`]) or a signer's
    /// ([`Lexicon::ends_like_signer`]) may end with `c`: a name ending otherwise
    /// is neither.
    pub fn may_end_an_issuer(&self, c: char) -> bool {
        let ends = self.list_chars();
        ends.office.has(c) || ends.signer.has(c)
    }
}

impl Lexicon {
    /// `关于…的通告`: a line that opens with a word of `subject_words` (white space
    /// before it passed over).
    pub fn opens_a_subject(&self, text: &str) -> bool {
        let text = text.trim_start();
        self.subject_words
            .iter()
            .any(|w| text.starts_with(w.as_str()))
    }

    /// `关于做好…工作的通知`: a line that holds a word of `subject_words` anywhere.
    pub fn holds_a_subject(&self, text: &str) -> bool {
        self.subject_words.iter().any(|w| text.contains(w.as_str()))
    }

    /// `郗大山说`, `站长表示`: a speaker's name or post before a colon that ends
    /// with a word of `speech_verbs`.
    pub fn ends_with_speech_verb(&self, label: &str) -> bool {
        self.speech_verbs
            .iter()
            .any(|w| label.ends_with(w.as_str()))
    }
}

impl Lexicon {
    /// `听涛客`, `竹溪散人`, `拾穗人`: a name of three or four characters that ends
    /// with a word of `pen_name_endings`, something before it.
    pub fn ends_like_pen_name(&self, name: &str) -> bool {
        (3..=4).contains(&name.chars().count())
            && self
                .pen_name_endings
                .iter()
                .any(|w| name.len() > w.len() && name.ends_with(w.as_str()))
    }

    /// What stands before the longest word of `pen_name_endings` a name of three or
    /// four characters ends with (`趱溪` of `趱溪散人`), when it ends with one.
    pub fn pen_name_stem<'a>(&self, name: &'a str) -> Option<&'a str> {
        if !(3..=4).contains(&name.chars().count()) {
            return None;
        }
        self.pen_name_endings
            .iter()
            .filter(|w| name.len() > w.len() && name.ends_with(w.as_str()))
            .map(String::len)
            .max()
            .map(|l| &name[..name.len() - l])
    }
}

impl Lexicon {
    /// `连载之七`, `连载四十二`: the words inside the brackets of a serial's part
    /// number alone on its line, a word of `serial_notes` and the number after it
    /// (`之` and Chinese or Arabic numerals).
    pub fn is_serial_note(&self, inner: &str) -> bool {
        self.serial_notes.iter().any(|w| {
            inner.strip_prefix(w.as_str()).is_some_and(|rest| {
                let rest = rest.strip_prefix('之').unwrap_or(rest);
                !rest.is_empty()
                    && rest
                        .chars()
                        .all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十百两".contains(c))
            })
        })
    }

    /// `下期预告：芦苇荡里亮起了一盏灯`: a line that opens with a word of
    /// `serial_previews` and a colon after it announces a serial's next part.
    pub fn is_serial_preview(&self, text: &str) -> bool {
        self.serial_previews.iter().any(|w| {
            text.strip_prefix(w.as_str())
                .is_some_and(|rest| rest.starts_with(['：', ':']))
        })
    }
}

impl Lexicon {
    /// What stands before the verb a notice is signed with (`泣告`, `敬谢`) that
    /// `text` ends with, if it ends with one.
    pub fn before_signoff_verb<'a>(&self, text: &'a str) -> Option<&'a str> {
        // (Most lines end with no verb's last character: no verb is tried.)
        let ends = &self.list_chars().signoff_verb;
        if !text.chars().next_back().is_some_and(|c| ends.has(c)) {
            return None;
        }
        self.signoff_verbs
            .iter()
            .filter(|v| !v.is_empty())
            .find_map(|v| text.strip_suffix(v.as_str()))
    }

    /// `子　钮建峰　率`: what stands before a sign-off verb ends with a word that
    /// joins who signs to the verb (`signoff_leads`).
    pub fn ends_with_signoff_lead(&self, who: &str) -> bool {
        self.signoff_leads
            .iter()
            .any(|w| !w.is_empty() && who.ends_with(w.as_str()))
    }

    /// `分享`, `收藏`: a button of a web page under or over its article.
    pub fn is_web_control(&self, word: &str) -> bool {
        self.web_controls.iter().any(|w| w == word)
    }

    /// Whether `text` opens with a button word (see [`Lexicon::is_web_control`]).
    pub fn opens_with_web_control(&self, text: &str) -> bool {
        // (A text that opens with no button word's first character, a line of
        // text opening with a figure, is not compared with every word.)
        let openers = self.control_openers();
        (openers.any || text.chars().next().is_some_and(|c| openers.has(c)))
            && self
                .web_controls
                .iter()
                .any(|w| text.starts_with(w.as_str()))
    }

    /// Whether a button word (see [`Lexicon::is_web_control`]) opens with `c`.
    pub fn opens_web_control(&self, c: char) -> bool {
        self.control_openers().is_one_of(c)
    }

    /// The first characters of `web_controls`, gathered at their first use.
    fn control_openers(&self) -> &WordChars {
        self.control_openers
            .get_or_init(|| WordChars::of_firsts(&self.web_controls))
    }
}

/// How many characters `text` has (at most `cap + 1`) when all are Han, else 0.
fn count_han_only(text: &str, cap: usize) -> usize {
    let mut n = 0;
    for c in text.chars() {
        if !crate::text::is_han(c) {
            return 0;
        }
        n += 1;
        if n > cap {
            break;
        }
    }
    n
}

impl Lexicon {
    /// `华衡日报`, `石砚县报`: a paper's name alone (three to eight Han characters).
    pub fn is_paper_name(&self, text: &str) -> bool {
        // A masthead may space its characters out (`潆　江　日　报`): at most eight
        // Han characters, whitespace not counted, gathered on the stack (a line
        // of text is given up at its ninth character); a web edition's name
        // (`芩州日报数字报`) three more.
        // Most lines end with a mark, no Han character, or a Han character no
        // name's ending or edition ends with: no name, at one look.
        let ends = &self.list_chars().paper;
        if !text
            .chars()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| crate::text::is_han(c) && ends.has(c))
        {
            return false;
        }
        let mut buf = [0u8; 11 * 4];
        let mut len = 0;
        let mut n = 0;
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            if !crate::text::is_han(c) || n == 11 {
                return false;
            }
            n += 1;
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        let Ok(text) = std::str::from_utf8(&buf[..len]) else {
            return false;
        };
        let (text, n) = match self
            .paper_editions
            .iter()
            .find_map(|e| text.strip_suffix(e.as_str()))
        {
            Some(name) => (name, name.chars().count()),
            None => (text, n),
        };
        (3..=8).contains(&n)
            && self
                .paper_name_endings
                .iter()
                .any(|w| text.ends_with(w.as_str()))
    }

    /// `榅城新闻网`, `蒟溪报`, `榅城广播电视台`: the name of an outlet alone, a paper's
    /// (see [`Lexicon::is_paper_name`]) or three to ten Han characters ending with a
    /// word of `outlet_endings`, as a record's source field names it.
    pub fn is_outlet_name(&self, text: &str) -> bool {
        let n = count_han_only(text, 11);
        self.is_paper_name(text)
            || ((3..=10).contains(&n)
                && self
                    .outlet_endings
                    .iter()
                    .any(|w| text.ends_with(w.as_str())))
    }

    /// A masthead mark (`号`, `期`, `农历`) in `text`.
    pub fn has_masthead_mark(&self, text: &str) -> bool {
        self.masthead_marks
            .iter()
            .any(|w| text.contains(w.as_str()))
    }

    /// `简　讯`, `图片新闻`: a banner over a run of briefs or photos (spaces and
    /// bullets not counted; at most eight characters).
    pub fn is_banner(&self, text: &str) -> bool {
        // The last Han character ends a banner word, or the line is none (a letter
        // or a digit after it is none either): at one look from the end.
        let last = text
            .chars()
            .rev()
            .find(|&c| crate::text::is_han(c) || crate::text::is_alphanumeric(c));
        let ends = &self.list_chars().banner;
        if !last.is_some_and(|c| crate::text::is_han(c) && ends.has(c)) {
            return false;
        }
        // The Han characters, at most eight, gathered on the stack.
        let mut buf = [0u8; 8 * 4];
        let mut len = 0;
        let mut n = 0;
        for c in text.chars() {
            if crate::text::is_han(c) {
                if n == 8 {
                    return false;
                }
                n += 1;
                len += c.encode_utf8(&mut buf[len..]).len();
            } else if crate::text::is_alphanumeric(c) {
                return false;
            }
        }
        let Ok(core) = std::str::from_utf8(&buf[..len]) else {
            return false;
        };
        n >= 2
            && self
                .banner_endings
                .iter()
                .any(|w| core.ends_with(w.as_str()))
    }

    /// `筼坪镇`, `荷湾街道`: a place alone on a line, as a round-up labels its items
    /// (Han characters only, two to six, ending with a place's word).
    pub fn is_place_label(&self, text: &str) -> bool {
        let n = text.chars().count();
        (2..=6).contains(&n)
            && text.chars().all(crate::text::is_han)
            && self
                .place_endings
                .iter()
                .any(|w| text.ends_with(w.as_str()) && text.chars().count() > w.chars().count())
    }

    /// `柘塘区`, `篁州站`: `name` ends with a character a place's name ends with (a
    /// short line ending so names a place, no person).
    pub fn ends_like_place(&self, name: &str) -> bool {
        name.chars()
            .next_back()
            .is_some_and(|c| self.place_name_ends.contains(c))
    }

    /// `芦岭县茅坪镇党委书记`, `格物大学物理学院副教授`: a person's post or profession
    /// (Han characters only, at most 24).
    pub fn is_post(&self, text: &str) -> bool {
        let n = text.chars().count();
        (2..=24).contains(&n)
            && text.chars().all(crate::text::is_han)
            && self.post_endings.iter().any(|w| text.ends_with(w.as_str()))
    }

    /// `作者：` with nothing after it: a draft's field label left empty.
    pub fn is_empty_head_field(&self, text: &str) -> bool {
        let f = &self.head_fields;
        let Some(label) = text.strip_suffix(['：', ':']) else {
            return false;
        };
        [&f.kicker, &f.title, &f.subtitle, &f.byline, &f.caption]
            .iter()
            .any(|labels| labels.iter().any(|l| l == label))
    }

    /// `主题：沄州至柘岭城际公交开通`: the role a draft's field label at the start of
    /// `text` names, and the byte length of the label with its colon (`：` or `:`);
    /// `None` when no label opens the line or nothing follows it.
    pub fn head_field(&self, text: &str) -> Option<(DraftField, usize)> {
        let f = &self.head_fields;
        let fields = [
            (DraftField::Kicker, &f.kicker),
            (DraftField::Title, &f.title),
            (DraftField::Subtitle, &f.subtitle),
            (DraftField::Byline, &f.byline),
            (DraftField::Caption, &f.caption),
        ];
        // A label is followed by its colon: a line with none where a label could
        // end names no field (most lines; one look at their first bytes).
        let longest = *self.head_label_max.get_or_init(|| {
            fields
                .iter()
                .flat_map(|(_, labels)| labels.iter().map(String::len))
                .max()
                .unwrap_or(0)
        });
        // (A byte search for `:` and the `EF` that opens `：`.)
        let b = text.as_bytes();
        if !memchr::memchr2_iter(b':', 0xEF, &b[..b.len().min(longest + 1)])
            .any(|i| b[i] == b':' || b[i..].starts_with("：".as_bytes()))
        {
            return None;
        }
        for (field, labels) in fields {
            for label in labels {
                let Some(rest) = text.strip_prefix(label.as_str()) else {
                    continue;
                };
                let Some(after) = rest.strip_prefix(['：', ':']) else {
                    continue;
                };
                if !super::blocks::trim(after).is_empty() {
                    return Some((field, text.len() - after.len()));
                }
            }
        }
        None
    }

    /// `Title-题名: 小区里的“共享菜园”纠纷`: a database record's field label (ASCII
    /// letters, `-`, one to six Han characters, a colon) at the start of `text`, what the
    /// field holds, and the byte length of the label with its colon; `None` when no
    /// such label opens the line.
    pub fn record_field(&self, text: &str) -> Option<(RecordField, usize)> {
        let latin = text.bytes().take_while(u8::is_ascii_alphabetic).count();
        let rest = text[latin..].strip_prefix('-')?;
        if latin < 2 {
            return None;
        }
        let han = rest
            .char_indices()
            .take_while(|&(_, c)| crate::text::is_han(c))
            .take(7)
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let name = &rest[..han];
        let n = name.chars().count();
        if !(1..=6).contains(&n) {
            return None;
        }
        let after = rest[han..].strip_prefix(['：', ':'])?;
        let f = &self.record_fields;
        let is = |names: &[String]| names.iter().any(|w| w == name);
        let field = if is(&f.title) {
            RecordField::Title
        } else if is(&f.subtitle) {
            RecordField::Subtitle
        } else if is(&f.author) {
            RecordField::Author
        } else if is(&f.text) {
            RecordField::Text
        } else {
            RecordField::Other
        };
        Some((field, text.len() - after.len()))
    }

    /// The words of one list that tell the day of the news.
    pub fn news_days(&self, list: NewsDayWords) -> impl Iterator<Item = &str> {
        let words = match list {
            NewsDayWords::LedeOpeners => &self.news_days.lede_openers,
            NewsDayWords::LedeClause => &self.news_days.lede_clause,
            NewsDayWords::ReportOpeners => &self.news_days.report_openers,
        };
        words.iter().map(String::as_str)
    }

    /// One list of the words an article's kind is told by.
    pub fn kind_words(&self, list: KindList) -> impl Iterator<Item = &str> {
        self.kind_list(list).iter().map(String::as_str)
    }

    /// Whether `text` ends with a word of the kind list `list` (`…通告`, `…一览`).
    pub fn ends_with_kind_word(&self, list: KindList, text: &str) -> bool {
        self.kind_words(list)
            .any(|w| !w.is_empty() && text.ends_with(w))
    }

    /// Whether a word of the kind list `list` may open among the first `chars`
    /// characters of `text`: one of them is a word's first character (`讯`, `消`
    /// of `kind_words.dateline_words`). Read a character at a time, no more than
    /// `chars`: a first test that most lines fail before they are searched.
    pub fn kind_word_may_open_within(&self, list: KindList, text: &str, chars: usize) -> bool {
        self.list_chars()
            .kind_words
            .get(list as usize)
            .is_some_and(|words| text.chars().take(chars).any(|c| words.firsts.has(c)))
    }

    /// Whether a word of `kind_words.dateline_words` or
    /// `kind_words.outlet_news_words` may open among the first `chars` characters
    /// of `text`: [`Lexicon::kind_word_may_open_within`] of either list, the
    /// opening read once for both.
    pub fn news_word_may_open_within(&self, text: &str, chars: usize) -> bool {
        let firsts = &self.list_chars().news_word_firsts;
        text.chars().take(chars).any(|c| firsts.has(c))
    }

    /// Whether `text` may open with a word of the kind list `list`: its first
    /// character opens one (or an empty word is listed). A text that fails opens
    /// with none of the list's words, and no word needs comparing.
    pub fn kind_word_may_open(&self, list: KindList, text: &str) -> bool {
        self.list_chars()
            .kind_words
            .get(list as usize)
            .is_none_or(|words| {
                words.firsts.any || text.chars().next().is_some_and(|c| words.firsts.has(c))
            })
    }

    fn kind_list(&self, list: KindList) -> &[String] {
        self.kind_words.list(list)
    }

    /// Whether a word of the kind list `list` stands anywhere in `text` (a head, a
    /// byline: one reading for all the list's words, see [`AnyWord`]).
    pub fn holds_kind_word(&self, list: KindList, text: &str) -> bool {
        self.list_chars()
            .kind_words
            .get(list as usize)
            .is_some_and(|words| words.in_text(text))
    }

    /// Whether a word of the list `list` (see [`Lexicon::news_days`]) stands
    /// anywhere in `text` (a pattern as [`news_day_word_at`] reads it): one scan
    /// for all the list's plain words, where a search for each read the text once
    /// a word.
    pub fn holds_news_day_word(&self, list: NewsDayWords, text: &str) -> bool {
        let (words, at) = match list {
            NewsDayWords::LedeOpeners => (&self.news_days.lede_openers, 0),
            NewsDayWords::LedeClause => (&self.news_days.lede_clause, 1),
            NewsDayWords::ReportOpeners => (&self.news_days.report_openers, 2),
        };
        let plain = || words.iter().filter(|w| !w.contains('…'));
        let finder = self.news_day_finders[at].get_or_init(|| NewsDayFinder {
            plain: aho_corasick::AhoCorasick::new(plain()).ok(),
            patterns: words.iter().filter(|w| w.contains('…')).cloned().collect(),
        });
        let found = match &finder.plain {
            Some(plain) => plain.is_match(text),
            None => plain().any(|w| text.contains(w.as_str())),
        };
        found
            || finder
                .patterns
                .iter()
                .any(|w| news_day_word_at(w, text, false))
    }

    /// The fields of a page's credit line.
    pub fn credit_fields(&self) -> impl Iterator<Item = &str> {
        self.credit_fields.iter().map(String::as_str)
    }

    /// A page credit field (`责任编辑`, `美编`) anywhere in `text`.
    pub fn has_credit_field(&self, text: &str) -> bool {
        // (Every short line of every page asks, and is a few characters long.)
        self.list_chars().credit_fields.in_text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_box_head` as it read the list before its forms were kept: every head
    /// parted at its `…` on every call, the text's whitespace skipped.
    fn box_head_read_anew(l: &Lexicon, text: &str) -> bool {
        l.box_heads.iter().any(|h| match h.split_once('…') {
            None => text.chars().filter(|c| !c.is_whitespace()).eq(h.chars()),
            Some((opens, ends)) => {
                let t = text.trim();
                let n = t.chars().take(BOX_HEAD_PATTERN_CHARS + 1).count();
                t.starts_with(opens)
                    && t.ends_with(ends)
                    && n > opens.chars().count() + ends.chars().count()
                    && n <= BOX_HEAD_PATTERN_CHARS
                    && t.chars().all(crate::text::is_han)
            }
        })
    }

    /// `news_day_word_at` read another way: every place of the text where the word
    /// (or a pattern's first part) may stand is tried, and for a pattern every later
    /// place of its second part, a character or more after the first part's end.
    fn news_day_word_read_at_every_place(word: &str, text: &str, opening: bool) -> bool {
        let places: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let starts: Vec<usize> = if opening { vec![0] } else { places.clone() };
        let Some((opens, ends)) = word.split_once('…') else {
            return starts.iter().any(|&i| text[i..].starts_with(word));
        };
        starts.iter().any(|&i| {
            let end = i + opens.len();
            text[i..].starts_with(opens)
                && places
                    .iter()
                    .filter(|&&j| j > end)
                    .any(|&j| text[j..].starts_with(ends))
        })
    }

    /// Every kind list reads the words of the lexicon's `[kind_words]` table under
    /// its own name (the list's name in snake case: `NoticeHeads`,
    /// `kind_words.notice_heads`), as the embedded file read as plain TOML gives
    /// them, and tells each of them in a text; every list of the table is read.
    #[test]
    fn every_kind_list_reads_its_own_words_of_the_lexicon() {
        let file: toml::Table = toml::from_str(EMBEDDED).expect("the embedded lexicon");
        let table = file["kind_words"].as_table().expect("a [kind_words] table");
        let lex = embedded();
        let mut names = Vec::new();
        for list in KindList::ALL {
            let name: String = format!("{list:?}")
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let gap = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                    gap.into_iter().chain(c.to_lowercase())
                })
                .collect();
            let words: Vec<&str> = table
                .get(&name)
                .and_then(|v| v.as_array())
                .unwrap_or_else(|| panic!("kind_words.{name} for {list:?}"))
                .iter()
                .map(|w| w.as_str().expect("a word"))
                .collect();
            assert_eq!(lex.kind_words(list).collect::<Vec<_>>(), words, "{list:?}");
            for w in &words {
                assert!(
                    lex.holds_kind_word(list, &format!("一{w}二")),
                    "{list:?} {w}"
                );
            }
            names.push(name);
        }
        let mut read: Vec<&str> = table.keys().map(String::as_str).collect();
        read.sort_unstable();
        names.sort_unstable();
        assert_eq!(read, names);
    }

    proptest::proptest! {
        /// A dateline's word may open in a line's opening, read once for both
        /// lists, exactly where either list's first characters told it read one
        /// list at a time; a label may open a text wherever one of the list's words
        /// does (the first-character test turns none away).
        #[test]
        fn news_words_and_labels_are_told_as_each_list_read_alone(
            s in "(讯|消息|消|息|问|记者|记|本报|据|新华社|电|分享|赞|阅读原文|阅|：|:|a|1| |\u{3000}){0,12}",
            chars in 0usize..12
        ) {
            let lex = lexicon();
            let either = [KindList::DatelineWords, KindList::OutletNewsWords]
                .into_iter()
                .any(|list| lex.kind_word_may_open_within(list, &s, chars));
            proptest::prop_assert_eq!(lex.news_word_may_open_within(&s, chars), either, "{:?}", s);
            for list in KindList::ALL {
                let opens = lex.kind_words(list).any(|w| !w.is_empty() && s.starts_with(w));
                proptest::prop_assert!(!opens || lex.kind_word_may_open(list, &s), "{:?} {:?}", list, s);
            }
            // A button word opens a text, and its first character, as every word
            // compared tells.
            let control = lex.web_controls.iter().any(|w| s.starts_with(w.as_str()));
            proptest::prop_assert_eq!(lex.opens_with_web_control(&s), control, "{:?}", s);
            if let Some(c) = s.chars().next() {
                let opener = lex.web_controls.iter().any(|w| w.starts_with(c));
                proptest::prop_assert_eq!(lex.opens_web_control(c), opener, "{:?}", c);
            }
        }
    }

    proptest::proptest! {
        /// A box's head is told from the list's forms read once as from the list
        /// read anew: fixed heads spaced out or not, patterns' heads of every
        /// length, among look-alikes, punctuation and spaces.
        #[test]
        fn a_box_head_is_told_as_reading_the_list_anew_tells_it(
            s in "( |　|\\t|人物|档案|链接|相关|天气|今日|提示|温馨|致|全县|的|感谢信|，|a|1){0,9}"
        ) {
            let l = lexicon();
            proptest::prop_assert_eq!(l.is_box_head(&s), box_head_read_anew(l, &s), "{:?}", s);
        }
    }

    proptest::proptest! {
        /// The lists looked up by a word's first or last character first answer
        /// as reading every word of the list: offices, signers, compound
        /// surnames, credit fields (among look-alike characters and empty text).
        #[test]
        fn words_told_by_their_first_or_last_character_are_every_words_answer(
            s in "(气象台|中心|居委会|委|会|台|站|治丧小组|小组|家属|全家|欧阳|司马|欧|司|责任编辑|责编|美编|编|审核|审|王|a| |\u{3000}){0,6}"
        ) {
            let lex = lexicon();
            let ends = |list: &[String]| list.iter().any(|w| s.len() > w.len() && s.ends_with(w.as_str()));
            proptest::prop_assert_eq!(lex.is_office(&s), ends(&lex.office_endings), "{}", s);
            proptest::prop_assert_eq!(lex.ends_like_signer(&s), ends(&lex.signer_endings), "{}", s);
            let compound = lex.compound_surnames.iter().any(|w| s.starts_with(w.as_str()));
            proptest::prop_assert_eq!(lex.surname_len(&s) == 2, compound, "{}", s);
            let credit = lex.credit_fields.iter().any(|w| s.contains(w.as_str()));
            proptest::prop_assert_eq!(lex.has_credit_field(&s), credit, "{}", s);
        }

        /// A text holds a word of a `kind_words` list exactly when a search for
        /// each of the list's words finds one in it: at its start, inside, at its
        /// end, among look-alikes (each word's first and last character alone:
        /// `评`, `论`, `闻`) and other characters. The pieces are every word of
        /// every list, so that each list is asked about its own words.
        #[test]
        fn a_kind_word_is_found_as_a_search_for_each_finds_it(
            picks in proptest::collection::vec(0usize..1000, 0..8)
        ) {
            let lex = lexicon();
            let mut pieces: Vec<String> = vec!["a".into(), " ".into(), "，".into()];
            for list in KindList::ALL {
                for w in lex.kind_words(list).filter(|w| !w.is_empty()) {
                    pieces.push(w.to_string());
                    pieces.extend(w.chars().next().map(String::from));
                    pieces.extend(w.chars().last().map(String::from));
                }
            }
            let s: String = picks.iter().map(|&i| pieces[i % pieces.len()].as_str()).collect();
            for list in KindList::ALL {
                let searched = lex.kind_words(list).any(|w| s.contains(w));
                proptest::prop_assert_eq!(lex.holds_kind_word(list, &s), searched, "{}", s);
            }
        }

        /// A long text (a paragraph, searched by the automaton) and a short one
        /// (read a character at a time) hold a word of a list exactly when a search
        /// for each of its words finds one: notice terms among look-alikes.
        #[test]
        fn any_word_finds_as_a_search_for_each_word_finds(
            s in "(报名时间|报名|时间|咨询电话|咨询|须年满|须|请携带|请|不另行通知|不|另行|通知|报名自|自|a|，|。){0,60}"
        ) {
            let lex = lexicon();
            for list in KindList::ALL {
                let words: Vec<String> = lex.kind_words(list).map(String::from).collect();
                let searched = words.iter().any(|w| s.contains(w.as_str()));
                let any = AnyWord::of(&words);
                proptest::prop_assert_eq!(any.in_text(&s), searched, "{}", s);
                proptest::prop_assert_eq!(any.read_for(&s), searched, "{}", s);
                proptest::prop_assert_eq!(lex.holds_kind_word(list, &s), searched, "{}", s);
            }
        }

        /// A text holds a word of a `news_days` list exactly when a reading of
        /// every place in it finds one there (a pattern `A…B`: A at some place, B
        /// at a later one with a character or more between), where the text opens
        /// or anywhere, patterns' parts repeated (`日前日前`, `记者记者获悉`).
        #[test]
        fn a_news_day_word_is_found_as_a_search_for_each_finds_it(
            s in "(今天|昨天|近日|日前|这几天|日讯|上午|连日来|今年以来|以来|截至|记者|获悉|了解到|从|今|日|天|近|这|年|a|，){0,8}"
        ) {
            let lex = lexicon();
            for list in [NewsDayWords::LedeOpeners, NewsDayWords::LedeClause, NewsDayWords::ReportOpeners] {
                let anywhere = lex.news_days(list).any(|w| news_day_word_read_at_every_place(w, &s, false));
                proptest::prop_assert_eq!(lex.holds_news_day_word(list, &s), anywhere, "{}", s);
                for w in lex.news_days(list) {
                    for opening in [true, false] {
                        proptest::prop_assert_eq!(
                            news_day_word_at(w, &s, opening),
                            news_day_word_read_at_every_place(w, &s, opening),
                            "{} in {} (opening: {})", w, s, opening
                        );
                    }
                }
            }
        }
    }

    /// The config's `[lexicon]` adds its words to the embedded lists: a list it
    /// names reads them (what is built from a list at first use, too), every other
    /// list is as it was, and a word the list has already is not added twice.
    #[test]
    fn additions_extend_the_embedded_lists() {
        let more: Lexicon = toml::from_str(
            "column_label_endings = [\"夜话\", \"关注\"]\n\
             credit_fields = [\"执行主编\"]\n\
             surnames = \"鞲 王\"\n\
             [head_fields]\ntitle = [\"大标题：\"]\n",
        )
        .unwrap();
        assert!(!more.is_empty() && Lexicon::default().is_empty());
        let base = embedded();
        // Built from the embedded list first, so the extension must build its own.
        assert!(!base.has_credit_field("本期执行主编：甘若愚"));
        let both = base.extended_by(&more);
        assert!(!base.is_column_label("山城夜话") && both.is_column_label("山城夜话"));
        assert!(both.has_credit_field("本期执行主编：甘若愚"));
        assert_eq!(both.surname_len("鞲映雪"), 1);
        assert_eq!(base.surname_len("鞲映雪"), 0);
        assert_eq!(
            both.head_field("大标题：江上新桥合龙"),
            Some((DraftField::Title, "大标题：".len()))
        );
        let count =
            |l: &Lexicon, w: &str| l.column_label_endings.iter().filter(|e| *e == w).count();
        assert_eq!(count(&both, "关注"), 1);
        assert_eq!(both.surnames.matches('王').count(), 1);
        assert_eq!(both.is_banner("城事短波"), base.is_banner("城事短波"));
        assert_eq!(
            both.extended_by(&Lexicon::default()).digest(),
            both.digest()
        );
        assert_ne!(both.digest(), base.digest());
    }

    /// A list the lexicon does not have is refused by name.
    #[test]
    fn an_unknown_list_is_refused() {
        let err = toml::from_str::<Lexicon>("colum_label_endings = [\"夜话\"]").unwrap_err();
        assert!(err.message().contains("colum_label_endings"), "{err}");
    }

    #[test]
    fn embedded_lexicon_parses() {
        let l: Lexicon = toml::from_str(EMBEDDED).unwrap();
        assert!(l.surnames.contains('王'));
        assert_eq!(lexicon().surname_len("欧阳修"), 2);
        assert_eq!(lexicon().surname_len("严秋实"), 1);
        assert_eq!(lexicon().surname_len("今日关注"), 0);
        assert!(lexicon().is_column_label("今日关注"));
        assert!(lexicon().is_column_label("记者手记"));
        assert!(!lexicon().is_column_label("老旧小区改造成效受到关注"));
        assert!(lexicon().is_paper_name("华衡日报"));
        assert!(!lexicon().is_paper_name("喜报"));
        assert!(!lexicon().is_paper_name("本报记者 王芳"));
        assert!(lexicon().is_box_head("人物　档案"));
        assert!(lexicon().is_box_head("今明两天天气"));
        assert!(lexicon().is_box_head("冬季用气安全提示"));
        assert!(lexicon().is_box_head("致全县献血志愿者的感谢信"));
        assert!(!lexicon().is_box_head("高温天气水稻如何防热害"));
        assert!(!lexicon().is_box_head("省交通运输厅发布春运出行提示"));
        assert!(!lexicon().is_box_head("晴好天气，适合出游"));
        assert!(lexicon().is_banner("简　讯"));
        assert!(lexicon().is_banner("■图片新闻"));
        assert!(!lexicon().is_banner("今日关注"));
        assert!(!lexicon().is_banner("全市各区县防汛工作最新动态"));
        assert!(lexicon().is_post("芦岭县茅坪镇党委书记"));
        assert!(!lexicon().is_post("新书记上任"));
        assert!(lexicon().is_banner("热线速递"));
        assert!(lexicon().is_banner("城事短波"));
        assert!(lexicon().is_banner("图片报道"));
        assert!(lexicon().is_place_label("筼坪镇"));
        assert!(lexicon().is_place_label("荷湾街道"));
        assert!(!lexicon().is_place_label("镇"));
        assert!(!lexicon().is_place_label("白鹭翩翩"));
        assert!(!lexicon().is_place_label("全市新建改建城市绿道的镇"));
        assert!(lexicon().ends_like_place("柘塘区") && lexicon().ends_like_place("篁州站"));
        assert!(!lexicon().ends_like_place("苏望川") && !lexicon().ends_like_place(""));
        assert!(lexicon().has_credit_field("澄川日报社出版　第7版　责任编辑：孟溪"));
        assert_eq!(
            lexicon().head_field("主题：非遗进校园"),
            Some((DraftField::Title, "主题：".len()))
        );
        assert_eq!(
            lexicon().head_field("副标题: 一季度新增助餐点21个"),
            Some((DraftField::Subtitle, "副标题:".len()))
        );
        assert_eq!(lexicon().head_field("主题："), None);
        assert_eq!(lexicon().head_field("问：学漆器的年轻人多吗？"), None);
        assert_eq!(lexicon().head_field("主题公园开园"), None);
        assert_eq!(
            lexicon().record_field("Title-题名: 让“调解前置”真正前置"),
            Some((RecordField::Title, "Title-题名:".len()))
        );
        assert_eq!(
            lexicon().record_field("FullText-全文："),
            Some((RecordField::Text, "FullText-全文：".len()))
        );
        assert_eq!(
            lexicon().record_field("PubTime-出版日期: 2026-05-12"),
            Some((RecordField::Other, "PubTime-出版日期:".len()))
        );
        assert_eq!(lexicon().record_field("COVID-19疫情防控: 新进展"), None);
        assert_eq!(lexicon().record_field("A-股: 上涨"), None);
        assert_eq!(lexicon().record_field("题名: 无英文名"), None);
    }
}
