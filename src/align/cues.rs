//! The cue lexicon: words that signal a part or a topic, matched leftmost-longest so a
//! longer phrase ("谁执法谁普法", publicity) hides the shorter one inside it ("执法").

use crate::corpus::Label;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// Strength of a cue: strong cues name a part outright; weak ones only on a top heading.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Strong,
    Weak,
    Topic,
    /// A trap phrase: matched so that the words inside it do not count.
    Stop,
}

use Kind::*;
use Label::*;

const CUES: &[(&str, Option<Label>, Kind)] = &[
    // --- parts ---
    ("举措和成效", Some(MeasuresOutcomes), Strong),
    ("主要举措", Some(MeasuresOutcomes), Strong),
    ("主要成效", Some(MeasuresOutcomes), Strong),
    ("工作成效", Some(MeasuresOutcomes), Strong),
    ("做法和成效", Some(MeasuresOutcomes), Strong),
    ("主要做法", Some(MeasuresOutcomes), Weak),
    ("主要工作", Some(MeasuresOutcomes), Weak),
    ("工作情况", Some(MeasuresOutcomes), Weak),
    ("开展情况", Some(MeasuresOutcomes), Weak),
    ("建设情况", Some(MeasuresOutcomes), Weak),
    ("推进情况", Some(MeasuresOutcomes), Weak),
    ("落实情况", Some(MeasuresOutcomes), Weak),
    ("取得的成效", Some(MeasuresOutcomes), Weak),
    ("取得的成绩", Some(MeasuresOutcomes), Weak),
    ("主要成绩", Some(MeasuresOutcomes), Weak),
    ("成效", Some(MeasuresOutcomes), Weak),
    ("举措", Some(MeasuresOutcomes), Weak),
    ("第一责任人", Some(LeaderResponsibility), Strong),
    ("主要负责人", Some(LeaderResponsibility), Strong),
    ("主要负责同志", Some(LeaderResponsibility), Strong),
    ("主要领导履行", Some(LeaderResponsibility), Strong),
    ("述法", Some(LeaderResponsibility), Strong),
    ("主体责任", Some(LeaderResponsibility), Weak),
    ("不足", Some(Shortcomings), Strong),
    ("存在的问题", Some(Shortcomings), Strong),
    ("存在问题", Some(Shortcomings), Strong),
    ("存在的主要问题", Some(Shortcomings), Strong),
    ("困难和问题", Some(Shortcomings), Strong),
    ("问题和困难", Some(Shortcomings), Strong),
    ("差距", Some(Shortcomings), Strong),
    ("短板", Some(Shortcomings), Strong),
    ("薄弱环节", Some(Shortcomings), Strong),
    ("问题", Some(Shortcomings), Weak),
    ("原因", Some(Shortcomings), Weak),
    ("下一年度", Some(NextYearPlan), Strong),
    ("下一年", Some(NextYearPlan), Strong),
    ("下一步", Some(NextYearPlan), Strong),
    ("下步", Some(NextYearPlan), Strong),
    ("下年度", Some(NextYearPlan), Strong),
    ("明年", Some(NextYearPlan), Strong),
    ("次年", Some(NextYearPlan), Strong),
    ("来年", Some(NextYearPlan), Strong),
    ("今后工作", Some(NextYearPlan), Strong),
    ("工作打算", Some(NextYearPlan), Strong),
    ("工作计划", Some(NextYearPlan), Strong),
    ("工作安排", Some(NextYearPlan), Strong),
    ("主要安排", Some(NextYearPlan), Strong),
    ("计划安排", Some(NextYearPlan), Strong),
    ("工作思路", Some(NextYearPlan), Strong),
    ("工作设想", Some(NextYearPlan), Strong),
    ("计划", Some(NextYearPlan), Weak),
    ("安排", Some(NextYearPlan), Weak),
    ("打算", Some(NextYearPlan), Weak),
    ("思路", Some(NextYearPlan), Weak),
    ("工作措施", Some(NextYearPlan), Weak),
    ("其他需要报告", Some(OtherMatters), Strong),
    ("其他需要说明", Some(OtherMatters), Strong),
    ("需要报告的其他", Some(OtherMatters), Strong),
    ("其他事项", Some(OtherMatters), Strong),
    ("其他方面法治建设", None, Stop),
    // --- topics ---
    ("习近平法治思想", Some(XiThoughtStudy), Topic),
    ("第一议题", Some(XiThoughtStudy), Topic),
    ("关于法治建设的重要", Some(XiThoughtStudy), Topic),
    ("职能", Some(GovFunctions), Topic),
    ("放管服", Some(GovFunctions), Topic),
    ("权责清单", Some(GovFunctions), Topic),
    ("审批", Some(GovFunctions), Topic),
    ("营商环境", Some(GovFunctions), Topic),
    ("政务服务", Some(GovFunctions), Topic),
    ("简政放权", Some(GovFunctions), Topic),
    ("证明事项", Some(GovFunctions), Topic),
    ("优化服务", Some(GovFunctions), Topic),
    ("规范性文件", Some(RulesSystem), Topic),
    ("立法", Some(RulesSystem), Topic),
    ("备案", Some(RulesSystem), Topic),
    ("清理", Some(RulesSystem), Topic),
    ("公平竞争审查", Some(RulesSystem), Topic),
    ("制度体系", Some(RulesSystem), Topic),
    ("制度建设", Some(RulesSystem), Topic),
    ("决策", Some(DecisionMaking), Topic),
    ("三重一大", Some(DecisionMaking), Topic),
    ("法律顾问", Some(DecisionMaking), Topic),
    ("公职律师", Some(DecisionMaking), Topic),
    ("合法性审查", Some(DecisionMaking), Topic),
    ("执法", Some(LawEnforcement), Topic),
    ("三项制度", Some(LawEnforcement), Topic),
    ("处罚", Some(LawEnforcement), Topic),
    ("案卷", Some(LawEnforcement), Topic),
    ("行政检查", Some(LawEnforcement), Topic),
    ("行政许可", Some(LawEnforcement), Topic),
    ("突发事件", Some(Emergency), Topic),
    ("应急", Some(Emergency), Topic),
    ("疫情", Some(Emergency), Topic),
    ("矛盾纠纷", Some(DisputeResolution), Topic),
    ("纠纷", Some(DisputeResolution), Topic),
    ("信访", Some(DisputeResolution), Topic),
    ("复议", Some(DisputeResolution), Topic),
    ("应诉", Some(DisputeResolution), Topic),
    ("调解", Some(DisputeResolution), Topic),
    ("诉求", Some(DisputeResolution), Topic),
    ("行政诉讼", Some(DisputeResolution), Topic),
    ("监督", Some(Oversight), Topic),
    ("制约", Some(Oversight), Topic),
    ("人大建议", Some(Oversight), Topic),
    ("人大代表建议", Some(Oversight), Topic),
    ("政协提案", Some(Oversight), Topic),
    ("审计", Some(Oversight), Topic),
    ("问责", Some(Oversight), Topic),
    ("监督检查", None, Stop),
    ("科技保障", Some(DigitalGov), Topic),
    ("数字法治", Some(DigitalGov), Topic),
    ("数字政府", Some(DigitalGov), Topic),
    ("信息化", Some(DigitalGov), Topic),
    ("数据共享", Some(DigitalGov), Topic),
    ("互联网+", Some(DigitalGov), Topic),
    ("智慧", Some(DigitalGov), Topic),
    ("组织领导", Some(PartyLeadership), Topic),
    ("领导小组", Some(PartyLeadership), Topic),
    ("考核", Some(PartyLeadership), Topic),
    ("督察", Some(PartyLeadership), Topic),
    ("责任落实", Some(PartyLeadership), Topic),
    ("示范创建", Some(PartyLeadership), Topic),
    ("党的领导", Some(PartyLeadership), Topic),
    ("推进机制", Some(PartyLeadership), Topic),
    ("普法", Some(LegalPublicity), Topic),
    ("法治宣传", Some(LegalPublicity), Topic),
    ("法制宣传", Some(LegalPublicity), Topic),
    ("宪法宣传", Some(LegalPublicity), Topic),
    ("谁执法谁普法", Some(LegalPublicity), Topic),
    ("法治文化", Some(LegalPublicity), Topic),
    ("政策宣传", None, Stop),
    ("政务公开", Some(GovTransparency), Topic),
    ("信息公开", Some(GovTransparency), Topic),
    ("公开征求意见", None, Stop),
    ("学法", Some(CapacityTraining), Topic),
    ("理论学习", Some(CapacityTraining), Topic),
    ("培训", Some(CapacityTraining), Topic),
    ("队伍", Some(CapacityTraining), Topic),
    ("考法", Some(CapacityTraining), Topic),
    ("法治思维", Some(CapacityTraining), Topic),
    ("法治素养", Some(CapacityTraining), Topic),
    ("法律素质", Some(CapacityTraining), Topic),
    ("法治意识", Some(CapacityTraining), Topic),
];

