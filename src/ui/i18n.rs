//! Every string the reader shows of its own, in Chinese (the default) and in English
//! (`language = "en"` in the config): one catalogue, so the interface speaks one language
//! at a time. Messages are [`Msg`]s (the macro makes both languages required); the
//! keymap's help lines are keyed by their English text in [`HELP`]. A test checks that
//! every help line and scope title has its Chinese, and that each side is in its
//! language.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The config's value: "zh" (default) or "en".
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" | "zh-CN" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! catalogue {
    ($($name:ident: $zh:literal | $en:literal,)*) => {
        /// A message of the reader's own, in both languages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &[Msg] = &[$(Msg::$name),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Zh) => $zh, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

catalogue! {
    FilesSkipped: "{} 个文件已跳过，运行 `baogao export --json` 查看原因" | "{} file(s) skipped — run `baogao export --json` to see why",
    Matches: "{} 处匹配" | "{} matches",
    NotFound: "未找到：{}" | "not found: {}",
    NoSearch: "没有搜索（按 / 开始）" | "no search (press /)",
    MatchOf: "第 {}/{} 处" | "match {}/{}",
    FilterCleared: "已清除筛选" | "filter cleared",
    SortedByFile: "按文件排序" | "sorted by file",
    SortedByAgency: "按机关排序（拼音）" | "sorted by agency (pinyin)",
    SortedByYear: "按年份排序" | "sorted by year",
    MarkPrompt: "书签：按一个字母（A-Z 跨报告）" | "mark: press a letter (A-Z works across reports)",
    GotoMarkPrompt: "跳到书签：按它的字母" | "go to mark: press its letter",
    MarksAreLetters: "书签须是字母" | "marks are letters",
    MarkSet: "已设书签 {}" | "mark {} set",
    MarkAt: "书签 {}" | "mark {}",
    NoMark: "没有书签 {}" | "no mark {}",
    MarkElsewhere: "书签 {} 所在的报告没有打开" | "mark {} is in a report that is not open",
    NoEarlier: "没有更早的位置" | "no earlier position",
    NoLater: "没有更晚的位置" | "no later position",
    NoSubsections: "此节没有可折叠的小节" | "no subsections to fold",
    NothingToCopy: "这里没有可复制的内容（滚动到某一节）" | "nothing to copy here (scroll to a section)",
    Copied: "已复制 {} 个字符到剪贴板" | "copied {} characters to the clipboard",
    NoOsc52: "此终端（TERM={}）不能接收剪贴板复制（OSC 52）" | "this terminal (TERM={}) cannot take a clipboard copy (OSC 52)",
    NothingToOpen: "没有可打开的结果" | "nothing to open",
    NoEarlierQueries: "没有更早的查询" | "no earlier queries",
    NoOtherReading: "没有别的读法" | "no other reading",
    OnlyOneReport: "只有一份报告" | "only one report",
    ScrollTogether: "两侧一起滚动" | "scrolling together",
    ScrollOne: "只滚动一侧（Tab 切换）" | "scrolling one side (Tab switches)",
    NoLabel: "此节没有标签" | "this section has no label",
    NoLabelCompare: "此节没有可对比的标签" | "this section has no label to compare",
    NoLabelFollow: "此节没有可跟随的标签" | "this section has no label to follow",
    NoReportHas: "没有报告有「{}」" | "no report has {}",
    ThisReportLacks: "这份报告没有「{}」" | "this report has no {}",
    NoOtherHas: "其他报告都没有「{}」或相近部分，留在此处" | "no other report has {} or anything similar; stayed here",
    NoOtherHasSimilar: "其他报告没有「{}」；最相近的在 {}：{}（{}%）" | "no other report has {}; most similar in {}: {} ({}%)",
    Skipped: "（跳过 {} 份没有此部分的报告）" | " (skipped {} reports without it)",
    NoLabelCalled: "没有叫 #{} 的标签" | "no label called #{}",
    FilterLead: "筛选：" | "filter: ",
    HintHelp: "帮助" | "help",
    HintSearch: "搜索" | "search",
    HintFilter: "筛选" | "filter",
    HintQuit: "退出" | "quit",
    HintLink: "同步" | "link",
    HintBack: "返回" | "back",
    HintOpen: "打开" | "open",
    HintScroll: "滚动" | "scroll",
    HintSelect: "选择" | "select",
    HelpTitle: "按键 (? 或 Esc 关闭)" | "keys (? or Esc closes)",
    HelpTitleScroll: "按键 (j/k 滚动, ? 或 Esc 关闭)" | "keys (j/k scroll, ? or Esc closes)",
    PaletteTitle: "跳到章节: 中文 / pinyin / 首字母, @机关 #标签" | "go to a section: Chinese / pinyin / initials, @agency #label",
    PaletteCount: "跳到章节: {} 个结果, @机关 #标签" | "go to a section: {} results, @agency #label",
    TextTitle: "全文搜索" | "full-text search",
    TextCount: "全文搜索: {} 节命中, \"短语\"精确匹配" | "full-text search: {} sections, \"a phrase\" matches exactly",
    TextReading: "全文搜索: {} 节命中 · {}" | "full-text search: {} sections · {}",
    OtherReading: " ({} 换一个)" | " ({} for another)",
    NoResults: "（没有结果）" | "(no results)",
    TextCountRead: "全文搜索: {} 节命中 · {}{}" | "full-text search: {} sections · {}{}",
    NoReport: "没有报告" | "no report",
    NothingToShow: "（没有可显示的报告）" | "(no report to show)",
    Indexing: "索引建立中…" | "building the index…",
    IndexProgress: "正文索引 {}/{}" | "text index {}/{}",
    CoverageTitle: "覆盖情况 (Enter 打开, Esc 返回)" | "coverage (Enter opens, Esc goes back)",
    CoverageLegend: "█ 字数（每格约400字）  ·█ 不在顶层  ✗ 缺少必备部分  — 无" | "█ length (a block ≈ 400 chars)  ·█ not at the top  ✗ statutory part missing  — none",
    CellMissing: "✗ 缺" | "✗ none",
    AcrossTitle: "{}（{}）· {}/{} 份有此部分 (Enter 打开, Esc 返回)" | "{} ({}) · {}/{} reports have it (Enter opens, Esc goes back)",
    Chars: "{}字" | "{} ch",
    Similar: "{} 相似 {}% · " | "{} similar {}% · ",
    NoSuchPart: "（没有「{}」）" | "(no {})",
    Reports: "报告 {}" | "reports {}",
    ReportsFiltered: "报告 {}/{} “{}”" | "reports {}/{} “{}”",
    Sections: "章节 {}/{}" | "sections {}/{}",
    KindInfoDisclosure: "〔信息公开年报〕" | "[info disclosure] ",
    KindPlan: "〔工作计划〕" | "[plan] ",
    KindOther: "〔其他文件〕" | "[other] ",
    UntitledFileName: "（无标题，文件名：{}）" | "(no title; file name: {})",
    TitleMade: "{}（标题据机关和年份补）" | "{} (title made from agency and year)",
    Inferred: "（推断）" | " (inferred)",
    YearOf: "{}年度" | "year {}",
    LevelNational: "国家" | "national",
    LevelProvince: "省级" | "province",
    LevelCity: "市级" | "city",
    LevelDistrict: "区级" | "district",
    LevelCounty: "县级" | "county",
    LevelTownship: "乡镇" | "township",
    Loading: "正在载入报告… {} 个文件" | "loading reports… {} files",
    ConfigUnreadable: "无法读取配置文件 {}（{}），已使用默认设置" | "cannot read {}: {}; using defaults",
    ConfigInvalid: "配置文件 {} 有误（{}），已使用默认设置" | "{}: {}; using defaults",
    StateUnreadable: "无法读取状态文件 {}（{}）" | "cannot read {}: {}",
    StateDamaged: "状态文件 {} 已损坏（{}），已另存为 {}" | "state file {} is damaged ({}); kept as {}",
    StateDamagedLeft: "状态文件 {} 已损坏（{}），保留原处" | "state file {} is damaged ({}); left in place",
    StateDirUnusable: "无法使用 {}：书签和历史不会保存" | "cannot use {}: marks and history will not be saved",
    NoOtherYear: "{} 没有{}年度的报告" | "{} has no {} report",
    NoYear: "这份报告没有年份" | "this report has no year",
    YearAt: "{} {}年 › {}（{}）" | "{} {} › {} ({})",
    YearNoPart: "{} {}年：没有{}，已打开报告开头" | "{} {}: no {}, opened at the top",
    EarlierLater: "更早" | "an earlier",
    LaterYear: "更晚" | "a later",
    NoStateDir: "没有状态目录：书签和历史不会保存" | "no state directory: marks and history will not be saved",
}

impl Msg {
    /// The message with each `{}` filled, in order, by `args`.
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        let t = self.text(lang);
        let mut out = String::with_capacity(t.len() + 16);
        let mut rest = t;
        let mut args = args.iter();
        while let Some(at) = rest.find("{}") {
            out.push_str(&rest[..at]);
            if let Some(a) = args.next() {
                out.push_str(&a.to_string());
            }
            rest = &rest[at + 2..];
        }
        out.push_str(rest);
        out
    }
}

