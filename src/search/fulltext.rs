//! Full-text search: a jieba-segmented inverted index over every section (its heading and
//! its own text), BM25 ranking, quoted phrases matched exactly.
//!
//! Postings are compact (delta- and varint-encoded section numbers and counts); the index is
//! built on both cores and is meant to be built off the UI thread.

use crate::corpus::{Corpus, SectionId};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A section as a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Doc {
    pub report: u32,
    pub section: SectionId,
}

/// A section after segmentation: its terms with counts, and its length in tokens.
type SegmentedDoc = (Doc, Vec<(String, u16)>, u32);

/// A term's postings: (section, count) pairs in section order, delta- and
/// varint-encoded (most entries take two bytes).
#[derive(Debug, Default)]
struct Postings {
    bytes: Vec<u8>,
    len: u32,
    last: u32,
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

impl Postings {
    fn push(&mut self, doc: u32, tf: u16) {
        put_varint(&mut self.bytes, doc - self.last);
        put_varint(&mut self.bytes, tf as u32);
        self.last = doc;
        self.len += 1;
    }

    fn iter(&self) -> PostingIter<'_> {
        PostingIter {
            bytes: &self.bytes,
            at: 0,
            doc: 0,
        }
    }
}

struct PostingIter<'a> {
    bytes: &'a [u8],
    at: usize,
    doc: u32,
}

impl PostingIter<'_> {
    fn varint(&mut self) -> u32 {
        let mut v = 0u32;
        let mut shift = 0;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            v |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        v
    }
}

impl Iterator for PostingIter<'_> {
    type Item = (u32, u16);
    fn next(&mut self) -> Option<(u32, u16)> {
        if self.at >= self.bytes.len() {
            return None;
        }
        self.doc += self.varint();
        let tf = self.varint() as u16;
        Some((self.doc, tf))
    }
}

pub struct TextIndex {
    docs: Vec<Doc>,
    doc_len: Vec<u32>,
    avg_len: f32,
    terms: HashMap<Box<str>, u32>,
    postings: Vec<Postings>,
    /// The Chinese terms with their pinyin, grouped by the first letter, made on the
    /// first query typed in pinyin.
    pinyin: std::sync::OnceLock<Vec<Vec<PinyinTerm>>>,
}

/// A word typed in pinyin, and the corpus's words it spells (the most common first);
/// `pick` is the one searched for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub pinyin: String,
    pub words: Vec<String>,
    pub pick: usize,
}

impl std::fmt::Display for Reading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}→{}", self.pinyin, self.words[self.pick])
    }
}

/// A Chinese term of the index, its syllables and in how many sections it occurs.
struct PinyinTerm {
    term: Box<str>,
    syllables: Box<[&'static str]>,
    df: u32,
}

/// One ranked hit.
#[derive(Debug, Clone, PartialEq)]
pub struct TextHit {
    pub doc: Doc,
    pub score: f32,
}

/// Words worth indexing: anything with a letter, digit or ideograph; ASCII lower-cased.
fn norm_token(w: &str) -> Option<String> {
    if !w.chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(w.to_ascii_lowercase())
}

/// Tokens of a text, as the index sees them.
pub fn tokens(text: &str) -> Vec<String> {
    crate::align::jieba()
        .cut(text, false)
        .into_iter()
        .filter_map(|t| norm_token(t.word))
        .collect()
}

/// What a query asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    /// Every token must occur in the section.
    pub terms: Vec<String>,
    /// Each phrase must occur verbatim (ASCII case-insensitive).
    pub phrases: Vec<String>,
}

