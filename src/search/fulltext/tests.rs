use super::*;

#[test]
fn a_snippet_shows_the_phrase_and_is_one_line() {
    let text = format!(
        "执法{}\n第二段：坚持谁执法谁普法，落实责任。",
        "字".repeat(200)
    );
    let q = TextQuery::parse("\"谁执法谁普法\"");
    let (snip, ranges) = snippet(&text, &q.highlights(), 40);
    assert!(snip.contains("谁执法谁普法"), "{snip}");
    assert!(!snip.contains('\n'), "{snip}");
    assert!(
        ranges.iter().any(|r| &snip[r.clone()] == "谁执法谁普法"),
        "{snip}"
    );
}

fn index() -> (Corpus, TextIndex) {
    let c = crate::ingest::load_samples();
    let i = TextIndex::build(&c, &AtomicUsize::new(0));
    (c, i)
}

#[test]
fn words_phrases_and_ranking() {
    let (c, i) = index();
    let (hits, n) = i.search(&c, &TextQuery::parse("普法"), 10);
    assert!(n >= 5 && !hits.is_empty());
    for h in &hits {
        let (t, x) = doc_text(&c, h.doc);
        assert!(t.contains("普法") || x.contains("普法"));
    }
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    // A phrase matches only where it occurs verbatim: every exact hit also has the
    // words, and the words alone match sections without the phrase.
    let (loose, _) = i.search(&c, &TextQuery::parse("宣传 普法"), 100);
    let (exact, _) = i.search(&c, &TextQuery::parse("\"普法宣传\""), 100);
    assert!(!exact.is_empty());
    assert!(
        exact.len() < loose.len(),
        "{} vs {}",
        exact.len(),
        loose.len()
    );
    for h in &exact {
        let (t, x) = doc_text(&c, h.doc);
        assert!(t.contains("普法宣传") || x.contains("普法宣传"));
    }
    let (none, _) = i.search(&c, &TextQuery::parse("量子计算机"), 10);
    assert!(none.is_empty());
}

#[test]
fn snippet_marks_the_hit() {
    let text = "一是加强学习。二是开展“八五”普法宣传活动26场，覆盖群众3000余人。";
    let (s, r) = snippet(text, &["普法".to_string()], 20);
    assert_eq!(&s[r[0].clone()], "普法");
}
