//! Word documents (.docx): the text of `word/document.xml` in reading order as the lines
//! the parser reads, with Word's automatic numbering rendered from `word/numbering.xml`
//! (and the numbering that paragraph styles carry, from `word/styles.xml`), so a heading
//! that Word numbers "一、" or "（一）" carries that marker exactly as Word shows it.
//!
//! Recognised by content: a zip archive holding `word/document.xml`. Paragraphs become
//! lines (an empty paragraph a blank line), a table row one line with its cells joined by
//! " | " (as a web page's rows, html.rs), a line break inside a paragraph a new line.
//! Tracked changes read as accepted (deleted text dropped, inserted text kept), field
//! codes are dropped and their shown results kept, and a drawing's fallback copy of its
//! text is read once. Footnotes, headers and footers are other parts and are not read.
//!
//! Bounded: the parts read are capped in size (a zip bomb stops at the cap), the XML is
//! read as a stream of events with no recursion, and numbering state is fixed-size.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

use super::decode::{self, Decoded, Emphasis, Skip, emphasis_mark};
use super::xml::{self, attr};

/// The document part's text is capped (a real report's is well under 2 MB).
const MAX_DOCUMENT_XML: u64 = 32 * 1024 * 1024;
/// numbering.xml and styles.xml.
const MAX_SIDE_XML: u64 = 8 * 1024 * 1024;
/// Word's list levels are 0–8.
const LEVELS: usize = 9;
/// Paragraphs inside paragraphs (text boxes) deeper than this join the one around them.
const MAX_NESTED: usize = 16;

/// A zip archive with a Word document part (content, not the file's name, says so).
/// (A damaged one still names its document part in a local header: it is a Word
/// document, and reading it says what is wrong.)
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, b"word/document.xml").is_some()
}

/// Read one part, at most `cap` bytes of it uncompressed.
fn part(zip: &mut xml::Zip, name: &str, cap: u64) -> Result<Option<String>, Skip> {
    xml::part(
        zip,
        name,
        cap,
        Skip::Binary("a Word document whose parts cannot be unpacked"),
        Skip::Binary("a Word document whose text part is over 32 MB"),
    )
}

/// The document's text as lines.
pub fn extract(bytes: &[u8]) -> Result<Decoded, Skip> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| Skip::Binary("a damaged Word document (its zip directory is unreadable)"))?;
    let document = part(&mut zip, "word/document.xml", MAX_DOCUMENT_XML)?
        .ok_or(Skip::Binary("a zip archive that is no Word document"))?;
    let numbering = part(&mut zip, "word/numbering.xml", MAX_SIDE_XML)?;
    let styles = part(&mut zip, "word/styles.xml", MAX_SIDE_XML)?;
    from_parts(&document, numbering.as_deref(), styles.as_deref())
}

/// The text of a document part read with its numbering and styles parts (the zip
/// already opened; also the fuzz target's way in).
pub fn from_parts(
    document: &str,
    numbering: Option<&str>,
    styles: Option<&str>,
) -> Result<Decoded, Skip> {
    let numbering = numbering.map(Numbering::parse).unwrap_or_default();
    let styles = styles.map(Styles::parse).unwrap_or_default();
    let mut warnings = Vec::new();
    let text = match body_text(document, &numbering, &styles) {
        Ok(t) => t,
        Err(t) => {
            warnings
                .push("the Word document's XML is malformed; text after the fault is lost".into());
            t
        }
    };
    let (text, removed) = decode::sanitize(&text);
    decode::finish(text, removed, "UTF-8", warnings, "docx")
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, "val")
}

fn num(e: &BytesStart) -> Option<u32> {
    val(e).and_then(|v| v.trim().parse().ok())
}

/// One list level's definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// Legal numbering: every %N in decimal.
    legal: bool,
    /// What follows the marker: "tab" (Word's default), "space" or "nothing".
    suffix: String,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → its levels.
    abstract_levels: HashMap<String, Vec<Level>>,
    /// numId → the list it numbers by.
    nums: HashMap<String, Num>,
}