/// A government level's name ("district" → 区级).
pub fn level(level: &str, lang: Lang) -> &'static str {
    let m = match level {
        "national" => Msg::LevelNational,
        "province" => Msg::LevelProvince,
        "city" => Msg::LevelCity,
        "district" => Msg::LevelDistrict,
        "county" => Msg::LevelCounty,
        "township" => Msg::LevelTownship,
        _ => return "",
    };
    m.text(lang)
}

/// A problem with the config or the state file, in the interface's language (the
/// parser's own words quoted as they are).
pub fn note(n: &crate::notes::Note, lang: Lang) -> String {
    use crate::notes::Note::*;
    match n {
        ConfigUnreadable { path, error } => Msg::ConfigUnreadable.fill(lang, &[path, error]),
        ConfigInvalid { path, what } => Msg::ConfigInvalid.fill(lang, &[path, what]),
        StateUnreadable { path, error } => Msg::StateUnreadable.fill(lang, &[path, error]),
        StateDamaged {
            path,
            error,
            kept: Some(k),
        } => Msg::StateDamaged.fill(lang, &[path, error, k]),
        StateDamaged {
            path,
            error,
            kept: None,
        } => Msg::StateDamagedLeft.fill(lang, &[path, error]),
        StateDirUnusable { path } => Msg::StateDirUnusable.fill(lang, &[path]),
    }
}

