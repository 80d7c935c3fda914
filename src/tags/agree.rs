//! Inter-coder agreement: percent agreement, Cohen's kappa and Krippendorff's
//! alpha (nominal data, any number of coders, missing values allowed), a
//! bootstrap interval for alpha, and the coder pairs that disagree most.
//!
//! A *unit* is an article; each coder who coded it (set any tag, or "no topic")
//! gives each tag the value 1 (set) or 0 (not set); a coder who never coded it
//! gives no value (missing). Agreement is computed per tag over the units with
//! values from two or more coders.

use super::team::Decision;
use std::collections::{BTreeMap, BTreeSet};

/// Values of units (rows) by coders (columns); `None` is missing.
pub type Reliability = Vec<Vec<Option<u32>>>;

/// Krippendorff's alpha for nominal data: `1 - D_o / D_e` from the coincidence
/// matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
/// Units with fewer than two values are not pairable and left out. `None` when
/// there is nothing to compare or no variation (every value the same: `D_e` = 0).
pub fn krippendorff_alpha(data: &Reliability) -> Option<f64> {
    // Coincidences o[c][k], keyed by value.
    let mut o: BTreeMap<(u32, u32), f64> = BTreeMap::new();
    for unit in data {
        let values: Vec<u32> = unit.iter().flatten().copied().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        let w = 1.0 / (m as f64 - 1.0);
        for (i, &c) in values.iter().enumerate() {
            for (j, &k) in values.iter().enumerate() {
                if i != j {
                    *o.entry((c, k)).or_default() += w;
                }
            }
        }
    }
    let mut n_c: BTreeMap<u32, f64> = BTreeMap::new();
    for (&(c, _), &v) in &o {
        *n_c.entry(c).or_default() += v;
    }
    let n: f64 = n_c.values().sum();
    if n < 2.0 {
        return None;
    }
    let observed: f64 = o.iter().filter(|((c, k), _)| c != k).map(|(_, v)| v).sum();
    let sum_nc: f64 = n_c.values().sum();
    let sum_nc2: f64 = n_c.values().map(|x| x * x).sum();
    let expected_pairs = sum_nc * sum_nc - sum_nc2; // sum over c != k of n_c n_k
    if expected_pairs <= 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * observed / expected_pairs)
}

/// Cohen's kappa of two coders over the units both coded: `(p_o - p_e) / (1 -
/// p_e)`, `p_e` from each coder's own distribution of values. `None` when no unit
/// was coded by both, or when chance agreement is 1 (both gave one value only).
pub fn cohen_kappa(pairs: &[(u32, u32)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let agree = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let mut first: BTreeMap<u32, f64> = BTreeMap::new();
    let mut second: BTreeMap<u32, f64> = BTreeMap::new();
    for &(a, b) in pairs {
        *first.entry(a).or_default() += 1.0 / n;
        *second.entry(b).or_default() += 1.0 / n;
    }
    let chance: f64 = first
        .iter()
        .map(|(v, p)| p * second.get(v).copied().unwrap_or(0.0))
        .sum();
    if (1.0 - chance).abs() < 1e-12 {
        return None;
    }
    Some((agree - chance) / (1.0 - chance))
}

/// The share of agreeing pairs of values among all pairs of values of the same
/// unit (for two coders: the share of units on which they agree). `None` when
/// no unit has two values.
pub fn percent_agreement(data: &Reliability) -> Option<f64> {
    let (mut agree, mut pairs) = (0usize, 0usize);
    for unit in data {
        let values: Vec<u32> = unit.iter().flatten().copied().collect();
        for i in 0..values.len() {
            for j in i + 1..values.len() {
                pairs += 1;
                agree += usize::from(values[i] == values[j]);
            }
        }
    }
    (pairs > 0).then(|| agree as f64 / pairs as f64)
}

/// The 95% percentile interval of alpha over `rounds` bootstrap resamples of the
/// units (drawn with replacement by a SplitMix64 generator seeded with `seed`,
/// so the interval is the same on every run). Resamples whose alpha is undefined
/// are skipped; `None` when all are.
pub fn alpha_interval(data: &Reliability, rounds: usize, seed: u64) -> Option<(f64, f64)> {
    let units: Vec<&Vec<Option<u32>>> = data
        .iter()
        .filter(|u| u.iter().flatten().count() >= 2)
        .collect();
    if units.is_empty() {
        return None;
    }
    let mut rng = SplitMix64(seed);
    let mut alphas: Vec<f64> = Vec::with_capacity(rounds);
    let mut resample: Reliability = Vec::with_capacity(units.len());
    for _ in 0..rounds {
        resample.clear();
        for _ in 0..units.len() {
            let i = (rng.next() % units.len() as u64) as usize;
            resample.push(units[i].clone());
        }
        if let Some(a) = krippendorff_alpha(&resample) {
            alphas.push(a);
        }
    }
    if alphas.is_empty() {
        return None;
    }
    alphas.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let i = ((alphas.len() - 1) as f64 * q).round() as usize;
        alphas[i.min(alphas.len() - 1)]
    };
    Some((at(0.025), at(0.975)))
}