fn automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA: a few hundred short patterns make a small one, and it scans text
            // several times faster than the default NFA.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(CUES.iter().map(|c| c.0))
            .expect("cue patterns are valid")
    })
}

/// Cue hits in a text: counts per label, split by strength.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    strong: [u32; 18],
    weak: [u32; 18],
    topic: [u32; 18],
}

impl Scores {
    pub fn strong(&self, l: Label) -> bool {
        self.strong[l as usize] > 0
    }
    pub fn weak(&self, l: Label) -> bool {
        self.weak[l as usize] > 0
    }
    /// Topic hits for a label.
    pub fn get(&self, l: Label) -> u32 {
        self.topic[l as usize]
    }
    pub fn add(&mut self, o: &Scores) {
        for i in 0..18 {
            self.strong[i] += o.strong[i];
            self.weak[i] += o.weak[i];
            self.topic[i] += o.topic[i];
        }
    }
}

/// The word segmenter, with every cue word added to its dictionary so domain terms
/// (学法, 普法, 复议) come out as words. Built once (~150 ms); [`warm_up`] starts it early.
pub fn jieba() -> &'static jieba_rs::Jieba {
    static J: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    J.get_or_init(|| {
        let mut j = jieba_rs::Jieba::new();
        for (word, _, _) in CUES {
            j.add_word(word, Some(20_000), None);
        }
        j
    })
}