/// A label's name: the taxonomy's Chinese, or its key in words.
pub fn label(l: crate::corpus::Label, lang: Lang) -> String {
    match lang {
        Lang::Zh => l.zh().to_string(),
        Lang::En => l.key().replace('_', " "),
    }
}

/// The keymap's help lines and scope titles (written in English in the keymap) in
/// Chinese.
pub const HELP: &[(&str, &str)] = &[
    ("filter the report list", "筛选报告列表"),
    ("sort by agency / year / file", "按机关 / 年份 / 文件排序"),
    ("fold all", "全部折叠"),
    ("unfold all", "全部展开"),
    ("quit", "退出"),
    ("this help", "本帮助"),
    ("next pane", "下一个窗格"),
    ("previous pane", "上一个窗格"),
    ("pane to the left", "左边的窗格"),
    ("pane to the right", "右边的窗格"),
    ("down", "向下"),
    ("up", "向上"),
    ("top", "到顶"),
    ("bottom", "到底"),
    ("half a page down", "向下半页"),
    ("half a page up", "向上半页"),
    ("page down", "向下翻页"),
    ("page up", "向上翻页"),
    ("search this report", "在本报告中搜索"),
    ("next match", "下一处匹配"),
    ("previous match", "上一处匹配"),
    ("jump back", "跳回"),
    ("zoom the text full width", "正文占满宽度"),
    ("suspend (fg to resume)", "挂起（fg 恢复）"),
    ("close the help", "关闭帮助"),
    ("scroll down", "向下滚动"),
    ("scroll up", "向上滚动"),
    ("cursor left", "光标左移"),
    ("cursor right", "光标右移"),
    ("start of the line", "行首"),
    ("end of the line", "行尾"),
    ("next result", "下一个结果"),
    ("previous result", "上一个结果"),
    ("ten results up", "向上十个结果"),
    ("ten results down", "向下十个结果"),
    ("an earlier query", "上一条查询"),
    ("a later query", "下一条查询"),
    ("swap the two sides", "左右对调"),
    ("left side: next report", "左侧：下一份报告"),
    ("left side: previous report", "左侧：上一份报告"),
    ("right side: next report", "右侧：下一份报告"),
    ("right side: previous report", "右侧：上一份报告"),
    ("back to the reader", "返回阅读"),
    ("next report", "下一份报告"),
    ("previous report", "上一份报告"),
    ("first report", "第一份报告"),
    ("last report", "最后一份报告"),
    ("next column", "下一列"),
    ("previous column", "上一列"),
    ("fold / unfold the section", "折叠 / 展开本节"),
    ("open / go to the next pane", "打开 / 到下一个窗格"),
    ("clear search/filter, close", "清除搜索/筛选，关闭"),
    ("jump forward (kitty keyboard)", "跳前（kitty 键盘协议）"),
    ("jump forward", "跳前"),
    (
        "jump to any section (Chinese or pinyin)",
        "跳到任一章节（中文或拼音）",
    ),
    ("search the text of all reports", "搜索全部报告的正文"),
    ("same section in the next report", "下一份报告的同一部分"),
    (
        "same section, this agency's next year",
        "本机关下一年度报告的同一部分",
    ),
    (
        "same section, this agency's previous year",
        "本机关上一年度报告的同一部分",
    ),
    (
        "compare with this agency's previous year",
        "与本机关上一年度报告对比",
    ),
    (
        "same section in the previous report",
        "上一份报告的同一部分",
    ),
    (
        "compare side by side (next report)",
        "左右对比（下一份报告）",
    ),
    ("coverage matrix of the statutory parts", "法定部分覆盖矩阵"),
    ("this section in every report", "各报告的这一部分"),
    (
        "m + letter: set a mark (A-Z: global)",
        "m + 字母：设书签（A-Z 跨报告）",
    ),
    ("' + letter: go to a mark", "' + 字母：跳到书签"),
    (
        "copy section + citation (OSC 52)",
        "复制本节和出处（OSC 52）",
    ),
    ("copy the citation only", "只复制出处"),
    (
        "done: keep the search or the filter",
        "完成：保留搜索或筛选",
    ),
    ("cancel: back to where it started", "取消：回到开始处"),
    ("delete the character before the cursor", "删除光标前的字"),
    ("delete the character under the cursor", "删除光标处的字"),
    ("delete the word before the cursor", "删除光标前的词"),
    ("delete to the start of the line", "删除到行首"),
    ("open the selected result", "打开所选结果"),
    ("close, back to where it opened", "关闭，回到打开处"),
    ("another reading of a pinyin word", "拼音词换一个读法"),
    ("scroll both sides or one", "两侧同步或单侧滚动"),
    ("the other side scrolls alone", "换另一侧单独滚动"),
    ("read this report's section", "阅读这份报告的这一部分"),
    ("read this report's part", "阅读这份报告的这一部分"),
    // Scope titles.
    ("everywhere", "各处"),
    ("report list", "报告列表"),
    ("section tree", "章节树"),
    ("typing a search or a filter", "输入搜索或筛选时"),
    ("palette and full-text search", "章节跳转和全文搜索"),
    ("compare view", "对比视图"),
    ("one section in every report", "各报告的同一部分"),
    ("coverage matrix", "覆盖矩阵"),
];