/// A small, fast, reproducible generator (Steele, Lea and Flood 2014).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The agreement on one tag.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TagAgreement {
    pub tag: String,
    /// Units with values from two or more coders.
    pub units: usize,
    /// Coders who gave values to those units.
    pub coders: usize,
    pub agreement: Option<f64>,
    /// Only when exactly two coders.
    pub kappa: Option<f64>,
    pub alpha: Option<f64>,
    pub alpha_low: Option<f64>,
    pub alpha_high: Option<f64>,
}

/// How often two coders differ, over every tag of the units both coded.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PairDisagreement {
    pub coders: [String; 2],
    /// Units both coded.
    pub units: usize,
    /// Tag decisions compared (units x tags).
    pub decisions: usize,
    pub disagreements: usize,
}

impl PairDisagreement {
    /// The share of compared decisions that differ.
    pub fn share(&self) -> f64 {
        if self.decisions == 0 {
            0.0
        } else {
            self.disagreements as f64 / self.decisions as f64
        }
    }
}

/// The full agreement report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The coders compared, by name.
    pub coders: Vec<String>,
    pub tags: Vec<TagAgreement>,
    /// Coder pairs, the most disagreeing first.
    pub pairs: Vec<PairDisagreement>,
}

/// Which decisions count and how the interval is drawn.
#[derive(Debug, Clone)]
pub struct Options {
    /// Only these coders (default: every named coder found).
    pub coders: Option<Vec<String>>,
    /// Only these `(issue, id)` units (a sample).
    pub units: Option<std::collections::HashSet<(String, String)>>,
    /// Tags to report first, in this order (the vocabulary); others found follow.
    pub tags: Vec<String>,
    /// Tags that mark a unit as coded without being a category (`no-topic`).
    pub markers: Vec<String>,
    pub rounds: usize,
    pub seed: u64,
}