/// A list instance: its abstract list, and per level a start or a whole level of its own.
#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    starts: [Option<u32>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut r = Reader::from_str(xml);
        let (mut abs, mut num_id): (Option<String>, Option<String>) = (None, None);
        let mut lvl: Option<(usize, Level)> = None;
        let mut over: Option<(usize, Option<u32>)> = None;
        let mut levels: Vec<Level> = Vec::new();
        let mut num_abs = String::new();
        let mut overrides = Num::default();
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            let (e, open) = match &ev {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => {
                            if let Some(id) = abs.take() {
                                n.abstract_levels.insert(id, std::mem::take(&mut levels));
                            }
                        }
                        "lvl" => {
                            if let Some((i, l)) = lvl.take() {
                                if let Some((oi, _)) = over.as_ref() {
                                    overrides.levels[*oi] = Some(l);
                                } else if abs.is_some() {
                                    if levels.len() <= i {
                                        levels.resize(i + 1, Level::default());
                                    }
                                    levels[i] = l;
                                }
                            }
                        }
                        "lvlOverride" => {
                            if let Some((i, start)) = over.take()
                                && start.is_some()
                            {
                                overrides.starts[i] = start;
                            }
                        }
                        "num" => {
                            if let Some(id) = num_id.take() {
                                let mut num = std::mem::take(&mut overrides);
                                num.abstract_id = std::mem::take(&mut num_abs);
                                n.nums.insert(id, num);
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                _ => continue,
            };
            match e.local_name().as_ref() {
                "abstractNum" if open => abs = attr(e, "abstractNumId"),
                "num" if open => num_id = attr(e, "numId"),
                "abstractNumId" => num_abs = val(e).unwrap_or_default(),
                "lvlOverride" if open => {
                    let i = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    over = (i < LEVELS).then_some((i, None));
                }
                "startOverride" => {
                    if let Some((_, start)) = over.as_mut() {
                        *start = num(e);
                    }
                }
                "lvl" if open => {
                    let i = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    lvl = (i < LEVELS).then(|| {
                        (
                            i,
                            Level {
                                start: 1,
                                format: "decimal".into(),
                                suffix: "tab".into(),
                                ..Level::default()
                            },
                        )
                    });
                }
                "start" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.start = num(e).unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.format = val(e).unwrap_or_default();
                    }
                }
                "lvlText" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.text = val(e).unwrap_or_default().chars().take(64).collect();
                    }
                }
                "isLgl" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.legal = val(e).is_none_or(|v| v != "0" && v != "false");
                    }
                }
                "suff" => {
                    if let Some((_, l)) = lvl.as_mut() {
                        l.suffix = val(e).unwrap_or_default();
                    }
                }
                _ => {}
            }
        }
        n
    }
}

/// Paragraph styles: the numbering a style carries, through the styles it is based on.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, StyleDef>,
}

/// A paragraph style: the style it is based on, and the numbering (numId, ilvl) it gives.
#[derive(Debug, Default)]
struct StyleDef {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    /// Heading depth (1 = top): from the style's outline level or its name ("heading 2",
    /// "标题 2").
    heading: Option<u8>,
    /// Its runs are bold.
    bold: Option<bool>,
}

/// A heading depth from a style's name: "heading 1", "Heading 2", "标题 3", "标题1".
fn heading_name(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let d: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&d).then_some(d)
}

/// `w:b` and the like: on unless its value says off.
fn toggle(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

impl Styles {
    fn parse(xml: &str) -> Styles {
        let mut s = Styles::default();
        let mut r = Reader::from_str(xml);
        let mut cur: Option<(String, StyleDef)> = None;
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "style" if matches!(ev, Event::Start(_)) => {
                        cur = attr(e, "styleId").map(|id| (id, StyleDef::default()));
                    }
                    "basedOn" => {
                        if let Some((_, c)) = cur.as_mut() {
                            c.based_on = val(e);
                        }
                    }
                    "numId" => {
                        if let Some((_, c)) = cur.as_mut() {
                            c.num_id = val(e);
                        }
                    }
                    "ilvl" => {
                        if let Some((_, c)) = cur.as_mut() {
                            c.ilvl = num(e).map(|v| v as usize);
                        }
                    }
                    "name" => {
                        if let Some((_, c)) = cur.as_mut()
                            && c.heading.is_none()
                        {
                            c.heading = val(e).as_deref().and_then(heading_name);
                        }
                    }
                    "outlineLvl" => {
                        if let Some((_, c)) = cur.as_mut() {
                            // 9 is body text.
                            c.heading = num(e).filter(|&v| v < 9).map(|v| v as u8 + 1);
                        }
                    }
                    "b" => {
                        if let Some((_, c)) = cur.as_mut() {
                            c.bold = Some(toggle(e));
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let Some((id, def)) = cur.take() {
                        s.by_id.insert(id, def);
                    }
                }
                _ => {}
            }
        }
        s
    }

    /// A property of a style, or of the first style it is based on that sets it
    /// (a bounded number of steps: a cycle ends there).
    fn inherited<T>(&self, style: &str, get: impl Fn(&StyleDef) -> Option<T>) -> Option<T> {
        let mut id = style;
        for _ in 0..16 {
            let def = self.by_id.get(id)?;
            if let Some(v) = get(def) {
                return Some(v);
            }
            id = def.based_on.as_deref()?;
        }
        None
    }

    /// The numbering a paragraph of this style gets (numId, level).
    fn numbering(&self, style: &str) -> Option<(String, usize)> {
        self.inherited(style, |d| {
            d.num_id.as_ref().map(|n| (n.clone(), d.ilvl.unwrap_or(0)))
        })
    }
}

