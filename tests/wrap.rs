//! Chinese layout on every paragraph of every sample, at every width from 10 to 120:
//! each laid-out line fits, no line starts with closing punctuation (or ends with opening
//! punctuation) where a better break existed, and the lines put together give back the
//! paragraph exactly.
use baogao::ingest::load_samples;
use baogao::ui::doc::Doc;
use baogao::wrap::{str_width, wrap};

const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '”', '’', '%',
];
const OPENING: &[char] = &['（', '《', '「', '『', '“', '‘'];

#[test]
fn every_sample_paragraph_at_every_width() {
    let corpus = load_samples();
    let mut lines_checked = 0usize;
    for r in &corpus.reports {
        let doc = Doc::build(r, baogao::ui::i18n::Lang::Zh);
        for p in &doc.paras {
            for width in 10..=120usize {
                let ranges = wrap(&p.text, width, false);
                let mut joined = String::new();
                for (k, range) in ranges.iter().enumerate() {
                    let line = &p.text[range.clone()];
                    assert!(
                        str_width(line, false) <= width,
                        "{}: width {width}: {line:?} is {} cells",
                        r.path,
                        str_width(line, false)
                    );
                    if k > 0 {
                        let first = line.chars().next();
                        assert!(
                            !first.is_some_and(|c| CLOSING.contains(&c)),
                            "{}: width {width}: line starts with closing punctuation: {line:?}",
                            r.path
                        );
                    }
                    if k + 1 < ranges.len() {
                        let last = line.chars().last();
                        assert!(
                            !last.is_some_and(|c| OPENING.contains(&c)),
                            "{}: width {width}: line ends with opening punctuation: {line:?}",
                            r.path
                        );
                    }
                    joined.push_str(line);
                    lines_checked += 1;
                }
                assert_eq!(joined, p.text, "{}: width {width}", r.path);
            }
        }
    }
    assert!(lines_checked > 50_000, "{lines_checked}");
}

#[test]
fn numbers_and_latin_stay_whole_where_they_fit() {
    let text = "全年办理案件2024件，同比增长12.5%，ICP备案100%完成。";
    for width in 10..=40 {
        for r in wrap(text, width, false) {
            let line = &text[r];
            assert!(!line.starts_with("24") && !line.starts_with(".5") && !line.starts_with("CP"));
        }
    }
}
