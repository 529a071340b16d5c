//! The places above an agency that the text writes right before it (天津市静海区…).

use super::*;

/// How `text` writes place `p` (one of the places `found` in it).
pub(super) fn spelled_as<'t>(found: &[Found], text: &'t str, p: usize) -> Option<&'t str> {
    found
        .iter()
        .find(|f| f.candidates.contains(&p))
        .map(|f| &text[f.start..f.end])
}

/// The agency with the places above it that the text writes right before it: "天津市静海区"
/// makes 静海区人民政府 天津市静海区人民政府, "慈溪市白沙路街道" makes 白沙路街道 慈溪市白沙路街道.
/// As the document spells itself in full, up to a prefecture or a municipality (never a
/// province), and only places that contain the agency's own.
pub(super) fn with_parent_places(agency: &str, text: &str) -> Option<String> {
    let g = gazetteer::get();
    let found = g.find(agency);
    // The name to look for: the leading county-level place, or the township.
    let (key, placed): (&str, &[usize]) = match found.first() {
        Some(f) if f.start == 0 => {
            if !f
                .candidates
                .iter()
                .any(|&p| g.places[p].tier == Tier::County)
            {
                return None;
            }
            (&agency[..f.end], f.candidates)
        }
        Some(_) => return None,
        None => {
            let t = agency
                .trim_end_matches("人民政府")
                .trim_end_matches("办事处");
            if !(t.ends_with(['镇', '乡']) || t.ends_with("街道")) || char_len(t) < 2 {
                return None;
            }
            (t, &[])
        }
    };
    let mut best = "";
    for i in memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()).take(64) {
        let start = text[..i].char_indices().rev().nth(11).map_or(0, |(k, _)| k);
        let window = &text[start..i];
        let places = g.find(window);
        // The places written one after another up to the name, nearest first.
        let (mut from, mut below): (usize, Option<&[usize]>) = (window.len(), None);
        for (n, f) in places.iter().rev().enumerate() {
            if f.end != from || n == 2 {
                break;
            }
            let fits = f.candidates.iter().any(|&p| {
                let pl = &g.places[p];
                let tier_ok = if placed.is_empty() && n == 0 {
                    pl.tier == Tier::County
                } else {
                    pl.tier == Tier::Prefecture || pl.is_municipality()
                };
                let under: &[usize] = below.unwrap_or(placed);
                tier_ok && (under.is_empty() || under.iter().any(|&c| g.is_ancestor(p, c)))
            });
            if !fits || (!placed.is_empty() && n == 1) {
                break;
            }
            from = f.start;
            below = Some(f.candidates);
        }
        if window.len() - from > best.len() {
            best = &window[from..];
        }
    }
    (!best.is_empty()).then(|| format!("{best}{agency}"))
}