/// A help line or scope title in `lang`.
pub fn help(en: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => HELP.iter().find(|(e, _)| *e == en).map_or(en, |(_, zh)| zh),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(crate::ingest::text::is_cjk)
    }

    #[test]
    fn every_message_is_in_both_languages() {
        for m in Msg::ALL {
            let (zh, en) = (m.text(Lang::Zh), m.text(Lang::En));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(zh.matches("{}").count(), en.matches("{}").count(), "{m:?}");
            assert!(!has_cjk(en), "{m:?}: English has Chinese: {en}");
        }
        // Chinese, except the few that are symbols and ASCII in both.
        for m in Msg::ALL {
            let zh = m.text(Lang::Zh);
            assert!(has_cjk(zh), "{m:?}: not Chinese: {zh}");
        }
    }

    #[test]
    fn every_help_line_and_scope_title_has_its_chinese() {
        use crate::ui::keymap::{KEYMAP, Scope};
        let titles = Scope::ALL.iter().map(|s| s.title());
        for en in KEYMAP.iter().map(|b| b.help).chain(titles) {
            let zh = help(en, Lang::Zh);
            assert!(has_cjk(zh), "no Chinese for {en:?}");
            assert_eq!(help(en, Lang::En), en);
        }
        for (en, zh) in HELP {
            assert!(!has_cjk(en) && has_cjk(zh), "{en}");
        }
    }

    #[test]
    fn fill_puts_the_arguments_in_order() {
        assert_eq!(Msg::MatchOf.fill(Lang::En, &[&2, &9]), "match 2/9");
        assert_eq!(Msg::MatchOf.fill(Lang::Zh, &[&2, &9]), "第 2/9 处");
        assert_eq!(Msg::Matches.fill(Lang::En, &[]), " matches");
    }
}

#[cfg(test)]
mod note_tests {
    use super::*;
    use crate::notes::Note;

    #[test]
    fn notes_speak_the_interface_language_and_quote_the_parser() {
        let n = Note::ConfigInvalid {
            path: "/home/u/.config/baogao/config.toml".into(),
            what: "line 2: invalid type".into(),
        };
        let zh = note(&n, Lang::Zh);
        assert!(
            zh.contains("配置文件") && zh.contains("line 2: invalid type"),
            "{zh}"
        );
        assert_eq!(note(&n, Lang::En), n.to_string());
        let d = Note::StateDamaged {
            path: "s.json".into(),
            error: "EOF".into(),
            kept: None,
        };
        assert!(note(&d, Lang::Zh).contains("保留原处"));
        assert!(note(&d, Lang::En).ends_with("left in place"));
    }
}