impl TextQuery {
    /// `法治 "行政复议"`: words are segmented; quoted parts are exact phrases.
    pub fn parse(q: &str) -> TextQuery {
        let mut out = TextQuery::default();
        let mut rest = String::new();
        let mut in_quote = false;
        let mut cur = String::new();
        for c in q.chars() {
            match c {
                '"' | '“' | '”' => {
                    if in_quote {
                        if !cur.trim().is_empty() {
                            out.phrases.push(cur.trim().to_string());
                        }
                        cur.clear();
                    }
                    in_quote = !in_quote;
                }
                _ if in_quote => cur.push(c),
                _ => rest.push(c),
            }
        }
        if in_quote && !cur.trim().is_empty() {
            out.phrases.push(cur.trim().to_string());
        }
        let mut terms: Vec<String> = Vec::new();
        for part in out
            .phrases
            .iter()
            .map(String::as_str)
            .chain([rest.as_str()])
        {
            for t in tokens(part) {
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
        }
        out.terms = terms;
        out
    }

    /// Strings to highlight in results.
    pub fn highlights(&self) -> Vec<String> {
        let mut h: Vec<String> = self.phrases.clone();
        h.extend(self.terms.iter().cloned());
        h
    }
}

fn doc_text(corpus: &Corpus, d: Doc) -> (&str, &str) {
    let s = corpus.reports[d.report as usize].section(d.section);
    (&s.title, &s.text)
}

impl TextIndex {
    /// Build over every section; `done` counts reports processed (for progress).
    pub fn build(corpus: &Corpus, done: &AtomicUsize) -> TextIndex {
        let mut docs = Vec::new();
        let mut doc_len = Vec::new();
        let mut terms: HashMap<Box<str>, u32> = HashMap::new();
        let mut postings: Vec<Postings> = Vec::new();
        // Segment a chunk of reports on both cores, fold it into the postings, drop it:
        // the token lists of the whole corpus never exist at once.
        for (c, chunk) in corpus.reports.chunks(256).enumerate() {
            let base = c * 256;
            let per_report: Vec<Vec<SegmentedDoc>> = chunk
                .par_iter()
                .enumerate()
                .map(|(k, r)| {
                    let ri = base + k;
                    let out = r
                        .sections
                        .iter()
                        .enumerate()
                        .map(|(si, s)| {
                            let mut counts: HashMap<String, u16> = HashMap::new();
                            let mut len = 0u32;
                            for text in [&s.title, &s.text] {
                                for t in tokens(text) {
                                    len += 1;
                                    let e = counts.entry(t).or_default();
                                    *e = e.saturating_add(1);
                                }
                            }
                            let doc = Doc {
                                report: ri as u32,
                                section: SectionId(si as u32),
                            };
                            (doc, counts.into_iter().collect(), len)
                        })
                        .collect();
                    done.fetch_add(1, Ordering::Relaxed);
                    out
                })
                .collect();
            for report in per_report {
                for (doc, counts, len) in report {
                    let id = docs.len() as u32;
                    docs.push(doc);
                    doc_len.push(len);
                    for (t, tf) in counts {
                        let tid = match terms.get(t.as_str()) {
                            Some(&x) => x,
                            None => {
                                let x = postings.len() as u32;
                                terms.insert(t.into_boxed_str(), x);
                                postings.push(Postings::default());
                                x
                            }
                        };
                        postings[tid as usize].push(id, tf);
                    }
                }
            }
        }
        for p in &mut postings {
            p.bytes.shrink_to_fit();
        }
        let avg_len = if doc_len.is_empty() {
            1.0
        } else {
            doc_len.iter().map(|&l| l as f64).sum::<f64>() as f32 / doc_len.len() as f32
        };
        TextIndex {
            docs,
            doc_len,
            avg_len,
            terms,
            postings,
            pinyin: std::sync::OnceLock::new(),
        }
    }

    /// Is `t` a word of the corpus?
    pub fn has_term(&self, t: &str) -> bool {
        self.terms.contains_key(t)
    }

