//! A deterministic generator of realistic report files, for benchmarks and property
//! tests: the same seed always gives the same bytes. Reports vary in agency, level,
//! year, heading styles (一、 （一） (一) 1. 1、 １． （1） ①, markdown, bold, inline,
//! colon, unnumbered), noise (web chrome, page numbers, Word artifacts), PDF-style hard
//! wrapping, and encoding (UTF-8, UTF-8 BOM, GBK, UTF-16LE, CRLF).

/// splitmix64: small, fast, good enough to vary test data (not for anything else).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T: ?Sized>(&mut self, xs: &[&'a T]) -> &'a T {
        xs[self.below(xs.len())]
    }
    /// True with probability `p` percent.
    pub fn chance(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

const PROVINCES: &[&str] = &["山东省", "浙江省", "湖南省", "四川省", "河南省", "广东省"];
const CITIES: &[&str] = &[
    "淄博市",
    "枣庄市",
    "湖州市",
    "绍兴市",
    "常德市",
    "湘潭市",
    "绵阳市",
    "洛阳市",
    "佛山市",
];
const COUNTIES: &[&str] = &[
    "高青县",
    "于田县",
    "安吉县",
    "攸县",
    "桐庐县",
    "沂源县",
    "长兴县",
    "宁乡县",
];
const DISTRICTS: &[&str] = &[
    "张店区",
    "大足区",
    "秀洲区",
    "南浔区",
    "临川区",
    "岳麓区",
    "金水区",
    "南海区",
];
const TOWNS: &[&str] = &["新市镇", "城关镇", "东城街道", "西湖街道"];
const DEPARTMENTS: &[&str] = &[
    "科学技术局",
    "科技局",
    "司法局",
    "交通运输局",
    "教育局",
    "卫生健康委员会",
    "市场监督管理局",
    "生态环境局",
    "自然资源局",
    "住房和城乡建设局",
    "人民政府",
    "财政局",
    "民政局",
    "应急管理局",
];

const TOPIC_HEADINGS: &[&str] = &[
    "持续健全组织领导",
    "深入学习贯彻习近平法治思想",
    "健全依法决策工作机制",
    "严格规范公正文明执法",
    "深化普法宣传教育",
    "强化行政权力制约和监督",
    "依法有效化解矛盾纠纷",
    "加强规范性文件管理",
    "深化“放管服”改革",
    "推进政务公开",
    "加强执法队伍建设",
    "健全突发事件应对体系",
    "推进数字政府建设",
    "落实法律顾问制度",
];

const PHRASES: &[&str] = &[
    "坚持以习近平新时代中国特色社会主义思想为指导",
    "深入贯彻落实党中央、国务院关于法治政府建设的决策部署",
    "全年召开党组会议专题研究法治建设工作",
    "严格落实重大行政决策程序",
    "组织开展行政执法案卷评查",
    "聘请常年法律顾问参与合同审查和信访处置",
    "开展“八五”普法宣传活动",
    "推行“谁执法谁普法”普法责任制",
    "畅通行政复议和行政诉讼渠道",
    "对规范性文件一律进行合法性审查",
    "依法公开政府信息",
    "组织执法人员参加法律知识培训",
    "建立健全行政执法公示制度",
    "执法全过程记录制度和重大执法决定法制审核制度",
    "进一步压实各方责任",
    "推动各项工作任务落地见效",
    "不断提升依法行政能力和水平",
    "营造良好的法治氛围",
];

const ADVERBS: &[&str] = &[
    "",
    "",
    "持续",
    "深入",
    "全面",
    "扎实",
    "切实",
    "不断",
    "进一步",
    "着力",
    "大力",
    "积极",
];
const VERBS: &[&str] = &[
    "健全", "推进", "强化", "深化", "完善", "加强", "规范", "落实", "提升", "优化", "创新", "严格",
];
const OBJECTS: &[&str] = &[
    "组织领导",
    "依法决策机制",
    "行政执法监督",
    "普法宣传教育",
    "法治队伍建设",
    "规范性文件管理",
    "政务公开",
    "矛盾纠纷化解",
    "行政复议应诉",
    "营商环境",
    "“放管服”改革",
    "数字政府建设",
    "法律顾问制度",
    "突发事件应对",
    "科技创新服务",
    "执法责任制",
    "权力运行监督",
    "信用体系建设",
    "公共法律服务",
    "基层依法治理",
    "干部学法用法",
    "重大行政决策程序",
    "合法性审查",
    "执法全过程记录",
    "信访工作法治化",
    "安全生产监管",
    "知识产权保护",
    "政策解读",
    "法治文化阵地",
    "考核评价机制",
];
const AIMS: &[&str] = &[
    "",
    "",
    "",
    "，夯实法治建设基础",
    "，提升依法行政水平",
    "，营造良好法治环境",
    "，推动工作落地见效",
    "，增强群众获得感",
    "，筑牢制度防线",
    "，确保权力规范运行",
];

/// A heading made of parts, so a large corpus has many distinct headings (as real
/// ones do) rather than a handful repeated.
fn topic_heading(rng: &mut Rng) -> String {
    if rng.chance(15) {
        return rng.pick(TOPIC_HEADINGS).to_string();
    }
    let second = if rng.chance(40) {
        format!("和{}", rng.pick(OBJECTS))
    } else {
        String::new()
    };
    format!(
        "{}{}{}{second}{}",
        rng.pick(ADVERBS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(AIMS)
    )
}

const SHORTCOMINGS: &[&str] = &[
    "部分干部法治意识有待进一步增强",
    "执法队伍专业化水平不高",
    "普法宣传的针对性和实效性不强",
    "制度建设还不够完善",
];

const CN: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// Heading style of one level.
#[derive(Debug, Clone, Copy)]
enum Style {
    Cn,
    ParenCn,
    HalfParenCn,
    Num,
    NumComma,
    WideNum,
    ParenNum,
    Circled,
}

fn marker(style: Style, i: usize) -> String {
    let n = i + 1;
    match style {
        Style::Cn => format!("{}、", CN[i % CN.len()]),
        Style::ParenCn => format!("（{}）", CN[i % CN.len()]),
        Style::HalfParenCn => format!("({})", CN[i % CN.len()]),
        Style::Num => format!("{n}."),
        Style::NumComma => format!("{n}、"),
        Style::WideNum => {
            let wide: String = n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
                .collect();
            format!("{wide}．")
        }
        Style::ParenNum => format!("（{n}）"),
        Style::Circled => char::from_u32(0x2460 + (i as u32 % 20))
            .unwrap()
            .to_string(),
    }
}

/// One generated report file: a name and its bytes.
#[derive(Debug, Clone)]
pub struct SynthFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    let mut p = String::new();
    for _ in 0..sentences {
        let k = 2 + rng.below(3);
        for j in 0..k {
            p.push_str(rng.pick(PHRASES));
            if rng.chance(30) {
                p.push_str(&format!("{}次", 1 + rng.below(60)));
            }
            p.push_str(if j + 1 < k { "，" } else { "。" });
        }
    }
    p
}

fn agency(rng: &mut Rng) -> String {
    let place = match rng.below(10) {
        0 => rng.pick(PROVINCES),
        1..=3 => rng.pick(CITIES),
        4..=6 => rng.pick(COUNTIES),
        7..=8 => rng.pick(DISTRICTS),
        _ => rng.pick(TOWNS),
    };
    let dept = if place.ends_with('镇') || place.ends_with("街道") {
        if place.ends_with("街道") {
            "办事处"
        } else {
            "人民政府"
        }
    } else {
        rng.pick(DEPARTMENTS)
    };
    format!("{place}{dept}")
}

/// The report text (before encoding) for one seed.
pub fn report_text(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let agency = agency(&mut rng);
    let year = 2016 + rng.below(10);
    let styles = [
        Style::Cn,
        *rng.pick(&[&Style::ParenCn, &Style::HalfParenCn]),
        *rng.pick(&[&Style::Num, &Style::NumComma, &Style::WideNum]),
        *rng.pick(&[&Style::ParenNum, &Style::Circled]),
    ];
    let md_hash = rng.chance(10);
    let bold = !md_hash && rng.chance(8);
    let inline = rng.chance(40);
    let colon = rng.chance(50);
    let unnumbered_parts = rng.chance(10);
    let size = 2 + rng.below(4); // paragraph sentences
    let mut lines: Vec<String> = Vec::new();

    if rng.chance(15) {
        lines.push("当前位置：首页 > 政务公开 > 法治政府建设".into());
        lines.push(format!(
            "发布时间：{}-0{}-1{} 来源：{agency} 浏览次数：{}",
            year + 1,
            1 + rng.below(3),
            rng.below(10),
            rng.below(2000)
        ));
        lines.push("字体：大 中 小".into());
    }
    if rng.chance(90) {
        let title = format!("{agency}{year}年度法治政府建设情况报告");
        if rng.chance(15) {
            let cut = title
                .char_indices()
                .nth(title.chars().count() / 2)
                .unwrap()
                .0;
            lines.push(title[..cut].to_string());
            lines.push(title[cut..].to_string());
        } else if rng.chance(10) {
            lines.push(title.replace(&year.to_string(), &format!("{year} ")));
        } else {
            lines.push(title);
        }
    } else {
        lines.push(format!("{year}年度"));
    }
    lines.push(String::new());
    lines.push(paragraph(&mut rng, 2));

    let parts: Vec<String> = vec![
        format!("{year}年推进法治政府建设的主要举措和成效"),
        "党政主要负责人履行推进法治建设第一责任人职责情况".into(),
        "推进法治政府建设存在的不足和原因".into(),
        format!("{}年推进法治政府建设的主要安排", year + 1),
    ];
    for (pi, part) in parts.iter().enumerate() {
        lines.push(String::new());
        let head = if unnumbered_parts && pi > 0 {
            part.clone()
        } else {
            format!("{}{part}", marker(styles[0], pi))
        };
        lines.push(decorate(head, md_hash, bold, 2));
        let children = match pi {
            0 => 4 + rng.below(5),
            2 => rng.below(3),
            _ => 2 + rng.below(3),
        };
        if children == 0 {
            let body = if pi == 2 {
                format!("{}。{}", rng.pick(SHORTCOMINGS), paragraph(&mut rng, 1))
            } else {
                paragraph(&mut rng, size)
            };
            lines.push(body);
        }
        for ci in 0..children {
            let title = if pi == 2 {
                rng.pick(SHORTCOMINGS).to_string()
            } else {
                topic_heading(&mut rng)
            };
            let m = marker(styles[1], ci);
            if inline {
                lines.push(format!("{m}{title}。{}", paragraph(&mut rng, size)));
            } else {
                lines.push(decorate(format!("{m}{title}"), md_hash, bold, 3));
                lines.push(paragraph(&mut rng, size));
            }
            if pi == 0 && rng.chance(35) {
                for gi in 0..2 + rng.below(3) {
                    let t = topic_heading(&mut rng);
                    let m = marker(styles[2], gi);
                    if colon {
                        lines.push(format!("{m}{t}：{}", paragraph(&mut rng, 1)));
                    } else {
                        lines.push(format!("{m}{t}"));
                        lines.push(paragraph(&mut rng, 1));
                    }
                    if rng.chance(20) {
                        for di in 0..2 {
                            lines.push(format!(
                                "{}{}",
                                marker(styles[3], di),
                                topic_heading(&mut rng)
                            ));
                            lines.push(paragraph(&mut rng, 1));
                        }
                    }
                }
            }
            if rng.chance(5) {
                lines.push("[bookmark: _GoBack]".into());
            }
        }
    }
    lines.push(String::new());
    if rng.chance(50) {
        lines.push("特此报告。".into());
    }
    lines.push(agency.clone());
    lines.push(format!(
        "{}年{}月{}日",
        year + 1,
        1 + rng.below(3),
        1 + rng.below(28)
    ));
    if rng.chance(15) {
        lines.push("【关闭】 打印本页".into());
    }

    let mut text = if rng.chance(15) {
        pdf_wrap(&lines, 34 + rng.below(8), &mut rng)
    } else {
        lines.join("\n")
    };
    text.push('\n');
    if rng.chance(20) {
        // Ideographic-space paragraph indents.
        text = text
            .lines()
            .map(|l| {
                if l.is_empty() {
                    "\n".to_string()
                } else {
                    format!("\u{3000}\u{3000}{l}\n")
                }
            })
            .collect();
    }
    text
}

fn decorate(head: String, hash: bool, bold: bool, hashes: usize) -> String {
    if hash {
        format!("{} {head}", "#".repeat(hashes))
    } else if bold {
        format!("**{head}**")
    } else {
        head
    }
}

/// Hard-wrap long lines at `width` characters with page numbers now and then, as PDF
/// text extraction does.
fn pdf_wrap(lines: &[String], width: usize, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut page_lines = 0;
    let mut page = 1;
    for l in lines {
        let chars: Vec<char> = l.chars().collect();
        for chunk in chars.chunks(width.max(1)) {
            out.extend(chunk);
            out.push('\n');
            page_lines += 1;
            if page_lines > 30 + rng.below(10) {
                page += 1;
                out.push_str(&format!("\n— {page} —\n\n"));
                page_lines = 0;
            }
        }
        if l.is_empty() {
            out.push('\n');
        }
    }
    out
}

/// One file for a seed: the text in one of the encodings real reports come in.
pub fn report_file(seed: u64) -> SynthFile {
    let text = report_text(seed);
    let mut rng = Rng::new(seed ^ 0x5EED);
    let (bytes, tag) = match rng.below(20) {
        0..=1 => {
            let (b, _, _) = encoding_rs::GBK.encode(&text);
            (b.into_owned(), "gbk")
        }
        2 => {
            let mut b = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            (b, "utf16")
        }
        3 => {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend_from_slice(text.as_bytes());
            (b, "bom")
        }
        4..=5 => (text.replace('\n', "\r\n").into_bytes(), "crlf"),
        _ => (text.into_bytes(), "utf8"),
    };
    SynthFile {
        name: format!("r{seed:05}_{tag}.txt"),
        bytes,
    }
}

/// Write `count` generated reports into `dir` (created if needed); returns total bytes.
pub fn write_corpus(dir: &std::path::Path, count: usize) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    for seed in 0..count as u64 {
        let f = report_file(seed);
        total += f.bytes.len() as u64;
        std::fs::write(dir.join(&f.name), &f.bytes)?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_and_parse_has_four_parts() {
        assert_eq!(report_file(7).bytes, report_file(7).bytes);
        assert_ne!(report_text(7), report_text(8));
        let mut with_all_parts = 0;
        for seed in 0..200 {
            let f = report_file(seed);
            let r = crate::ingest::parse_bytes(&f.name, &f.bytes).unwrap();
            let tops: Vec<_> = r.roots.iter().map(|&id| r.section(id)).collect();
            if tops.len() == 4 && tops.iter().all(|s| s.labels.iter().any(|l| l.is_part())) {
                with_all_parts += 1;
            }
        }
        // Generated reports all have four parts; the parser should find nearly all.
        assert!(with_all_parts >= 190, "{with_all_parts}/200");
    }
}