/// The counters of every list in use.
#[derive(Default)]
struct Counters {
    /// By list instance: a num with overrides restarts on its own; others continue their
    /// abstract list (as Word numbers them).
    values: HashMap<String, [Option<u32>; LEVELS]>,
}

impl Counters {
    /// The marker of a paragraph numbered (numId, ilvl), and the counters advanced.
    fn marker(&mut self, numbering: &Numbering, num_id: &str, ilvl: usize) -> Option<String> {
        if num_id == "0" || ilvl >= LEVELS {
            return None;
        }
        let list = numbering.nums.get(num_id)?;
        let abs = &list.abstract_id;
        let base = numbering.abstract_levels.get(abs)?;
        let level = |i: usize| -> Level {
            list.levels[i]
                .clone()
                .or_else(|| base.get(i).cloned())
                .unwrap_or_default()
        };
        let start = |i: usize| -> u32 { list.starts[i].unwrap_or_else(|| level(i).start) };
        let own =
            list.starts.iter().any(Option::is_some) || list.levels.iter().any(Option::is_some);
        let key = if !own {
            format!("a{abs}")
        } else {
            format!("n{num_id}")
        };
        let counts = self.values.entry(key).or_insert([None; LEVELS]);
        counts[ilvl] = Some(match counts[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start(ilvl),
        });
        for c in counts.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let this = level(ilvl);
        if this.format == "bullet" || this.format == "none" {
            return None;
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let i = d as usize - 1;
                    let v = counts[i].unwrap_or_else(|| start(i));
                    let fmt = if this.legal && i != ilvl {
                        "decimal".to_string()
                    } else {
                        level(i).format
                    };
                    out.push_str(&format_number(v, &fmt));
                }
                _ => out.push(c),
            }
        }
        // A marker ending in a Latin character is followed by the tab or space Word puts
        // there; one ending in 、 or ） is followed by nothing.
        if this.suffix != "nothing" && out.chars().next_back().is_some_and(|c| c.is_ascii()) {
            out.push(' ');
        }
        Some(out)
    }
}

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (up to 9,999; decimal beyond).
fn chinese(n: u32) -> String {
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    let parts = [
        (n / 1000, "千"),
        (n / 100 % 10, "百"),
        (n / 10 % 10, "十"),
        (n % 10, ""),
    ];
    let mut out = String::new();
    let mut zero = false;
    for (d, unit) in parts {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十一, not 一十一, at the head.
        if !(d == 1 && unit == "十" && out.is_empty()) {
            out.push_str(DIGITS[d as usize]);
        }
        out.push_str(unit);
    }
    out
}

fn from_table(n: u32, table: &[&str]) -> String {
    table
        .get((n as usize).wrapping_sub(1))
        .map_or_else(|| n.to_string(), |s| s.to_string())
}

fn letters(n: u32, upper: bool) -> String {
    if n == 0 {
        return "0".into();
    }
    // Word repeats the letter: a … z, aa … zz, aaa …
    let c = (b'a' + ((n - 1) % 26) as u8) as char;
    let c = if upper { c.to_ascii_uppercase() } else { c };
    std::iter::repeat_n(c, (((n - 1) / 26) as usize + 1).min(16)).collect()
}

fn roman(mut n: u32, upper: bool) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const R: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in R {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    if upper { out.to_ascii_uppercase() } else { out }
}