    /// Read the query's words typed in letters that the corpus lacks as pinyin: each
    /// becomes the corpus's word it spells ("pufa" → 普法), the pick an earlier reading
    /// of the same word made (`before`) or the most common. Returns the readings made.
    pub fn read_pinyin(&self, q: &mut TextQuery, before: &[Reading]) -> Vec<Reading> {
        let mut out = Vec::new();
        for t in &mut q.terms {
            if t.len() < 2 || !t.bytes().all(|b| b.is_ascii_lowercase()) || self.has_term(t) {
                continue;
            }
            let words = self.pinyin_readings(t, 8);
            if words.is_empty() {
                continue;
            }
            let pick = before
                .iter()
                .find(|r| r.pinyin == *t && r.words == words)
                .map_or(0, |r| r.pick);
            out.push(Reading {
                pinyin: std::mem::replace(t, words[pick].clone()),
                words,
                pick,
            });
        }
        out
    }

    /// The corpus's own words that `query` spells in pinyin, full or by initials
    /// ("pufa", "pf" → 普法), the most common first: what a user typing without an input
    /// method means. At most `limit`.
    pub fn pinyin_readings(&self, query: &str, limit: usize) -> Vec<String> {
        let Some(&first) = query.as_bytes().first().filter(|b| b.is_ascii_lowercase()) else {
            return Vec::new();
        };
        let table = self.pinyin.get_or_init(|| {
            let mut by_letter: Vec<Vec<PinyinTerm>> = (0..26).map(|_| Vec::new()).collect();
            for (t, &id) in &self.terms {
                if !t.chars().all(crate::text::is_cjk) {
                    continue;
                }
                let syllables = super::pinyin::syllables(t);
                if syllables.len() != t.chars().count() {
                    continue;
                }
                let Some(&l) = syllables.first().and_then(|s| s.as_bytes().first()) else {
                    continue;
                };
                if l.is_ascii_lowercase() {
                    by_letter[(l - b'a') as usize].push(PinyinTerm {
                        term: t.clone(),
                        syllables: syllables.into_boxed_slice(),
                        df: self.postings[id as usize].len,
                    });
                }
            }
            by_letter
        });
        let mut found: Vec<&PinyinTerm> = table[(first - b'a') as usize]
            .iter()
            .filter(|p| super::pinyin::spells_all(&p.syllables, query))
            .collect();
        found.sort_by(|a, b| b.df.cmp(&a.df).then_with(|| a.term.cmp(&b.term)));
        found
            .into_iter()
            .take(limit)
            .map(|p| p.term.to_string())
            .collect()
    }

    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }

    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Bytes held by postings (for the stats line).
    pub fn posting_bytes(&self) -> usize {
        self.postings.iter().map(|p| p.bytes.capacity()).sum()
    }

