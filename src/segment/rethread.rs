//! Re-threading paragraphs cut by column breaks.
//!
//! A paragraph that does not end a sentence is *dangling*: its continuation is
//! the next body text, or, when another article was interleaved, a later one.
//! The continuation is chosen by text flow: the text starts with punctuation that
//! cannot open a paragraph, or the characters either side of the cut make a
//! dictionary word (`剧本孵|化` -> 孵化); failing that, the current article's own
//! dangling paragraph takes the next text. Only a few recent dangling paragraphs
//! are kept, so the work per paragraph is constant.

use super::classify::{head, tail};
use crate::text::is_han;

/// How many dangling paragraphs are remembered at once.
const KEEP: usize = 4;

/// Recent dangling paragraphs, oldest first, as (draft, paragraph) indexes.
#[derive(Debug, Default)]
pub struct Dangling {
    items: Vec<(usize, usize)>,
}

impl Dangling {
    pub fn clear(&mut self) {
        self.items.clear();
    }

    pub fn push(&mut self, draft: usize, para: usize) {
        self.remove(draft, para);
        if self.items.len() == KEEP {
            self.items.remove(0);
        }
        self.items.push((draft, para));
    }

    pub fn remove(&mut self, draft: usize, para: usize) {
        self.items.retain(|&x| x != (draft, para));
    }

    /// Forget the dangling paragraphs of every draft but `draft`.
    pub fn keep_only(&mut self, draft: usize) {
        self.items.retain(|x| x.0 == draft);
    }

    /// The most recent dangling paragraph of a draft other than `draft`.
    pub fn last_other(&self, draft: usize) -> Option<(usize, usize)> {
        self.items.iter().rev().find(|x| x.0 != draft).copied()
    }

    /// The most recent dangling paragraph of `draft`.
    pub fn last_of(&self, draft: usize) -> Option<(usize, usize)> {
        self.items.iter().rev().find(|x| x.0 == draft).copied()
    }

    /// The dangling paragraph `text` continues by text flow: the one of `prefer`
    /// if it bonds, else the oldest that bonds.
    pub fn best<'a>(
        &self,
        text: &str,
        prefer: Option<usize>,
        get: impl Fn(usize, usize) -> Option<&'a str>,
    ) -> Option<(usize, usize)> {
        let mut first: Option<(usize, usize)> = None;
        for &(d, p) in &self.items {
            let Some(para) = get(d, p) else { continue };
            if bond(para, text) {
                if Some(d) == prefer {
                    return Some((d, p));
                }
                first = first.or(Some((d, p)));
            }
        }
        first
    }
}

/// Characters that cannot open a paragraph.
fn cannot_open(c: char) -> bool {
    matches!(
        c,
        '，' | '、'
            | '。'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | ','
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | '%'
            | '％'
    )
}

/// True when `text` opens with punctuation no paragraph opens with: it surely
/// continues a cut sentence.
pub fn opens_mid_sentence(text: &str) -> bool {
    text.chars().next().is_some_and(cannot_open)
}

/// The most characters a row of fields ([`is_field_row`]) has.
const FIELD_ROW_MAX: usize = 24;

/// The most characters a field's label has.
const FIELD_LABEL_MAX: usize = 6;

/// `节气：大雪第六天`, `宜：出行　会友　纳财　　忌：动土　安葬`: a short row of a box
/// (a calendar, the weather, a schedule), fields apart by spaces, the first a label
/// of a few Han characters, a colon and a value, no sentence punctuation anywhere.
/// It ends no sentence, yet no text goes on from it: no column break cut it, and the
/// text it seems to run into (`…第六天` / `天还没亮…`: 天天) is no continuation. A
/// row of one field needs a label of two characters or more that names no speaker's
/// role: `答：持身份证到各区公交服务网点或` and `记者：这个项目什么时候` are the
/// first lines of an answer and a question, cut at a column's foot; a label that
/// ends with a speech verb (`郗大山说：…`, `lexicon().speech_verbs`) opens a
/// quotation, no field.
pub fn is_field_row(text: &str) -> bool {
    if crate::segment::classify::count_upto(text, FIELD_ROW_MAX + 1) > FIELD_ROW_MAX
        || text.contains(['，', '。', '；', '！', '？', '、', ',', ';', '!', '?'])
    {
        return false;
    }
    let mut fields = text
        .split(|c: char| c.is_whitespace())
        .filter(|f| !f.is_empty());
    let Some(first) = fields.next() else {
        return false;
    };
    let Some((label, value)) = first.split_once(['：', ':']) else {
        return false;
    };
    let n = label.chars().count();
    let least = if fields.next().is_some() { 1 } else { 2 };
    (least..=FIELD_LABEL_MAX).contains(&n)
        && label.chars().all(is_han)
        && !value.is_empty()
        && !crate::segment::classify::ROLE_WORDS
            .iter()
            .any(|r| label.ends_with(r))
        && !crate::segment::lexicon::lexicon().ends_with_speech_verb(label)
}

