use super::*;

fn index() -> (Corpus, PaletteIndex) {
    let c = crate::ingest::load_samples();
    let i = PaletteIndex::build(&c);
    (c, i)
}

fn titles(c: &Corpus, hits: &[PaletteHit]) -> Vec<String> {
    hits.iter()
        .map(|h| {
            c.reports[h.at.report as usize]
                .section(h.at.section)
                .title
                .clone()
        })
        .collect()
}

#[test]
fn chinese_full_pinyin_and_initials_find_the_same_heading() {
    let (c, i) = index();
    for q in ["普法宣传", "pufaxuanchuan", "pfxc", "pufa"] {
        let hits = i.search(&c, &Query::parse(q), 10);
        let t = titles(&c, &hits);
        assert!(t.iter().any(|t| t.contains("普法宣传")), "{q}: {t:?}");
    }
}

#[test]
fn matched_indices_are_title_chars() {
    let (c, i) = index();
    let hits = i.search(&c, &Query::parse("pfxc"), 5);
    let h = &hits[0];
    let title: Vec<char> = c.reports[h.at.report as usize]
        .section(h.at.section)
        .title
        .chars()
        .collect();
    let picked: String = h.matched.iter().map(|&k| title[k]).collect();
    assert_eq!(picked, "普法宣传");
}

#[test]
fn an_agency_named_in_the_query_filters() {
    let (c, i) = index();
    for q in ["zhangdian pufa", "张店 普法", "zhangdian"] {
        let hits = i.search(&c, &Query::parse(q), 20);
        assert!(!hits.is_empty(), "{q}");
        assert!(hits.iter().all(|h| h.at.report == 0), "{q}");
    }
    let hits = i.search(&c, &Query::parse("zhangdian pufa"), 5);
    let t = titles(&c, &hits);
    assert!(t[0].contains("普法"), "{t:?}");
}

#[test]
fn agency_and_label_filters() {
    let (c, i) = index();
    for q in ["@张店 法治", "@zd 法治"] {
        let hits = i.search(&c, &Query::parse(q), 50);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|h| h.at.report == 0), "{q}");
    }
    for q in ["#shortcomings", "#不足"] {
        let hits = i.search(&c, &Query::parse(q), 50);
        assert_eq!(hits.len(), 5, "{q}: one shortcomings part per sample");
    }
    let q = Query::parse("#nosuchlabel 法治");
    assert_eq!(q.unknown_label.as_deref(), Some("nosuchlabel"));
}

#[test]
fn narrowing_gives_the_same_answer_as_a_fresh_query() {
    let (c, i) = index();
    i.search(&c, &Query::parse("p"), 100);
    i.search(&c, &Query::parse("pf"), 100);
    let narrowed = i.search(&c, &Query::parse("pfx"), 100);
    let fresh = PaletteIndex::build(&c).search(&c, &Query::parse("pfx"), 100);
    assert_eq!(narrowed, fresh);
}
