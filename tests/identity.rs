//! Agency identity, provenance and document kind, through the real binary and the real
//! app: the schema-2 export fields, non-reports listed apart and left out of coverage,
//! inferred values marked in the reader.

use baogao::ui::app::App;
use std::process::Command;

mod common;

fn baogao() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_baogao"));
    c.env("BAOGAO_LOG", "/dev/null");
    c
}

/// A report, a README about reports, and a report whose agency needs its place.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a_readme.md"),
        "# 报告采集工具\n\n把各地的法治政府建设年度报告抓取成文本。\n\n## 安装\n\n```bash\npip install tool\n```\n\n## 下一步计划\n\n支持更多省份。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b_report.txt"),
        "市科技局2023年度法治政府建设情况报告\n\n2023年，市科技局在天津市委、天津市政府的领导下，推进天津市科技领域依法行政。现将有关情况报告如下。\n一、主要举措和成效\n完善制度。\n二、存在的不足和原因\n培训不够。\n三、2024年工作安排\n加强培训。\n天津市科学技术局\n2024年1月20日\n",
    )
    .unwrap();
    dir
}

#[test]
fn export_carries_identity_provenance_and_kind() {
    let dir = folder();
    let out = baogao()
        .args(["export", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], 2);
    let by_name = |n: &str| {
        v["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(n))
            .unwrap()
            .clone()
    };
    let readme = by_name("a_readme.md");
    assert_eq!(readme["kind"], "other");
    assert!(readme["agency"].is_null());
    let report = by_name("b_report.txt");
    assert_eq!(report["kind"], "report");
    assert_eq!(report["agency"], "天津市科技局");
    assert_eq!(report["level"], "province");
    assert_eq!(report["region_chain"], serde_json::json!(["天津市"]));
    assert_eq!(report["agency_key"], "120000:科技");
    assert_eq!(report["provenance"]["agency"], "title_line");
    assert_eq!(report["provenance"]["level"], "inferred");
    assert_eq!(report["provenance"]["year"], "title_line");
    assert_eq!(report["provenance"]["date"], "signature");
}

#[test]
fn other_documents_are_listed_apart_and_left_out_of_coverage() {
    let dir = folder();
    let out = baogao()
        .args(["coverage", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["reports"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{v}");
    assert!(rows[0]["path"].as_str().unwrap().ends_with("b_report.txt"));
    // In the reader the report comes first and the README says what it is.
    let mut a = App::new(baogao::ingest::load_paths(&[dir.path()]));
    let screen = common::screen(&mut a, 120, 30);
    let report_row = screen.find("天津市科技局").expect(&screen);
    let other_row = screen.find("〔其他文件〕").expect(&screen);
    assert!(report_row < other_row, "{screen}");
    // The header marks the level as inferred (the document names no level).
    assert!(screen.contains("省级（推断）"), "{screen}");
}