/// True when `text` reads as the continuation of the cut paragraph `para`.
pub fn bond(para: &str, text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if cannot_open(first) {
        return true;
    }
    let Some(last) = para.chars().next_back() else {
        return false;
    };
    if last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() {
        return true;
    }
    if !is_han(last) || !is_han(first) {
        return false;
    }
    let (a, b) = (tail(para, 3), head(text, 3));
    let a_han = a.chars().rev().take_while(|c| is_han(*c)).count();
    let b_han = b.chars().take_while(|c| is_han(*c)).count();
    let jieba = crate::words::jieba();
    // Up to three characters either side of the cut, at most 4 bytes each.
    let mut word = [0u8; 24];
    for (k, m) in [(1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)] {
        if k > a_han || m > b_han {
            continue;
        }
        let (x, y) = (tail(a, k).as_bytes(), head(b, m).as_bytes());
        let len = x.len() + y.len();
        word[..x.len()].copy_from_slice(x);
        word[x.len()..len].copy_from_slice(y);
        if std::str::from_utf8(&word[..len]).is_ok_and(|w| jieba.has_word(w)) {
            return true;
        }
    }
    false
}

/// True when `text` reads on from `line` in the middle of a word: it opens with
/// punctuation no paragraph opens with, or jieba's most likely reading of the
/// characters either side of the break sets a word across it (`闭馆时间推|迟至` ->
/// 推迟). Stricter than `bond`, which takes any dictionary word across the break:
/// a head over its text has one by chance as often as not (`谁来修|读者问` holds
/// 修读, yet reads 修 / 读者), and that is no cut.
pub fn reads_across(line: &str, text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if cannot_open(first) {
        return true;
    }
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    if last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() {
        return true;
    }
    if !is_han(last) || !is_han(first) {
        return false;
    }
    // Five characters either side: enough context for the best reading to settle.
    let (a, b) = (tail(line, 5), head(text, 5));
    let joined = format!("{a}{b}");
    let mut at = 0;
    for word in crate::words::jieba().cut(&joined, false) {
        if at < a.len() && at + word.len() > a.len() {
            return true;
        }
        at += word.len();
        if at >= a.len() {
            break;
        }
    }
    false
}

