//! The section palette: fuzzy matching over every heading of every report, in Chinese,
//! full pinyin ("pufa") or pinyin initials ("pfxc"), with `@agency` and `#label` filters.
//!
//! Speed by design (10,000 reports ≈ 250,000 headings): every distinct heading string is
//! indexed and scored once, with its pinyin and initials precomputed; a cheap greedy
//! subsequence pass (both cores) keeps the candidates and pre-scores them; only the best
//! few hundred are scored by fuzzy-matcher (which also gives the matched characters);
//! a query that extends the previous one only looks at the previous survivors.

use crate::corpus::{Corpus, Label, SectionId};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use pinyin::ToPinyin;
use rayon::prelude::*;
use std::collections::HashMap;

/// One distinct heading text with its pinyin forms (a view into [`Arena`]).
struct Title<'a> {
    text: &'a str,
    /// Lower-case full pinyin, e.g. "pufaxuanchuan" (non-hanzi letters/digits kept).
    py: &'a str,
    /// For each byte of `py`, the char index in `text` it came from (255 caps it).
    py_map: &'a [u8],
    /// Initials, e.g. "pfxc".
    ini: &'a str,
    ini_map: &'a [u8],
}

/// Every distinct heading and its pinyin, packed into a few large buffers (no
/// allocation per heading: ~100,000 headings cost tens of MB less this way).
#[derive(Default)]
struct Arena {
    text: String,
    text_at: Vec<u32>,
    py: String,
    py_map: Vec<u8>,
    py_at: Vec<u32>,
    ini: String,
    ini_map: Vec<u8>,
    ini_at: Vec<u32>,
}

impl Arena {
    fn push(&mut self, text: &str) {
        if self.text_at.is_empty() {
            self.text_at.push(0);
            self.py_at.push(0);
            self.ini_at.push(0);
        }
        let (py, py_map, ini, ini_map) = pinyin_forms(text);
        self.text.push_str(text);
        self.py.push_str(&py);
        self.py_map.extend(py_map.iter().map(|&i| i.min(255) as u8));
        self.ini.push_str(&ini);
        self.ini_map
            .extend(ini_map.iter().map(|&i| i.min(255) as u8));
        self.text_at.push(self.text.len() as u32);
        self.py_at.push(self.py.len() as u32);
        self.ini_at.push(self.ini.len() as u32);
    }

    fn len(&self) -> usize {
        self.text_at.len().saturating_sub(1)
    }

    fn get(&self, t: u32) -> Title<'_> {
        let t = t as usize;
        let r = |at: &[u32]| at[t] as usize..at[t + 1] as usize;
        Title {
            text: &self.text[r(&self.text_at)],
            py: &self.py[r(&self.py_at)],
            py_map: &self.py_map[r(&self.py_at)],
            ini: &self.ini[r(&self.ini_at)],
            ini_map: &self.ini_map[r(&self.ini_at)],
        }
    }
}

fn pinyin_forms(text: &str) -> (String, Vec<u16>, String, Vec<u16>) {
    let (mut py, mut py_map, mut ini, mut ini_map) =
        (String::new(), Vec::new(), String::new(), Vec::new());
    for (i, c) in text.chars().enumerate() {
        let i = i.min(u16::MAX as usize) as u16;
        if let Some(p) = c.to_pinyin() {
            let plain = p.plain();
            py.push_str(plain);
            py_map.extend(std::iter::repeat_n(i, plain.len()));
            ini.push_str(p.first_letter());
            ini_map.push(i);
        } else if c.is_ascii_alphanumeric() {
            let l = c.to_ascii_lowercase();
            py.push(l);
            py_map.push(i);
            ini.push(l);
            ini_map.push(i);
        }
    }
    (py, py_map, ini, ini_map)
}

/// A section the palette can jump to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionRef {
    pub report: u32,
    pub section: SectionId,
}

/// One result: the section, its score, and which characters of its title matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaletteHit {
    pub at: SectionRef,
    pub score: i64,
    /// Char indices into the section title.
    pub matched: Vec<usize>,
}

/// The parsed query: text plus filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// The words of the text, as typed (a word naming an agency may become a filter).
    pub words: Vec<String>,
    pub agency: Option<String>,
    pub label: Option<Label>,
    /// A `#word` that names no label (reported to the user).
    pub unknown_label: Option<String>,
}

impl Query {
    /// `普法 @张店 #shortcomings` → text "普法", agency "张店", label shortcomings.
    pub fn parse(s: &str) -> Query {
        let mut q = Query::default();
        let mut words = Vec::new();
        for w in s.split_whitespace() {
            if let Some(a) = w.strip_prefix('@') {
                if !a.is_empty() {
                    q.agency = Some(a.to_string());
                }
            } else if let Some(l) = w.strip_prefix('#') {
                if l.is_empty() {
                    continue;
                }
                match find_label(l) {
                    Some(label) => q.label = Some(label),
                    None => q.unknown_label = Some(l.to_string()),
                }
            } else {
                words.push(w);
            }
        }
        q.text = words.concat();
        q.words = words.iter().map(|w| w.to_string()).collect();
        q
    }
}