    /// Ranked sections (BM25) containing every term, and every phrase verbatim; at
    /// most `limit`. Also returns how many sections matched the terms.
    pub fn search(&self, corpus: &Corpus, q: &TextQuery, limit: usize) -> (Vec<TextHit>, usize) {
        if q.terms.is_empty() {
            return (Vec::new(), 0);
        }
        let mut lists: Vec<(&Postings, f32)> = Vec::new();
        let n = self.docs.len() as f32;
        for t in &q.terms {
            let Some(&tid) = self.terms.get(t.as_str()) else {
                return (Vec::new(), 0);
            };
            let p = &self.postings[tid as usize];
            let df = p.len as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            lists.push((p, idf));
        }
        // Intersect from the rarest list; score with BM25 (k1 1.2, b 0.75).
        lists.sort_by_key(|(p, _)| p.len);
        let (k1, b) = (1.2f32, 0.75f32);
        let mut scored: Vec<(f32, u32)> = Vec::new();
        let (first, rest) = lists.split_first().expect("terms not empty");
        let mut cursors: Vec<(PostingIter<'_>, Option<(u32, u16)>)> = rest
            .iter()
            .map(|(p, _)| {
                let mut it = p.iter();
                let cur = it.next();
                (it, cur)
            })
            .collect();
        'docs: for (d, tf) in first.0.iter() {
            let len = self.doc_len[d as usize] as f32;
            let norm = k1 * (1.0 - b + b * len / self.avg_len);
            let tf = tf as f32;
            let mut s = first.1 * tf * (k1 + 1.0) / (tf + norm);
            for (k, (_, idf)) in rest.iter().enumerate() {
                let (it, cur) = &mut cursors[k];
                while cur.is_some_and(|(cd, _)| cd < d) {
                    *cur = it.next();
                }
                match *cur {
                    None => break 'docs,
                    Some((cd, _)) if cd != d => continue 'docs,
                    Some((_, t)) => {
                        let t = t as f32;
                        s += idf * t * (k1 + 1.0) / (t + norm);
                    }
                }
            }
            scored.push((s, d));
        }
        let matched = scored.len();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let phrases: Vec<String> = q.phrases.iter().map(|p| p.to_ascii_lowercase()).collect();
        // Allocate by what exists, not by what was asked for.
        let mut out = Vec::with_capacity(limit.min(matched));
        for (s, d) in scored {
            let doc = self.docs[d as usize];
            if !phrases.is_empty() {
                let (title, text) = doc_text(corpus, doc);
                let (title, text) = (title.to_ascii_lowercase(), text.to_ascii_lowercase());
                if !phrases
                    .iter()
                    .all(|p| title.contains(p.as_str()) || text.contains(p.as_str()))
                {
                    continue;
                }
            }
            out.push(TextHit { doc, score: s });
            if out.len() >= limit {
                break;
            }
        }
        (out, matched)
    }
}

/// Hits grouped by report: reports ordered by their best hit, hits within a report by
/// score (the order results are shown in).
pub fn group_by_report(hits: Vec<TextHit>) -> Vec<TextHit> {
    let mut order: Vec<u32> = Vec::new();
    for h in &hits {
        if !order.contains(&h.doc.report) {
            order.push(h.doc.report);
        }
    }
    let mut out = Vec::with_capacity(hits.len());
    for r in order {
        out.extend(hits.iter().filter(|h| h.doc.report == r).cloned());
    }
    out
}

/// A snippet of about `width` characters around the first highlight in `text`, with the
/// byte ranges of highlights inside the snippet.
pub fn snippet(
    text: &str,
    highlights: &[String],
    width: usize,
) -> (String, Vec<std::ops::Range<usize>>) {
    let lower = text.to_ascii_lowercase();
    // The first highlight that occurs, in the order given (a query's phrases come
    // first): a quoted phrase is what the user looks for, wherever a word of it occurs.
    let first = highlights
        .iter()
        .filter(|h| !h.is_empty())
        .find_map(|h| lower.find(&h.to_ascii_lowercase()))
        .unwrap_or(0);
    // Start a few characters before the hit, on a char boundary.
    let lead = 12;
    let start = text[..first]
        .char_indices()
        .rev()
        .nth(lead - 1)
        .map_or(0, |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(i, _)| start + i);
    let snip = &text[start..end];
    let snip_lower = snip.to_ascii_lowercase();
    let mut ranges = Vec::new();
    for h in highlights {
        let h = h.to_ascii_lowercase();
        if h.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(p) = snip_lower[from..].find(&h) {
            ranges.push(from + p..from + p + h.len());
            from += p + h.len();
        }
    }
    ranges.sort_by_key(|r| r.start);
    // Drop overlaps (a term inside a phrase).
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(m) if r.start < m.end => m.end = m.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let prefix = if start > 0 { "…" } else { "" };
    let shift = prefix.len();
    // One line: the breaks between paragraphs read as spaces (same length, so the
    // ranges hold).
    let flat: String = snip
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    (
        format!("{prefix}{flat}"),
        merged
            .into_iter()
            .map(|r| r.start + shift..r.end + shift)
            .collect(),
    )
}

#[cfg(test)]
mod tests;