/// A counter value in one of Word's number formats (ST_NumberFormat).
fn format_number(n: u32, fmt: &str) -> String {
    const CIRCLED: [&str; 20] = [
        "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱",
        "⑲", "⑳",
    ];
    const PAREN: [&str; 20] = [
        "⑴", "⑵", "⑶", "⑷", "⑸", "⑹", "⑺", "⑻", "⑼", "⑽", "⑾", "⑿", "⒀", "⒁", "⒂", "⒃", "⒄", "⒅",
        "⒆", "⒇",
    ];
    const STOP: [&str; 20] = [
        "⒈", "⒉", "⒊", "⒋", "⒌", "⒍", "⒎", "⒏", "⒐", "⒑", "⒒", "⒓", "⒔", "⒕", "⒖", "⒗", "⒘", "⒙",
        "⒚", "⒛",
    ];
    const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    const BRANCHES: [&str; 12] = [
        "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
    ];
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographDigital" => chinese(n),
        "chineseLegalSimplified" => chinese(n)
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                '百' => '佰',
                '千' => '仟',
                c => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            from_table(n, &CIRCLED)
        }
        "decimalEnclosedParen" => from_table(n, &PAREN),
        "decimalEnclosedFullstop" => from_table(n, &STOP),
        "ideographTraditional" => from_table(n, &STEMS),
        "ideographZodiac" => from_table(n, &BRANCHES),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperLetter" => letters(n, true),
        "lowerLetter" => letters(n, false),
        "upperRoman" => roman(n, true),
        "lowerRoman" => roman(n, false),
        _ => n.to_string(),
    }
}

/// Where the reader is inside the body.
#[derive(Default)]
struct Walk {
    out: String,
    /// Paragraphs open (a text box's paragraphs inside a paragraph): their text so far.
    paras: Vec<String>,
    /// The numbering of the paragraph being read: (numId, ilvl) from its own pPr.
    num: Option<(Option<String>, Option<usize>)>,
    style: Option<String>,
    in_ppr: bool,
    /// Inside deleted text, a field's code, or a drawing's fallback copy: text skipped.
    skip_depth: usize,
    /// Table nesting, and the cells of the outermost table's current row.
    tables: usize,
    cells: Vec<String>,
    blank: bool,
    /// Paragraphs past MAX_NESTED, read into the one around them.
    overflow: usize,
    /// Text boxes' paragraphs, shown before the paragraph that holds them.
    boxes: Vec<String>,
    /// Inside a run's text element (w:t); instrText and delText are codes and deletions.
    in_t: bool,
    /// The paragraph's own outline level, as a heading depth.
    heading: Option<u8>,
    /// Inside a run's properties, and whether they set bold.
    in_rpr: bool,
    run_bold: Option<bool>,
    /// The paragraph's characters: in runs set bold, set not bold, and left to the style.
    bold: [usize; 3],
}

impl Walk {
    fn text(&mut self, s: &str) {
        if self.skip_depth == 0
            && let Some(p) = self.paras.last_mut()
        {
            p.push_str(s);
            if self.paras.len() == 1 {
                let k = s.chars().filter(|c| !c.is_whitespace()).count();
                self.bold[match self.run_bold {
                    Some(true) => 0,
                    Some(false) => 1,
                    None => 2,
                }] += k;
            }
        }
    }

    fn line(&mut self, s: &str) {
        let s = s.trim_end();
        if s.trim().is_empty() {
            if !self.blank && !self.out.is_empty() {
                self.out.push('\n');
            }
            self.blank = true;
            return;
        }
        self.out.push_str(s);
        self.out.push('\n');
        self.blank = false;
    }