/// Build the segmenter now (call from a spare thread while files load).
pub fn warm_up() {
    jieba();
}

/// Does jieba see `text[start..end]` as whole words (a boundary at both ends)? Only a
/// window around the hit is segmented, so the cost does not grow with the text.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let mut from = start;
    for _ in 0..8 {
        match text[..from].char_indices().next_back() {
            Some((i, _)) => from = i,
            None => break,
        }
    }
    let mut to = end;
    for c in text[end..].chars().take(8) {
        to += c.len_utf8();
    }
    let window = &text[from..to];
    let (s, e) = (start - from, end - from);
    let mut at = 0;
    let mut start_ok = s == 0;
    let mut end_ok = e == window.len();
    for w in jieba().cut(window, false) {
        if at == s {
            start_ok = true;
        }
        at += w.word.len();
        if at == e {
            end_ok = true;
        }
    }
    start_ok && end_ok
}

/// Score running text: like [`score`], but a two-character topic cue counts only where
/// jieba segments it as a word ("科学法规" holds 学法 as characters, not as a word).
pub fn score_text(text: &str) -> Scores {
    score_with(text, true)
}

/// Score a text against the cue lexicon.
pub fn score(text: &str) -> Scores {
    score_with(text, false)
}

fn score_with(text: &str, segment: bool) -> Scores {
    let mut s = Scores::default();
    for m in automaton().find_iter(text) {
        let (word, label, kind) = CUES[m.pattern().as_usize()];
        let Some(l) = label else { continue };
        if segment
            && kind == Topic
            && word.chars().count() <= 2
            && !on_word_boundaries(text, m.start(), m.end())
        {
            continue;
        }
        let i = l as usize;
        match kind {
            Strong => s.strong[i] += 1,
            Weak => s.weak[i] += 1,
            Topic => s.topic[i] += 1,
            Stop => {}
        }
    }
    // 履行…职责 (within a short span) names the leader part, when the duty is the
    // leaders' (法治建设, 第一责任人, 主要负责人) and not an agency's own remit
    // ("依法履行林草资源保护职责").
    static LVXING: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let span: String = LVXING
        .get_or_init(|| memchr::memmem::Finder::new("履行"))
        .find(text.as_bytes())
        .map(|p| text[p..].chars().take(16).collect())
        .unwrap_or_default();
    let whose = ["法治", "第一责任", "负责人", "负责同志", "领导"];
    if span.contains("职责") && whose.iter().any(|w| text.contains(w)) {
        s.strong[LeaderResponsibility as usize] += 1;
    }
    s
}