/// Agreement of `decisions` (see the module docs). The unknown coder (marks
/// without a coder) is never one of the coders compared.
pub fn report(decisions: &[Decision], options: &Options) -> Report {
    // unit -> coder -> tags set
    let mut coded: BTreeMap<(&str, &str), BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    let mut seen_tags: BTreeSet<&str> = BTreeSet::new();
    for d in decisions {
        if d.coder.is_empty()
            || options
                .coders
                .as_ref()
                .is_some_and(|c| !c.iter().any(|x| x == &d.coder))
            || options
                .units
                .as_ref()
                .is_some_and(|u| !u.contains(&(d.issue.clone(), d.id.clone())))
        {
            continue;
        }
        let tags = coded
            .entry((d.issue.as_str(), d.id.as_str()))
            .or_default()
            .entry(d.coder.as_str())
            .or_default();
        if !options.markers.contains(&d.tag) {
            tags.insert(d.tag.as_str());
            seen_tags.insert(d.tag.as_str());
        }
    }
    let coders: Vec<String> = match &options.coders {
        Some(c) => c.clone(),
        None => {
            let all: BTreeSet<&str> = coded.values().flat_map(|m| m.keys().copied()).collect();
            all.into_iter().map(str::to_string).collect()
        }
    };
    let mut tag_names: Vec<String> = options
        .tags
        .iter()
        .filter(|t| !options.markers.contains(t))
        .cloned()
        .collect();
    for t in seen_tags {
        if !tag_names.iter().any(|x| x == t) {
            tag_names.push(t.to_string());
        }
    }
    // Units coded by two or more of the coders.
    let units: Vec<&BTreeMap<&str, BTreeSet<&str>>> =
        coded.values().filter(|m| m.len() >= 2).collect();
    let tags = tag_names
        .iter()
        .map(|tag| {
            let data: Reliability = units
                .iter()
                .map(|m| {
                    coders
                        .iter()
                        .map(|c| {
                            m.get(c.as_str())
                                .map(|set| u32::from(set.contains(tag.as_str())))
                        })
                        .collect()
                })
                .collect();
            let present: BTreeSet<usize> = data
                .iter()
                .flat_map(|u| {
                    u.iter()
                        .enumerate()
                        .filter(|(_, v)| v.is_some())
                        .map(|(i, _)| i)
                })
                .collect();
            let kappa = if present.len() == 2 {
                let (a, b) = (
                    *present.first().unwrap_or(&0),
                    *present.last().unwrap_or(&0),
                );
                let pairs: Vec<(u32, u32)> =
                    data.iter().filter_map(|u| Some((u[a]?, u[b]?))).collect();
                cohen_kappa(&pairs)
            } else {
                None
            };
            let alpha = krippendorff_alpha(&data);
            let interval = alpha.and_then(|_| alpha_interval(&data, options.rounds, options.seed));
            TagAgreement {
                tag: tag.clone(),
                units: data.len(),
                coders: present.len(),
                agreement: percent_agreement(&data),
                kappa,
                alpha,
                alpha_low: interval.map(|i| i.0),
                alpha_high: interval.map(|i| i.1),
            }
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            let mut p = PairDisagreement {
                coders: [a.clone(), b.clone()],
                units: 0,
                decisions: 0,
                disagreements: 0,
            };
            for m in coded.values() {
                let (Some(x), Some(y)) = (m.get(a.as_str()), m.get(b.as_str())) else {
                    continue;
                };
                p.units += 1;
                p.decisions += tag_names.len();
                p.disagreements += x.symmetric_difference(y).count();
            }
            if p.units > 0 {
                pairs.push(p);
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.share()
            .total_cmp(&x.share())
            .then(y.disagreements.cmp(&x.disagreements))
            .then(x.coders.cmp(&y.coders))
    });
    Report {
        coders,
        tags,
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    /// Krippendorff's own worked example (2011, "Computing Krippendorff's
    /// Alpha-Reliability", section B): 4 coders, 12 units, nominal values 1-5
    /// with missing values; the published result is alpha = 0.743.
    #[test]
    fn krippendorff_published_example() {
        let n = None;
        let s = Some;
        let by_coder: [[Option<u32>; 12]; 4] = [
            [
                s(1),
                s(2),
                s(3),
                s(3),
                s(2),
                s(1),
                s(4),
                s(1),
                s(2),
                n,
                n,
                n,
            ],
            [
                s(1),
                s(2),
                s(3),
                s(3),
                s(2),
                s(2),
                s(4),
                s(1),
                s(2),
                s(5),
                n,
                s(3),
            ],
            [
                n,
                s(3),
                s(3),
                s(3),
                s(2),
                s(3),
                s(4),
                s(2),
                s(2),
                s(5),
                s(1),
                n,
            ],
            [
                s(1),
                s(2),
                s(3),
                s(3),
                s(2),
                s(4),
                s(4),
                s(1),
                s(2),
                s(5),
                s(1),
                n,
            ],
        ];
        let data: Reliability = (0..12)
            .map(|u| by_coder.iter().map(|c| c[u]).collect())
            .collect();
        let alpha = krippendorff_alpha(&data).unwrap();
        assert!(close(alpha, 0.743, 0.0005), "{alpha}");
        assert!(close(alpha, pairwise_alpha(&data).unwrap(), 1e-12));
    }

    /// A textbook kappa (Wikipedia "Cohen's kappa", first example): 50 units,
    /// yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o = 0.70, p_e = 0.50,
    /// kappa = 0.40.
    #[test]
    fn cohen_textbook_example() {
        let mut pairs = Vec::new();
        pairs.extend(std::iter::repeat_n((1, 1), 20));
        pairs.extend(std::iter::repeat_n((1, 0), 5));
        pairs.extend(std::iter::repeat_n((0, 1), 10));
        pairs.extend(std::iter::repeat_n((0, 0), 15));
        let k = cohen_kappa(&pairs).unwrap();
        assert!(close(k, 0.40, 1e-12), "{k}");
    }

    /// A small binary example of our own with a missing value. The expected
    /// figures were computed by hand (7 pairable units, n = 14 values, eight 1s
    /// and six 0s, two disagreeing units: alpha = 1 - 13 * 4 / (2 * 8 * 6) =
    /// 11/24; p_o = 5/7, p_e = (4/7)^2 + (3/7)^2 = 25/49, kappa = 10/24) and
    /// checked with this independent Python script of the textbook definitions:
    ///
    /// ```text
    /// units = [(1,1),(1,0),(0,0),(0,0),(1,1),(0,None),(1,1),(0,1)]
    /// pair = [u for u in ([v for v in u if v is not None] for u in units) if len(u) >= 2]
    /// allv = [v for u in pair for v in u]; n = len(allv)
    /// Do = sum(sum(a != b for i, a in enumerate(u) for j, b in enumerate(u) if i != j)
    ///          / (len(u) - 1) for u in pair) / n
    /// De = sum(a != b for i, a in enumerate(allv) for j, b in enumerate(allv) if i != j) / (n * (n - 1))
    /// print(1 - Do / De)                                    # 0.45833333333333337
    /// P = [u for u in units if None not in u]
    /// po = sum(a == b for a, b in P) / len(P)
    /// pa = sum(a for a, b in P) / len(P); pb = sum(b for a, b in P) / len(P)
    /// pe = pa * pb + (1 - pa) * (1 - pb); print((po - pe) / (1 - pe))   # 0.4166666666666667
    /// ```
    #[test]
    fn own_binary_example() {
        let units = [
            (1, Some(1)),
            (1, Some(0)),
            (0, Some(0)),
            (0, Some(0)),
            (1, Some(1)),
            (0, None),
            (1, Some(1)),
            (0, Some(1)),
        ];
        let data: Reliability = units.iter().map(|&(a, b)| vec![Some(a), b]).collect();
        let alpha = krippendorff_alpha(&data).unwrap();
        assert!(close(alpha, 11.0 / 24.0, 1e-12), "{alpha}");
        let pairs: Vec<(u32, u32)> = units.iter().filter_map(|&(a, b)| Some((a, b?))).collect();
        let kappa = cohen_kappa(&pairs).unwrap();
        assert!(close(kappa, 0.416_666_666_666_666_7, 1e-12), "{kappa}");
        assert!(close(percent_agreement(&data).unwrap(), 5.0 / 7.0, 1e-12));
    }

    /// A second, independent implementation for the property tests: alpha
    /// straight from its pairwise definition, `1 - D_o / D_e` with
    /// `D_o = 1/n sum_u 1/(m_u - 1) sum_{i != j in u} [v_i != v_j]` and
    /// `D_e = 1/(n (n - 1)) sum_{i != j over all pairable values} [v_i != v_j]`,
    /// O(n^2), no coincidence matrix.
    fn pairwise_alpha(data: &Reliability) -> Option<f64> {
        let units: Vec<Vec<u32>> = data
            .iter()
            .map(|u| u.iter().flatten().copied().collect::<Vec<_>>())
            .filter(|v| v.len() >= 2)
            .collect();
        let all: Vec<u32> = units.iter().flatten().copied().collect();
        let n = all.len() as f64;
        if n < 2.0 {
            return None;
        }
        let mut d_o = 0.0;
        for u in &units {
            let mut differ = 0.0;
            for (i, a) in u.iter().enumerate() {
                for (j, b) in u.iter().enumerate() {
                    if i != j && a != b {
                        differ += 1.0;
                    }
                }
            }
            d_o += differ / (u.len() as f64 - 1.0);
        }
        d_o /= n;
        let mut d_e = 0.0;
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                if i != j && a != b {
                    d_e += 1.0;
                }
            }
        }
        d_e /= n * (n - 1.0);
        (d_e > 0.0).then(|| 1.0 - d_o / d_e)
    }

    /// Units x coders with values 0-3 and missing values.
    fn reliability() -> impl Strategy<Value = Reliability> {
        (2usize..5).prop_flat_map(|coders| {
            prop::collection::vec(
                prop::collection::vec(prop::option::weighted(0.8, 0u32..4), coders),
                0..25,
            )
        })
    }

    proptest! {
        /// Alpha from the coincidence matrix equals alpha from its pairwise
        /// definition.
        #[test]
        fn alpha_matches_pairwise_definition(data in reliability()) {
            match (krippendorff_alpha(&data), pairwise_alpha(&data)) {
                (Some(a), Some(b)) => prop_assert!(close(a, b, 1e-9), "{} vs {}", a, b),
                (a, b) => prop_assert_eq!(a, b),
            }
        }

        /// Alpha and agreement do not depend on the order of coders or units.
        #[test]
        fn alpha_symmetric_in_coders_and_units(data in reliability(), shift in 0usize..5) {
            let mut turned: Reliability = data.iter().map(|u| {
                let mut u = u.clone();
                let k = shift % u.len().max(1);
                u.rotate_left(k);
                u
            }).collect();
            turned.reverse();
            match (krippendorff_alpha(&data), krippendorff_alpha(&turned)) {
                (Some(a), Some(b)) => prop_assert!(close(a, b, 1e-9)),
                (a, b) => prop_assert_eq!(a, b),
            }
            prop_assert_eq!(percent_agreement(&data).map(|x| (x * 1e9).round()), percent_agreement(&turned).map(|x| (x * 1e9).round()));
        }

        /// Coders who always agree (on data with some variation) give alpha 1,
        /// kappa 1 and agreement 1; alpha is never above 1.
        #[test]
        fn perfect_agreement_gives_one(values in prop::collection::vec(0u32..3, 2..30), coders in 2usize..5) {
            let data: Reliability = values.iter().map(|&v| vec![Some(v); coders]).collect();
            let varied = values.iter().any(|&v| v != values[0]);
            if varied {
                prop_assert!(close(krippendorff_alpha(&data).unwrap(), 1.0, 1e-12));
                let pairs: Vec<(u32, u32)> = values.iter().map(|&v| (v, v)).collect();
                prop_assert!(close(cohen_kappa(&pairs).unwrap(), 1.0, 1e-12));
            } else {
                prop_assert_eq!(krippendorff_alpha(&data), None);
            }
            prop_assert_eq!(percent_agreement(&data), Some(1.0));
        }

        /// Kappa is symmetric in its two coders and at most 1.
        #[test]
        fn kappa_symmetric(pairs in prop::collection::vec((0u32..3, 0u32..3), 1..40)) {
            let swapped: Vec<(u32, u32)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
            match (cohen_kappa(&pairs), cohen_kappa(&swapped)) {
                (Some(a), Some(b)) => {
                    prop_assert!(close(a, b, 1e-12));
                    prop_assert!(a <= 1.0 + 1e-12);
                }
                (a, b) => prop_assert_eq!(a, b),
            }
        }

        /// The bootstrap interval is reproducible and holds alpha's range order.
        #[test]
        fn interval_reproducible(data in reliability(), seed: u64) {
            let a = alpha_interval(&data, 200, seed);
            prop_assert_eq!(a, alpha_interval(&data, 200, seed));
            if let Some((lo, hi)) = a {
                prop_assert!(lo <= hi);
                prop_assert!(hi <= 1.0 + 1e-12);
            }
        }
    }

    fn decision(issue: &str, id: &str, coder: &str, tag: &str) -> Decision {
        Decision {
            issue: issue.into(),
            id: id.into(),
            coder: coder.into(),
            tag: tag.into(),
            mark: crate::tags::TagMark::now(crate::tags::Source::Hand),
        }
    }

    /// Decisions become units: a coder's "no topic" is a 0 for every tag, a
    /// coder who never coded the unit is missing, the unknown coder is left out,
    /// and pairs are ranked by how often they differ.
    #[test]
    fn report_from_decisions() {
        let d = vec![
            decision("a", "1", "wang", "gov"),
            decision("a", "1", "li", "gov"),
            decision("a", "2", "wang", "gov"),
            decision("a", "2", "li", "no-topic"),
            decision("a", "3", "wang", "env"),
            decision("a", "3", "li", "env"),
            decision("a", "3", "zhao", "gov"),
            decision("a", "4", "wang", "gov"),
            decision("a", "4", "", "env"),
        ];
        let r = report(
            &d,
            &Options {
                coders: None,
                units: None,
                tags: vec!["gov".into(), "env".into(), "no-topic".into()],
                markers: vec!["no-topic".into()],
                rounds: 100,
                seed: 1,
            },
        );
        assert_eq!(r.coders, ["li", "wang", "zhao"]);
        let gov = &r.tags[0];
        assert_eq!((gov.tag.as_str(), gov.units, gov.coders), ("gov", 3, 3));
        // Unit 1: 1,1; unit 2: 1,0; unit 3: 0,0,1 -> 1 + 0 + 1 of 1 + 1 + 3 pairs.
        assert!(close(gov.agreement.unwrap(), 2.0 / 5.0, 1e-12));
        assert_eq!(gov.kappa, None, "three coders");
        assert_eq!(r.tags.len(), 2, "no-topic is no category");
        assert_eq!(r.pairs[0].coders, ["li", "zhao"]);
        assert_eq!(
            (
                r.pairs[0].units,
                r.pairs[0].decisions,
                r.pairs[0].disagreements
            ),
            (1, 2, 2)
        );
    }
}