/// A label by key ("shortcomings"), key prefix ("short"), or Chinese name ("不足").
pub fn find_label(s: &str) -> Option<Label> {
    let lower = s.to_ascii_lowercase();
    Label::parse(&lower)
        .or_else(|| Label::all().find(|l| l.key().starts_with(&lower)))
        .or_else(|| Label::all().find(|l| l.zh().contains(s) || s.contains(l.zh())))
        .or_else(|| Label::all().find(|l| l.short_names().contains(&s)))
}

pub struct PaletteIndex {
    titles: Arena,
    /// Sections grouped by title: `sections[title_start[t]..title_start[t+1]]`.
    sections: Vec<SectionRef>,
    title_start: Vec<u32>,
    /// Title ids containing a (non-ASCII) character, for Chinese queries.
    char_posting: HashMap<char, Vec<u32>>,
    /// Per report: agency text, its pinyin, where each syllable starts in it, and its
    /// syllables (for `@` filters, matched as the list filter matches them).
    agencies: Vec<(String, String, Vec<usize>, Vec<&'static str>)>,
    matcher: SkimMatcherV2,
    last: std::sync::Mutex<Option<(String, Vec<u32>)>>,
}

/// Candidates the expensive matcher sees per query.
const RESCORE: usize = 400;

impl PaletteIndex {
    pub fn build(corpus: &Corpus) -> PaletteIndex {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut texts: Vec<&str> = Vec::new();
        let mut pairs: Vec<(u32, SectionRef)> = Vec::new();
        for (ri, r) in corpus.reports.iter().enumerate() {
            for (si, s) in r.sections.iter().enumerate() {
                let id = *ids.entry(s.title.as_str()).or_insert_with(|| {
                    texts.push(s.title.as_str());
                    (texts.len() - 1) as u32
                });
                pairs.push((
                    id,
                    SectionRef {
                        report: ri as u32,
                        section: SectionId(si as u32),
                    },
                ));
            }
        }
        let mut titles = Arena::default();
        for t in &texts {
            titles.push(t);
        }
        pairs.sort_by_key(|p| p.0);
        let mut title_start = vec![0u32; titles.len() + 1];
        for &(t, _) in &pairs {
            title_start[t as usize + 1] += 1;
        }
        for i in 0..titles.len() {
            title_start[i + 1] += title_start[i];
        }
        let sections = pairs.into_iter().map(|p| p.1).collect();
        let mut char_posting: HashMap<char, Vec<u32>> = HashMap::new();
        for (i, t) in texts.iter().enumerate() {
            let mut seen: Vec<char> = t.chars().filter(|c| !c.is_ascii()).collect();
            seen.sort_unstable();
            seen.dedup();
            for c in seen {
                char_posting.entry(c).or_default().push(i as u32);
            }
        }
        for l in char_posting.values_mut() {
            l.shrink_to_fit();
        }
        drop(ids);
        let agencies = corpus
            .reports
            .iter()
            .map(|r| {
                let a = r
                    .meta
                    .agency
                    .clone()
                    .unwrap_or_else(|| r.meta.title.clone());
                let (py, py_map, _, _) = pinyin_forms(&a);
                let starts = (0..py.len())
                    .filter(|&i| i == 0 || py_map[i] != py_map[i - 1])
                    .collect();
                let syllables = super::pinyin::syllables(&a);
                (a, py, starts, syllables)
            })
            .collect();
        PaletteIndex {
            titles,
            sections,
            title_start,
            char_posting,
            agencies,
            matcher: SkimMatcherV2::default(),
            last: std::sync::Mutex::new(None),
        }
    }

    /// Forget the previous query, so the next one scans every heading (benchmarks use
    /// this for the worst case: a first keystroke).
    pub fn forget(&self) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    pub fn distinct_titles(&self) -> usize {
        self.titles.len()
    }

    pub fn section_count(&self) -> usize {
        self.sections.len()
    }

    fn agency_ok(&self, report: u32, filter: &str) -> bool {
        let (a, _, _, syllables) = &self.agencies[report as usize];
        if filter.is_ascii() {
            // The list filter's rule: prefixes of consecutive syllables ("zd", "zhd",
            // "gaoqing"; not the "gq" inside "zhongqing").
            super::pinyin::matches(syllables, &filter.to_ascii_lowercase())
        } else {
            a.contains(filter)
        }
    }