    fn end_paragraph(&mut self, numbering: &Numbering, styles: &Styles, counters: &mut Counters) {
        let Some(mut text) = self.paras.pop() else {
            return;
        };
        // The paragraph's own numbering, else its style's.
        let own = self.num.take();
        let style = self.style.take();
        // Heading evidence: an outline level (its own, else its style's), else bold
        // throughout.
        let [on, off, unset] = std::mem::take(&mut self.bold);
        let mark = if self.paras.is_empty() {
            let style = style.as_deref();
            let heading = self
                .heading
                .take()
                .or_else(|| style.and_then(|s| styles.inherited(s, |d| d.heading)));
            let style_bold = style
                .and_then(|s| styles.inherited(s, |d| d.bold))
                .unwrap_or(false);
            let (bold, plain) = if style_bold {
                (on + unset, off)
            } else {
                (on, off + unset)
            };
            heading
                .map(Emphasis::Heading)
                .or(((bold >= 2) && plain == 0).then_some(Emphasis::Bold))
        } else {
            None
        };
        let from_style = style.as_deref().and_then(|s| styles.numbering(s));
        let numbered = match own {
            Some((Some(id), lvl)) => {
                Some((id, lvl.or(from_style.as_ref().map(|s| s.1)).unwrap_or(0)))
            }
            Some((None, Some(lvl))) => from_style.map(|(id, _)| (id, lvl)),
            _ => from_style,
        };
        if !text.trim().is_empty()
            && let Some((id, lvl)) = numbered
            && let Some(marker) = counters.marker(numbering, &id, lvl)
        {
            text.insert_str(0, &marker);
        }
        if !self.paras.is_empty() {
            // A text box's paragraph: its own line, before the paragraph holding it.
            if !text.trim().is_empty() {
                self.boxes.push(text);
            }
            return;
        }
        let boxes = std::mem::take(&mut self.boxes);
        if self.tables > 0 {
            if let Some(cell) = self.cells.last_mut() {
                for t in boxes.iter().chain(std::iter::once(&text)) {
                    if !cell.is_empty() && !t.trim().is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(t.trim());
                }
            }
            return;
        }
        for l in boxes.iter().flat_map(|t| t.split('\n')) {
            self.line(l);
        }
        let mut mark = mark.map(emphasis_mark);
        for l in text.split('\n') {
            match mark {
                Some(m) if !l.trim().is_empty() => {
                    self.line(&format!("{m}{}", l.trim_start()));
                    mark = None;
                }
                _ => self.line(l),
            }
        }
    }
}

