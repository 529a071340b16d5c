//! Canonical section keys (see shared/design/TAXONOMY.md).

use serde::{Deserialize, Serialize};

/// A canonical key: one of the five statutory parts or one of the topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    // Level 1: the statutory parts.
    MeasuresOutcomes,
    LeaderResponsibility,
    Shortcomings,
    NextYearPlan,
    OtherMatters,
    // Level 2: topics.
    XiThoughtStudy,
    GovFunctions,
    RulesSystem,
    DecisionMaking,
    LawEnforcement,
    Emergency,
    DisputeResolution,
    Oversight,
    DigitalGov,
    PartyLeadership,
    LegalPublicity,
    GovTransparency,
    CapacityTraining,
}

/// The statutory parts, in the order of the national rule.
pub const PARTS: [Label; 5] = [
    Label::MeasuresOutcomes,
    Label::LeaderResponsibility,
    Label::Shortcomings,
    Label::NextYearPlan,
    Label::OtherMatters,
];

/// The topics that measures are organised by.
pub const TOPICS: [Label; 13] = [
    Label::XiThoughtStudy,
    Label::GovFunctions,
    Label::RulesSystem,
    Label::DecisionMaking,
    Label::LawEnforcement,
    Label::Emergency,
    Label::DisputeResolution,
    Label::Oversight,
    Label::DigitalGov,
    Label::PartyLeadership,
    Label::LegalPublicity,
    Label::GovTransparency,
    Label::CapacityTraining,
];

impl Label {
    /// Every label, parts first.
    pub fn all() -> impl Iterator<Item = Label> {
        PARTS.into_iter().chain(TOPICS)
    }

    pub fn is_part(self) -> bool {
        PARTS.contains(&self)
    }

    /// The snake_case key used in JSON and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Label::MeasuresOutcomes => "measures_outcomes",
            Label::LeaderResponsibility => "leader_responsibility",
            Label::Shortcomings => "shortcomings",
            Label::NextYearPlan => "next_year_plan",
            Label::OtherMatters => "other_matters",
            Label::XiThoughtStudy => "xi_thought_study",
            Label::GovFunctions => "gov_functions",
            Label::RulesSystem => "rules_system",
            Label::DecisionMaking => "decision_making",
            Label::LawEnforcement => "law_enforcement",
            Label::Emergency => "emergency",
            Label::DisputeResolution => "dispute_resolution",
            Label::Oversight => "oversight",
            Label::DigitalGov => "digital_gov",
            Label::PartyLeadership => "party_leadership",
            Label::LegalPublicity => "legal_publicity",
            Label::GovTransparency => "gov_transparency",
            Label::CapacityTraining => "capacity_training",
        }
    }

    /// The Chinese name from the taxonomy.
    pub fn zh(self) -> &'static str {
        match self {
            Label::MeasuresOutcomes => "主要举措和成效",
            Label::LeaderResponsibility => "第一责任人职责",
            Label::Shortcomings => "不足和原因",
            Label::NextYearPlan => "下一年度主要安排",
            Label::OtherMatters => "其他需要报告的情况",
            Label::XiThoughtStudy => "学习贯彻习近平法治思想",
            Label::GovFunctions => "政府机构职能",
            Label::RulesSystem => "依法行政制度体系",
            Label::DecisionMaking => "行政决策",
            Label::LawEnforcement => "行政执法",
            Label::Emergency => "突发事件应对",
            Label::DisputeResolution => "矛盾纠纷化解",
            Label::Oversight => "行政权力制约和监督",
            Label::DigitalGov => "数字法治政府",
            Label::PartyLeadership => "党的领导",
            Label::LegalPublicity => "普法宣传",
            Label::GovTransparency => "政务公开",
            Label::CapacityTraining => "队伍建设和学法培训",
        }
    }

    /// Short names a reader types for the label ("#计划", "#不足"), besides its key and
    /// its taxonomy name: the words reports use in their own headings for it.
    pub fn short_names(self) -> &'static [&'static str] {
        match self {
            Label::MeasuresOutcomes => &["举措", "成效", "做法"],
            Label::LeaderResponsibility => &["第一责任人", "责任人", "述法"],
            Label::Shortcomings => &["不足", "问题", "短板"],
            Label::NextYearPlan => &["计划", "安排", "打算", "下一步", "思路"],
            Label::OtherMatters => &["其他"],
            Label::XiThoughtStudy => &["法治思想"],
            Label::GovFunctions => &["职能", "放管服"],
            Label::RulesSystem => &["制度", "规范性文件"],
            Label::DecisionMaking => &["决策"],
            Label::LawEnforcement => &["执法"],
            Label::Emergency => &["应急", "突发"],
            Label::DisputeResolution => &["纠纷", "复议", "调解"],
            Label::Oversight => &["监督", "制约"],
            Label::DigitalGov => &["数字", "信息化"],
            Label::PartyLeadership => &["党的领导", "党建"],
            Label::LegalPublicity => &["普法"],
            Label::GovTransparency => &["公开"],
            Label::CapacityTraining => &["学法", "培训", "队伍"],
        }
    }

    /// Parse a key or a Chinese name.
    pub fn parse(s: &str) -> Option<Label> {
        let s = s.trim();
        Label::all().find(|l| l.key() == s || l.zh() == s)
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}