    /// Does some report's agency answer to `word` (Chinese substring, or pinyin of at
    /// least two syllables from a syllable start, e.g. "zhangdian")?
    fn names_agency(&self, word: &str) -> bool {
        if word.is_ascii() {
            word.len() >= 4
                && (0..self.agencies.len() as u32).any(|r| {
                    let (_, py, starts, _) = &self.agencies[r as usize];
                    let w = word.to_ascii_lowercase();
                    starts.iter().any(|&i| {
                        py[i..].starts_with(&w)
                            && starts.iter().filter(|&&s| s > i && s < i + w.len()).count() >= 1
                    })
                })
        } else {
            word.chars().count() >= 2 && self.agencies.iter().any(|(a, _, _, _)| a.contains(word))
        }
    }

    /// The best `limit` sections for a query, best first. A word of a several-word
    /// query that names an agency ("zhangdian pufa", "张店 普法") filters by agency.
    pub fn search(&self, corpus: &Corpus, q: &Query, limit: usize) -> Vec<PaletteHit> {
        if q.agency.is_none() && q.words.len() >= 2 {
            let mut q2 = q.clone();
            if let Some(pos) = q.words.iter().position(|w| self.names_agency(w)) {
                q2.agency = Some(q.words[pos].clone());
                q2.words.remove(pos);
                q2.text = q2.words.concat();
                return self.search_resolved(corpus, &q2, limit);
            }
        }
        // One pinyin word that starts an agency's name ("zhangdian", "zaozhuang"): that
        // agency's sections. Otherwise (and for Chinese words such as 科技, which many
        // names contain) the headings, unless nothing matches them.
        let starts_agency = q.words.len() == 1
            && q.text.is_ascii()
            && q.text.len() >= 4
            && self.agencies.iter().any(|(_, py, starts, _)| {
                let w = q.text.to_ascii_lowercase();
                py.starts_with(&w) && starts.iter().any(|&s| s > 0 && s < w.len())
            });
        let hits = if starts_agency {
            Vec::new()
        } else {
            self.search_resolved(corpus, q, limit)
        };
        if hits.is_empty() && q.agency.is_none() && q.words.len() == 1 && self.names_agency(&q.text)
        {
            // Only an agency's name: its sections, in order.
            let q2 = Query {
                agency: Some(q.text.clone()),
                label: q.label,
                ..Query::default()
            };
            return self.search_resolved(corpus, &q2, limit);
        }
        hits
    }