/// The body's text. On malformed XML, the text read up to the fault as the error.
fn body_text(xml: &str, numbering: &Numbering, styles: &Styles) -> Result<String, String> {
    let mut r = Reader::from_str(xml);
    let mut w = Walk::default();
    let mut counters = Counters::default();
    // Inside a field's code: between fldChar begin and separate.
    let mut field_code = 0usize;
    loop {
        let ev = match r.read_event() {
            Ok(Event::Eof) => break,
            Err(_) => return Err(w.out),
            Ok(ev) => ev,
        };
        match ev {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => {
                    if w.paras.len() < MAX_NESTED {
                        w.paras.push(String::new());
                        if w.paras.len() == 1 {
                            w.num = None;
                            w.style = None;
                            w.heading = None;
                            w.run_bold = None;
                            w.bold = [0; 3];
                        }
                    } else {
                        // Too deep: read on into the paragraph around it.
                        w.overflow += 1;
                    }
                }
                "pPr" if w.paras.len() == 1 => w.in_ppr = true,
                "r" if w.paras.len() == 1 => w.run_bold = None,
                "rPr" if !w.in_ppr => w.in_rpr = true,
                "numPr" if w.in_ppr => {
                    w.num.get_or_insert((None, None));
                }
                "del" | "Fallback" | "moveFrom" => w.skip_depth += 1,
                "tbl" => w.tables += 1,
                "tr" if w.tables == 1 => w.cells.clear(),
                "tc" if w.tables == 1 => w.cells.push(String::new()),
                "t" => w.in_t = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "pStyle" if w.in_ppr => w.style = val(&e),
                "outlineLvl" if w.in_ppr => {
                    w.heading = num(&e).filter(|&v| v < 9).map(|v| v as u8 + 1);
                }
                "b" if w.in_rpr => w.run_bold = Some(toggle(&e)),
                "numId" if w.in_ppr => {
                    w.num.get_or_insert((None, None)).0 = val(&e);
                }
                "ilvl" if w.in_ppr => {
                    w.num.get_or_insert((None, None)).1 = num(&e).map(|v| v as usize);
                }
                "tab" if !w.in_ppr => w.text(" "),
                "br" | "cr" => w.text("\n"),
                "noBreakHyphen" => w.text("-"),
                "fldChar" => match attr(&e, "fldCharType").as_deref() {
                    Some("begin") => field_code += 1,
                    Some("separate") | Some("end") => field_code = field_code.saturating_sub(1),
                    _ => {}
                },
                // An empty paragraph: a blank line.
                "p" if w.paras.is_empty() && w.tables == 0 => w.line(""),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "p" if w.overflow > 0 => w.overflow -= 1,
                "p" => {
                    w.in_ppr = false;
                    w.end_paragraph(numbering, styles, &mut counters);
                }
                "pPr" => w.in_ppr = false,
                "rPr" => w.in_rpr = false,
                "t" => w.in_t = false,
                "del" | "Fallback" | "moveFrom" => w.skip_depth = w.skip_depth.saturating_sub(1),
                "tbl" => w.tables = w.tables.saturating_sub(1),
                "tr" if w.tables == 1 => {
                    let row: Vec<String> = std::mem::take(&mut w.cells);
                    if row.iter().any(|c| !c.trim().is_empty()) {
                        let joined = row.join(" | ");
                        w.line(&joined);
                    }
                }
                _ => {}
            },
            Event::Text(t) if field_code == 0 && w.in_t => w.text(&t.xml10_content()),
            Event::GeneralRef(g) if field_code == 0 && w.in_t => {
                if let Some(c) = xml::entity(&g) {
                    w.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    Ok(w.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_formats_as_word_shows_them() {
        let zh: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005, 2024]
            .iter()
            .map(|&n| format_number(n, "chineseCounting"))
            .collect();
        assert_eq!(
            zh,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九",
                "一百",
                "一百零一",
                "一百一十",
                "一千零五",
                "二千零二十四"
            ]
        );
        assert_eq!(format_number(3, "chineseLegalSimplified"), "叁");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(11, "ideographTraditional"), "11");
        assert_eq!(format_number(12, "decimalEnclosedCircle"), "⑫");
        assert_eq!(format_number(21, "decimalEnclosedCircle"), "21");
        assert_eq!(format_number(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(format_number(7, "decimalFullWidth"), "７");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        // Counters far past any real list stay finite and plain.
        assert_eq!(
            format_number(u32::MAX, "chineseCounting"),
            u32::MAX.to_string()
        );
        assert_eq!(format_number(u32::MAX, "lowerLetter").len(), 16);
        assert_eq!(format_number(0, "upperRoman"), "0");
    }

    const NUM: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="4294967295"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3%9）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num>
</w:numbering>"#;

    #[test]
    fn levels_restart_below_legal_numbering_and_bad_definitions_are_harmless() {
        let n = Numbering::parse(NUM);
        let mut c = Counters::default();
        let mut m = |id: &str, l: usize| c.marker(&n, id, l);
        assert_eq!(m("1", 0).as_deref(), Some("一、"));
        assert_eq!(m("1", 1).as_deref(), Some("1.1 "));
        assert_eq!(m("1", 1).as_deref(), Some("1.2 "));
        assert_eq!(m("1", 0).as_deref(), Some("二、"));
        // The lower level restarted under the new upper one.
        assert_eq!(m("1", 1).as_deref(), Some("2.1 "));
        // A start at u32::MAX saturates; %9 of a level never defined is its start (0).
        assert_eq!(m("1", 2).as_deref(), Some("42949672950）"));
        assert_eq!(m("1", 2).as_deref(), Some("42949672950）"));
        // Unknown lists, levels past 8 and numId 0 (numbering removed) show no marker.
        assert_eq!(m("2", 0), None);
        assert_eq!(m("7", 0), None);
        assert_eq!(m("1", 9), None);
        assert_eq!(m("0", 0), None);
    }

    #[test]
    fn a_style_cycle_ends() {
        let s = Styles::parse(
            r#"<w:styles xmlns:w="w"><w:style w:styleId="a"><w:basedOn w:val="b"/></w:style><w:style w:styleId="b"><w:basedOn w:val="a"/></w:style></w:styles>"#,
        );
        assert_eq!(s.numbering("a"), None);
    }

    #[test]
    fn paragraphs_nested_past_the_limit_join_the_one_around_them() {
        let deep = "<w:p><w:r><w:t>外</w:t></w:r>".repeat(40_000) + &"</w:p>".repeat(40_000);
        let d = from_parts(
            &format!("<w:document xmlns:w=\"w\"><w:body>{deep}</w:body></w:document>"),
            None,
            None,
        )
        .expect("text");
        assert_eq!(d.text.matches('外').count(), 40_000);
    }
}