/// The Han character bigrams of `text` (first `limit` chars), as sorted keys.
pub fn bigrams(text: &str, limit: usize, out: &mut Vec<u64>) {
    let mut prev: Option<char> = None;
    for c in text.chars().take(limit) {
        if is_han(c) {
            if let Some(p) = prev {
                out.push(((p as u64) << 32) | c as u64);
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
}

/// How many distinct Han bigrams of the start of a paragraph (its [`probe`])
/// occur in `context` (the bigram keys of an article's head and lede): lexical
/// cohesion, used to tell which of two interleaved articles a paragraph belongs to.
/// Each key is counted once: the probe's keys found in the context are few, and
/// only they are sorted to drop repeats.
pub fn cohesion(probe: &[u64], context: &BigramSet) -> usize {
    let mut found: Vec<u64> = probe
        .iter()
        .copied()
        .filter(|&k| context.contains(k))
        .collect();
    found.sort_unstable();
    found.dedup();
    found.len()
}

/// A set of bigram keys ([`bigrams`]) asked for one key at a time: open
/// addressing in a table of a power of two slots at least twice as many as the
/// keys put in, a free slot holding 0 (no key is 0: its low half is a Han
/// character). Filled in one reading of the keys and asked in a few steps a key,
/// where a sorted list cost a sort to make and a binary search to ask.
#[derive(Debug, Default, Clone)]
pub struct BigramSet {
    slots: Vec<u64>,
    /// 64 less the table's bits: a key's slot is the top bits of its product with
    /// an odd constant (Fibonacci hashing).
    shift: u32,
    len: usize,
}

impl BigramSet {
    /// Make the set `keys` (in any order, repeated or not).
    pub fn fill(&mut self, keys: &[u64]) {
        let size = (2 * keys.len()).next_power_of_two().max(16);
        self.slots.clear();
        self.slots.resize(size, 0);
        self.shift = 64 - size.trailing_zeros();
        self.len = 0;
        for &k in keys {
            let mut i = self.slot(k);
            loop {
                let s = self.slots[i];
                if s == k {
                    break;
                }
                if s == 0 {
                    self.slots[i] = k;
                    self.len += 1;
                    break;
                }
                i = (i + 1) & (size - 1);
            }
        }
    }

    /// The slot `k` is looked for from.
    fn slot(&self, k: u64) -> usize {
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// True when `k` is in the set.
    pub fn contains(&self, k: u64) -> bool {
        if self.len == 0 || k == 0 {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        loop {
            let s = self.slots[i];
            if s == k {
                return true;
            }
            if s == 0 {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    /// How many keys the set holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the set holds no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The bigram keys of the start of a paragraph, to probe with (as read, repeats
/// and all: [`cohesion`] counts each once).
pub fn probe(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(128);
    bigrams(text, 120, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_across_the_cut_bonds() {
        assert!(bond("这个项目从育苗孵", "化到上市只用了一年。"));
        assert!(bond("他们发现了一面青铜", "镜，保存完好。"));
        assert!(bond("村里的路", "，修好了。"));
        assert!(!bond("他们发现了一面青铜", "有人说这很少见。"));
    }

    /// A cut line reads on into its continuation in jieba's best reading; a head
    /// over its text does not, though a dictionary word may span the break by chance.
    #[test]
    fn only_a_word_read_across_the_break_is_a_cut() {
        assert!(reads_across("这个项目从育苗孵", "化到上市只用了一年。"));
        assert!(reads_across(
            "市博物馆春节期间闭馆时间推",
            "迟至20时，除夕当天闭馆。"
        ));
        assert!(reads_across(
            "统一交给种粮合作",
            "社耕种，农户每亩每年拿租金。"
        ));
        assert!(reads_across("村里的路", "，修好了。"));
        // 修读 and 名古 are words, but these heads end where their words end.
        assert!(bond(
            "人行道上的窨井盖松动谁来修",
            "读者问：公交站旁的井盖松了。"
        ));
        assert!(!reads_across(
            "人行道上的窨井盖松动谁来修",
            "读者问：公交站旁的井盖松了。"
        ));
        assert!(!reads_across(
            "舊城區導賞團本月接受報名",
            "古物古蹟辦事處本月舉辦導賞團。"
        ));
        assert!(!reads_across(
            "八、全省新增城镇就业四十二万人",
            "面对复杂形势，全省今年新增就业。"
        ));
    }

    /// A box's row of fields ends nothing, but nothing goes on from it; a sentence
    /// cut after a colon, a long line or a line with a comma is no such row.
    #[test]
    fn a_row_of_fields_is_no_cut_sentence() {
        assert!(is_field_row("节气：大雪第六天"));
        assert!(is_field_row("宜：出行　会友　纳财　　忌：动土　安葬"));
        assert!(is_field_row("风力：北风3级"));
        assert!(!is_field_row("他说：今天的事，明天"));
        assert!(!is_field_row(
            "记者从市住建局获悉：今年全市集中供暖将于11月"
        ));
        assert!(!is_field_row("出行　会友"));
        assert!(!is_field_row("12月12日：大雪"));
        assert!(!is_field_row("节气："));
        assert!(!is_field_row("答：持身份证到各区公交服务网点或"));
        assert!(!is_field_row("记者：这个项目什么时候"));
        // A speaker's words after a speech verb open a quotation cut at a column's
        // foot.
        assert!(!is_field_row("郗大山说：明年还要再扩种"));
        assert!(!is_field_row("站长表示：新站台月底"));
    }

    #[test]
    fn cohesion_counts_shared_bigrams() {
        let mut keys = Vec::new();
        bigrams("湿地公园开展鸟类监测，记录到", 100, &mut keys);
        let mut ctx = BigramSet::default();
        ctx.fill(&keys);
        assert!(cohesion(&probe("鸟类六十种，湿地公园里很热闹。"), &ctx) >= 3);
        assert_eq!(cohesion(&probe("考生须持准考证进入考场。"), &ctx), 0);
    }

    proptest::proptest! {
        /// The set holds the keys put in and no other, as a sorted list of them
        /// does, whatever their number, repeats and order.
        #[test]
        fn a_bigram_set_holds_what_a_sorted_list_holds(
            keys in proptest::collection::vec(1u64..400, 0..120),
            asked in proptest::collection::vec(0u64..420, 0..60)
        ) {
            let mut set = BigramSet::default();
            set.fill(&keys);
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            sorted.dedup();
            proptest::prop_assert_eq!(set.len(), sorted.len());
            for k in asked.iter().chain(&keys) {
                proptest::prop_assert_eq!(set.contains(*k), sorted.binary_search(k).is_ok(), "{}", k);
            }
            // Cohesion counts the distinct keys asked that the set holds.
            let mut distinct = asked.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let shared = distinct.iter().filter(|k| sorted.binary_search(k).is_ok()).count();
            proptest::prop_assert_eq!(cohesion(&asked, &set), shared);
        }
    }

    #[test]
    fn preferred_draft_wins_among_bonds() {
        let paras = ["项目从育苗孵", "一件青铜"];
        let mut d = Dangling::default();
        d.push(0, 0);
        d.push(1, 0);
        let get = |x: usize, _p: usize| paras.get(x).copied();
        assert_eq!(d.best("化到上市。", None, get), Some((0, 0)));
        assert_eq!(d.best("器出土。", None, get), Some((1, 0)));
        assert_eq!(d.best("，然后。", Some(1), get), Some((1, 0)));
    }
}
