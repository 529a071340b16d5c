//! The real binary: export on the samples and on a mix of good and bad files.
use std::process::Command;

fn baogao() -> Command {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
}

#[test]
fn export_samples_exit_zero() {
    let out = baogao().args(["export", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], 2);
    assert_eq!(v["reports"].as_array().unwrap().len(), 5);
    assert_eq!(v["reports"][4]["doc_number"], "高科字〔2022〕1号");
}

#[test]
fn export_mixed_inputs_exit_one_and_list_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "一、主要举措和成效\n内容，正文。\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"%PDF-1.4\x00\x01").unwrap();
    let out = baogao()
        .args(["export", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reports"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"].as_array().unwrap().len(), 2);
    let none = baogao()
        .args(["export", "--json"])
        .arg(dir.path().join("empty.txt"))
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(2));
}

#[test]
fn search_headings_and_text_through_the_binary() {
    let out = baogao()
        .args(["search", "pfxc", "--headings", "--json", "--limit", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let heads = v["headings"].as_array().unwrap();
    assert_eq!(heads.len(), 3);
    assert!(heads[0]["section"].as_str().unwrap().contains("普法宣传"));
    assert!(v.get("text").is_none());

    let out = baogao()
        .args(["search", "\"谁执法谁普法\"", "--text", "--stats"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# text ("), "{text}");
    assert!(text.contains("谁执法谁普法"));
    let err = String::from_utf8(out.stderr).unwrap();
    for part in ["load", "text index", "text query", "ms"] {
        assert!(err.contains(part), "--stats lacks {part}: {err}");
    }

    // Letters the corpus lacks are read as pinyin, and said so; snippets are one line
    // each (no line break shown as a replacement character).
    let out = baogao()
        .args(["search", "pufa", "--text", "--limit", "20"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("# pinyin read as pufa→普法\n# text ("),
        "{text}"
    );
    let snippets: Vec<&str> = text.lines().filter(|l| l.starts_with("  ")).collect();
    assert!(!snippets.is_empty(), "{text}");
    for l in &snippets {
        assert!(l.contains("普法") && !l.contains('\u{fffd}'), "{l}");
    }
    let out = baogao()
        .args(["search", "pufa", "--text", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pinyin"][0]["word"], "普法", "{v}");

    let out = baogao()
        .args(["search", "@gq #不足", "--headings"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("高青县科学技术局"));
}

/// A misspelt command is not a folder to open: the reader does not start on nothing, the
/// user is told what was meant; a path that does not exist says so; both exit 2.
#[test]
fn a_misspelt_command_or_a_missing_path_is_an_error_with_a_suggestion() {
    let out = baogao().args(["serach", "普法"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`baogao search`"), "{err}");
    assert!(out.stdout.is_empty());

    let out = baogao().arg("/nonexistent/报告\x1b[31m").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no such file or folder"), "{err}");
    assert!(!err.contains('\x1b'), "{err:?}");
    assert!(!err.contains("did you mean"), "{err}");
}

/// An unknown label names the labels there are.
#[test]
fn an_unknown_label_lists_the_labels() {
    let out = baogao()
        .args(["compare", "张店", "高青", "--label", "foo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for key in ["next_year_plan", "shortcomings", "leader_responsibility"] {
        assert!(err.contains(key), "{key}: {err}");
    }
    assert!(err.contains("下一年度"), "{err}");
}

/// A report compared with itself is 100% similar (it said 99%: a sentence's last 。 was
/// counted but never shared).
#[test]
fn a_report_compared_with_itself_is_wholly_similar() {
    let out = baogao().args(["compare", "张店", "张店"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().next().unwrap().ends_with("similarity 100%"),
        "{text}"
    );
    let other = baogao().args(["compare", "张店", "枣庄"]).output().unwrap();
    let text = String::from_utf8_lossy(&other.stdout);
    assert!(!text.lines().next().unwrap().contains("100%"), "{text}");
}

/// `#` finds a label by the short words reports use for it (`#计划`, `#不足`), not only by
/// its key or its taxonomy name.
#[test]
fn labels_answer_to_their_short_names() {
    for (short, key) in [("#计划", "next_year_plan"), ("#不足", "shortcomings")] {
        let out = baogao().args(["search", short]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("no label"), "{short}: {err}");
        let by_key = baogao()
            .args(["search", &format!("#{key}")])
            .output()
            .unwrap();
        // The heading results are the label's (the text results search the word itself).
        let headings = |b: &[u8]| {
            let t = String::from_utf8_lossy(b).into_owned();
            t.split("# text").next().unwrap_or_default().to_string()
        };
        let got = headings(&out.stdout);
        assert_eq!(got, headings(&by_key.stdout), "{short}");
        assert!(
            got.starts_with("# headings (") && got.lines().count() > 2,
            "{got}"
        );
    }
}

/// `baogao review`: the statutory parts, the 31 March rule and figures of the samples,
/// checked by hand against their text; the CSV and Markdown forms carry the same rows.
#[test]
fn review_table_of_the_samples() {
    let out = baogao()
        .args(["review", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["reviews"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let on_time: Vec<serde_json::Value> = rows.iter().map(|r| r["on_time"].clone()).collect();
    // 000 and 003 carry no date; 001 (2023) is dated 2023-12-28, 002 (2024) 2025-02-28
    // and 004 (2021) 2020-01-07: all by 31 March of the following year.
    assert_eq!(
        on_time,
        [
            serde_json::Value::Null,
            true.into(),
            true.into(),
            serde_json::Value::Null,
            true.into()
        ]
    );
    // Quantities: 000 writes 2次 5次 100% 100% 2名 4次 100余 (its years are not
    // figures); 003 has no number but years.
    assert_eq!(rows[0]["figures"], 7);
    assert_eq!(rows[3]["figures"], 0);
    for r in rows {
        assert_eq!(r["missing"].as_array().unwrap().len(), 0, "{r}");
        let parts = r["parts"].as_array().unwrap();
        assert_eq!(parts.len(), 5);
        assert_eq!(parts[4]["label"], "other_matters");
        assert_eq!(
            parts[4]["present"], false,
            "no sample reports other matters"
        );
    }
    // 004's leader part is a section inside another part, not a part of its own.
    let leader = &rows[4]["parts"][0];
    assert_eq!(
        (leader["present"].clone(), leader["top_level"].clone()),
        (true.into(), false.into())
    );

    let csv = baogao()
        .args(["review", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(lines.len(), 6, "{csv}");
    let col = |name: &str| lines[0].iter().position(|h| *h == name).unwrap();
    for (row, json) in lines[1..].iter().zip(rows) {
        assert_eq!(row.len(), lines[0].len());
        assert_eq!(row[col("path")], json["path"].as_str().unwrap());
        assert_eq!(row[col("figures")], json["figures"].to_string());
        assert_eq!(row[col("chars")], json["chars"].to_string());
    }
    assert_eq!(lines[5][col("nested")], "leader_responsibility");

    let md = baogao()
        .args(["review", "--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert_eq!(md.lines().count(), 7, "{md}");
    assert!(md.lines().nth(6).unwrap().contains("·"), "{md}");
    let table = baogao().arg("review").output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.lines().nth(1).unwrap().contains("张店区科技局"),
        "{table}"
    );
}

/// `baogao figures` on the samples: every figure for a known measure, with its sentence,
/// as read by hand (000: 开展2次…集中学习, 2名行政执法人员; 001: 执法人员…1人参加; 002:
/// 集中学习12次, 专题研讨4次, 规范性文件1件); `--measure` narrows, an unknown one lists them.
#[test]
fn figures_of_the_samples() {
    let out = baogao()
        .args(["figures", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, f64, String)> = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["measure"].as_str().unwrap().to_string(),
                f["value"].as_f64().unwrap(),
                f["unit"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("study_sessions", 2.0, "次"),
        ("enforcement_staff", 2.0, "名"),
        ("enforcement_staff", 1.0, "人"),
        ("study_sessions", 12.0, "次"),
        ("study_sessions", 4.0, "次"),
        ("normative_documents_reviewed", 1.0, "件"),
    ];
    let want: Vec<(String, f64, String)> = want
        .iter()
        .map(|(m, n, u)| (m.to_string(), *n, u.to_string()))
        .collect();
    assert_eq!(got, want);
    for f in v["figures"].as_array().unwrap() {
        let s = f["sentence"].as_str().unwrap();
        assert!(
            s.contains(&format!(
                "{}{}",
                f["value"].as_f64().unwrap() as u64,
                f["unit"].as_str().unwrap()
            )),
            "{s}"
        );
    }
    let csv = baogao()
        .args(["figures", "--measure", "study_sessions", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    let bad = baogao()
        .args(["figures", "--measure", "nope"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("reconsideration_cases")
    );
}
