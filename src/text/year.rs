//! Years as reports write them: "2023年", "二〇二三年", a year alone on a line, the year a
//! text names most; a year inside a cited title (《…纲要(2023—2027年)》) is another
//! document's.

/// A year 1990–2100 written as four digits followed by 年 at `s`'s start.
pub fn leading_year(s: &str) -> Option<u16> {
    let digits: String = s.chars().take(4).collect();
    if digits.chars().count() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = &s[digits.len()..];
    if !rest.starts_with('年') {
        return None;
    }
    let y: u16 = digits.parse().ok()?;
    (1990..=2100).contains(&y).then_some(y)
}

/// The first year written in Chinese numerals, "二〇二三年" → 2023.
pub fn first_cn_year(s: &str) -> Option<u16> {
    let digit = |c: char| {
        "〇零○一二三四五六七八九".find(c).map(|_| match c {
            '〇' | '零' | '○' => 0,
            _ => "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map_or(0, |p| p as u16 + 1),
        })
    };
    let chars: Vec<char> = s.chars().collect();
    for w in 0..chars.len().saturating_sub(4) {
        if chars[w + 4] != '年' || (w > 0 && digit(chars[w - 1]).is_some()) {
            continue;
        }
        let ds: Option<Vec<u16>> = chars[w..w + 4].iter().map(|&c| digit(c)).collect();
        if let Some(ds) = ds {
            let y = ds.iter().fold(0u16, |a, &d| a * 10 + d);
            if (1990..=2100).contains(&y) {
                return Some(y);
            }
        }
    }
    None
}

/// The first "YYYY年" anywhere in `s` (Arabic digits, else Chinese numerals).
pub fn first_year(s: &str) -> Option<u16> {
    first_arabic_year(s).or_else(|| first_cn_year(s))
}

/// Every "YYYY年" (1990–2100) in `s`, in order, and whether it stands inside a cited
/// title (《…纲要(2023—2027年)》 names another document's years). One byte scan.
fn arabic_years(s: &str) -> impl Iterator<Item = (u16, bool)> + '_ {
    let bytes = s.as_bytes();
    let mut depth = 0u32;
    (0..bytes.len().saturating_sub(3)).filter_map(move |i| {
        match &bytes[i..i + 3] {
            [0xE3, 0x80, 0x8A] => depth += 1,
            [0xE3, 0x80, 0x8B] => depth = depth.saturating_sub(1),
            _ => {}
        }
        let year = bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && s[i + 4..].starts_with('年');
        // (Sliced only once the four bytes are ASCII digits: a character boundary.)
        if !year {
            return None;
        }
        s[i..i + 4]
            .parse::<u16>()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .map(|y| (y, depth > 0))
    })
}

/// The first year outside a cited title, else (on a title line) the first inside one.
fn first_arabic_year(s: &str) -> Option<u16> {
    let mut cited = None;
    for (y, inside) in arabic_years(s) {
        if !inside {
            return Some(y);
        }
        cited = cited.or(Some(y));
    }
    // A title (a short line) naming the report it is about ("【解读】《某某县关于2024年…
    // 的报告》…") has its year inside.
    cited.filter(|_| s.trim_start().starts_with('《') || s.len() <= 300)
}

/// The year the text names most often ("YYYY年", outside cited titles; the earlier of
/// equals): the year a body without a dated opening reports on.
pub fn most_named_year(s: &str) -> Option<u16> {
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for (y, _) in arabic_years(s).filter(|&(_, inside)| !inside) {
        match counts.iter_mut().find(|(c, _)| *c == y) {
            Some(e) => e.1 += 1,
            None => counts.push((y, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, std::cmp::Reverse(y)))
        .map(|(y, _)| y)
}

/// A line that is only a year: "2021", "2021年", "2021年度".
pub fn bare_year(s: &str) -> Option<u16> {
    let t = s.trim_end_matches('度').trim_end_matches('年');
    (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}