    fn search_resolved(&self, corpus: &Corpus, q: &Query, limit: usize) -> Vec<PaletteHit> {
        let text = q.text.as_str();
        let section_ok = |s: &SectionRef| {
            q.agency
                .as_deref()
                .is_none_or(|a| self.agency_ok(s.report, a))
                && q.label.is_none_or(|l| {
                    corpus.reports[s.report as usize]
                        .section(s.section)
                        .labels
                        .contains(&l)
                })
        };
        if text.is_empty() {
            // Filters only: sections in document order.
            return self
                .sections
                .iter()
                .filter(|s| section_ok(s))
                .take(limit)
                .map(|&at| PaletteHit {
                    at,
                    score: 0,
                    matched: Vec::new(),
                })
                .collect();
        }
        let ascii = text.is_ascii();
        let lower = text.to_ascii_lowercase();
        // Candidate titles: narrowed from the previous query when this one extends it.
        let prev = {
            let last = self.last.lock().unwrap_or_else(|e| e.into_inner());
            match &*last {
                Some((pq, ids)) if lower.starts_with(pq.as_str()) && pq.is_ascii() == ascii => {
                    Some(ids.clone())
                }
                _ => None,
            }
        };
        let pool: Vec<u32> = match prev {
            Some(ids) => ids,
            None if !ascii => self.chinese_pool(text),
            None => (0..self.titles.len() as u32).collect(),
        };
        // Cheap pass on both cores: keep subsequence matches with a pre-score.
        let mut scored: Vec<(i64, u32)> = pool
            .par_iter()
            .filter_map(|&t| {
                let title = self.titles.get(t);
                let s = if ascii {
                    let a = quick_score(title.ini.as_bytes(), lower.as_bytes());
                    let b = quick_score(title.py.as_bytes(), lower.as_bytes());
                    a.map(|x| x + 8).max(b)
                } else {
                    quick_score_chars(title.text, text)
                }?;
                Some((s - title.text.chars().count() as i64, t))
            })
            .collect();
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((lower.clone(), scored.iter().map(|x| x.1).collect()));
        // With filters, drop titles none of whose sections pass.
        if q.agency.is_some() || q.label.is_some() {
            scored.retain(|&(_, t)| self.sections_of(t).iter().any(&section_ok));
        }
        let keep = RESCORE.max(limit);
        if scored.len() > keep {
            scored.select_nth_unstable_by(keep, |a, b| b.0.cmp(&a.0));
            scored.truncate(keep);
        }
        // Fine pass: fuzzy-matcher scores and matched characters.
        let mut fine: Vec<(i64, u32, Vec<usize>)> = scored
            .par_iter()
            .filter_map(|&(_, t)| {
                let title = self.titles.get(t);
                if ascii {
                    let ini = self
                        .matcher
                        .fuzzy_indices(title.ini, &lower)
                        .map(|(s, ix)| {
                            (
                                s + 20,
                                ix.iter()
                                    .map(|&i| title.ini_map[i] as usize)
                                    .collect::<Vec<_>>(),
                            )
                        });
                    let py = self.matcher.fuzzy_indices(title.py, &lower).map(|(s, ix)| {
                        (
                            s,
                            ix.iter()
                                .map(|&i| title.py_map[i] as usize)
                                .collect::<Vec<_>>(),
                        )
                    });
                    let best = match (ini, py) {
                        (Some(a), Some(b)) => Some(if a.0 >= b.0 { a } else { b }),
                        (a, b) => a.or(b),
                    }?;
                    let mut ix = best.1;
                    ix.dedup();
                    Some((best.0, t, ix))
                } else {
                    let (s, ix) = self.matcher.fuzzy_indices(title.text, text)?;
                    Some((s, t, ix))
                }
            })
            .collect();
        fine.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| {
                    self.titles
                        .get(a.1)
                        .text
                        .len()
                        .cmp(&self.titles.get(b.1).text.len())
                })
                .then(a.1.cmp(&b.1))
        });
        // Allocate by what exists, not by what was asked for.
        let mut out = Vec::with_capacity(limit.min(fine.len()));
        'outer: for (score, t, ix) in fine {
            for s in self.sections_of(t) {
                if !section_ok(s) {
                    continue;
                }
                out.push(PaletteHit {
                    at: *s,
                    score,
                    matched: ix.clone(),
                });
                if out.len() >= limit {
                    break 'outer;
                }
            }
        }
        out
    }

    fn sections_of(&self, t: u32) -> &[SectionRef] {
        let (a, b) = (
            self.title_start[t as usize] as usize,
            self.title_start[t as usize + 1] as usize,
        );
        &self.sections[a..b]
    }

    /// Titles containing every non-ASCII character of the query.
    fn chinese_pool(&self, text: &str) -> Vec<u32> {
        let mut chars: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
        chars.sort_unstable();
        chars.dedup();
        let mut lists: Vec<&Vec<u32>> = Vec::new();
        for c in &chars {
            match self.char_posting.get(c) {
                Some(l) => lists.push(l),
                None => return Vec::new(),
            }
        }
        lists.sort_by_key(|l| l.len());
        let Some((first, rest)) = lists.split_first() else {
            return (0..self.titles.len() as u32).collect();
        };
        first
            .iter()
            .copied()
            .filter(|id| rest.iter().all(|l| l.binary_search(id).is_ok()))
            .collect()
    }
}

/// Greedy subsequence match of `q` in `hay` (bytes): None when not a subsequence, else a
/// rough score rewarding consecutive runs and an early start.
fn quick_score(hay: &[u8], q: &[u8]) -> Option<i64> {
    let mut score = 0i64;
    let mut qi = 0;
    let mut last: Option<usize> = None;
    for (i, &b) in hay.iter().enumerate() {
        if qi == q.len() {
            break;
        }
        if b == q[qi] {
            score += match last {
                Some(l) if l + 1 == i => 6,
                _ => 1,
            };
            if qi == 0 {
                score -= (i as i64).min(20) / 2;
            }
            last = Some(i);
            qi += 1;
        }
    }
    (qi == q.len()).then_some(score)
}

fn quick_score_chars(hay: &str, q: &str) -> Option<i64> {
    let mut score = 0i64;
    let mut qs = q.chars().peekable();
    let mut last: Option<usize> = None;
    for (i, c) in hay.chars().enumerate() {
        let Some(&want) = qs.peek() else { break };
        if c == want {
            score += match last {
                Some(l) if l + 1 == i => 6,
                _ => 1,
            };
            last = Some(i);
            qs.next();
        }
    }
    qs.peek().is_none().then_some(score)
}

/// "agency · year · part › section" for a result line.
pub fn describe(corpus: &Corpus, at: SectionRef) -> (String, String) {
    let r = &corpus.reports[at.report as usize];
    let head = format!(
        "{} {}",
        r.meta.agency.as_deref().unwrap_or(&r.meta.title),
        r.meta.year.map(|y| y.to_string()).unwrap_or_default()
    );
    let mut chain = Vec::new();
    let mut id = r.section(at.section).parent;
    while let Some(i) = id {
        let s = r.section(i);
        chain.push(format!("{}{}", s.marker.as_deref().unwrap_or(""), s.title));
        id = s.parent;
    }
    chain.reverse();
    (head, chain.join(" › "))
}

#[cfg(test)]
mod tests;
