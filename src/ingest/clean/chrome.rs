//! Page chrome: banners, widgets, breadcrumbs, publication lines, sharing-site
//! boilerplate, page counters, site names around a title.

use super::*;

/// A page of a sharing site's copy that starts with its page number ("2、…"), the next one
/// expected: the counter and the page's text.
pub(super) fn page_counter_prefix(line: &str, page: u32) -> Option<(&str, &str)> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = line[digits..].strip_prefix('、')?;
    (digits > 0 && digits <= 3 && line[..digits].parse() == Ok(page) && rest.len() > 400)
        .then(|| (&line[..digits + '、'.len_utf8()], rest))
}

/// "Page 2 - TITLE", "Page 2", "P. 2", "第 2 页": a page viewer's counter line, with the
/// title it carries.
pub(super) fn page_counter(s: &str) -> Option<Option<&str>> {
    let digits = |r: &str| r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for lead in ["Page ", "PAGE ", "P. ", "P."] {
        if let Some(r) = s.strip_prefix(lead) {
            let n = digits(r);
            if n == 0 || n > 4 {
                return None;
            }
            let rest = r[n..].trim();
            if rest.is_empty() {
                return Some(None);
            }
            let title = rest.strip_prefix(['-', '–', '—', '|'])?.trim();
            return (char_len(title) >= 6).then_some(Some(title));
        }
    }
    let r = s.strip_prefix('第')?.trim_start();
    let n = digits(r);
    (n > 0 && n <= 4 && r[n..].trim() == "页").then_some(None)
}

/// A site banner with today's date: "某某区人民政府 2019年12月3日星期二", "今天是：2019年10月31日
/// 星期三 农历十月初七", "今天是:".
pub(super) fn is_banner(s: &str) -> bool {
    // One pass for the characters every banner has before any word search.
    if s.len() > 160 || !(holds!(s, "今") || holds!(s, "历") || holds!(s, "星")) {
        return false;
    }
    if s.starts_with("今天是") || s.contains("农历") {
        return true;
    }
    if !s.contains("星期") {
        return false;
    }
    let weekday = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
        "星期天",
    ];
    weekday.iter().any(|w| s.contains(w)) && crate::ingest::meta::find_date(s).is_some()
}

/// A line made only of page furniture words: share bars, font-size and language
/// switches, app banners ("微博 空间 qq", "字体:[ ] [ ] [ ]", "设为首页", "支持IPv6").
pub(super) fn is_widget_line(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "设为首页",
        "加入收藏",
        "收藏本站",
        "微博",
        "微信",
        "空间",
        "qq",
        "QQ",
        "头条",
        "朋友圈",
        "分享",
        "打印",
        "关闭",
        "收藏",
        "纠错",
        "返回顶部",
        "返回",
        "支持IPv6",
        "IPv6",
        "无障碍",
        "长者模式",
        "简体",
        "繁体",
        "繁體",
        "字体",
        "字号",
        "字體",
        "大",
        "中",
        "小",
        "默认",
        "[",
        "]",
        "【",
        "】",
        "|",
        "｜",
        ":",
        "：",
        "(",
        ")",
        "/",
        "首页",
        "政府信息公开",
        "点击关闭详细目录信息",
        "扫一扫",
        "手机版",
        "移动端",
        "English",
        "EN",
        "正在阅读",
        "分享到",
        "长者版",
        "无障碍阅读",
        "适老化",
        "关怀版",
        "读屏专用",
    ];
    // Most lines fail on their first character: check it against the words' first ones.
    const FIRSTS: &str =
        "设加收微空qQ头朋分打关纠返支I无长简繁字大中小默[]【】|｜:：(/首政点扫手移E正读适";
    static SORTED: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let firsts = SORTED.get_or_init(|| {
        let mut v: Vec<char> = FIRSTS.chars().collect();
        v.sort_unstable();
        v
    });
    let first_ok = |c: char| firsts.binary_search(&c).is_ok();
    if s.len() > 90 || !s.trim_start().chars().next().is_some_and(first_ok) {
        return false;
    }
    let mut rest = s.trim();
    let mut words = 0;
    while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '·');
        if rest.is_empty() {
            break;
        }
        let Some(w) = WORDS
            .iter()
            .filter(|w| rest.starts_with(*w))
            .max_by_key(|w| w.len())
        else {
            return false;
        };
        rest = &rest[w.len()..];
        words += 1;
    }
    words >= 1
}

/// A breadcrumb: "首页 > 政务公开 > …", "> 政务公开 | > 部门 |", "首页→ 网站公告",
/// "当前位置：…".
pub(super) fn is_breadcrumb(s: &str) -> bool {
    if s.len() > 200 {
        return false;
    }
    // No arrow of any kind (most lines), by one byte scan: > › » → ＞ 》.
    let arrow = crate::ingest::text::any_triple(s.as_bytes(), |x, y, z| {
        (x == b'>')
            | ((x == 0xC2) & (y == 0xBB))
            | ((x == 0xE2) & (((y == 0x80) & (z == 0xBA)) | ((y == 0x86) & (z == 0x92))))
            | ((x == 0xEF) & (y == 0xBC) & (z == 0x9E))
            | ((x == 0xE3) & (y == 0x80) & (z == 0x8B))
    });
    if !arrow {
        return false;
    }
    let arrows = s.matches(['>', '›', '»', '→', '＞', '》']).count();
    (s.starts_with(['>', '›', '»', '→', '＞']) && !s.contains('。'))
        || (s.starts_with("首页") && arrows >= 1)
        || (arrows >= 2 && !s.contains('。') && !s.contains('《'))
}

/// A sharing site's own sentence about the document, above it ("下面是小编为大家整理的…，
/// 供大家参考。").
pub(super) fn is_sharing_sentence(s: &str) -> bool {
    s.len() <= 600
        && (holds!(s, "大家") || holds!(s, "分享") || holds!(s, "在线"))
        && ["小编为大家", "供大家参考", "由会员分享", "可在线阅读"]
            .iter()
            .any(|w| s.contains(w))
}

/// A news wire's dateline lead: "中新网3月29日电 据…消息，…" (the agency's "电" after a
/// month and day within the first characters).
pub(crate) fn is_wire_lead(s: &str) -> bool {
    let end = s.char_indices().nth(16).map_or(s.len(), |(i, _)| i);
    let head = &s[..end];
    let Some(d) = head.find("日电") else {
        return false;
    };
    head[..d].contains('月') && (s.contains("消息") || s.contains("发布"))
}

/// The document an encyclopedia's lead sentence names: "《T》是2019年…发布的通知。" → T.
pub(super) fn encyclopedia_lead(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('《')?;
    let close = inner.find('》')?;
    let rest = &inner[close + '》'.len_utf8()..];
    (s.len() <= 400 && rest.starts_with('是') && rest.ends_with('。') && holds!(rest, "发布"))
        .then(|| &inner[..close])
}

/// Web page chrome: breadcrumbs, publication info, share/print/font widgets.
pub(super) fn is_chrome(s: &str) -> bool {
    const ANYWHERE: &[&str] = &[
        "当前位置",
        "所在的位置",
        "现在的位置",
        "当前的位置",
        "您的位置",
        "您所在位置",
        "首页>",
        "首页》",
        "浏览次数",
        "阅读次数",
        "访问次数",
        "点击数：",
        "点击数:",
        "点击率",
        "【关闭】",
        "[关闭]",
        "关闭窗口",
        "打印本页",
        "【打印】",
        "[打印]",
        "字体：大中小",
        "字体:大中小",
        "字号：大中小",
        "【大中小】",
        "分享到",
        "扫一扫在手机",
        "扫一扫在手机打开",
        "无障碍",
        "简体|繁体",
        "简体｜繁体",
        "繁體",
        "视力保护色",
        "加大字体",
        "缩小字体",
        "取消收藏",
        "【收藏】",
        "加入收藏",
        "上一篇",
        "下一篇",
        "版权所有",
        "ICP备",
        "公网安备",
        "网站标识码",
        "主办单位：",
        "承办单位：",
        "技术支持：",
        "网站地图",
        "联系我们",
        "相关链接",
        "分辨率",
        "请输入关键词",
        "长者模式",
        "Produced By",
        "Produced by",
        "Powered by",
        "Powered By",
        "Home >",
        "Home>",
        "Back to Top",
        "Font size",
        "Share to",
        "Copyright",
        "All Rights Reserved",
        // Document-sharing and news-app boilerplate.
        "小编为大家",
        "供大家参考",
        "可在线阅读",
        "由会员分享",
        "免费下载",
        "相关词条",
        "相關詞條",
        "热门词条",
        "熱門詞條",
        "联络我们",
        "扫一扫下载",
        "下载APP",
        "APP下载",
        "打开APP",
    ];
    const LEADING: &[&str] = &[
        "发布时间",
        "发布日期",
        "发文日期",
        "编辑日期",
        "更新时间",
        "更新日期",
        "成文日期",
        "信息来源",
        "来源",
        "作者",
        "编辑",
        "责任编辑",
        "【编辑日期",
        "【发布时间",
        "【字体",
        "分享：",
    ];
    // A table's empty border cells from a page copy ("| ||||||||…") around its furniture.
    let s = if s.starts_with('|') || s.ends_with('|') {
        let s = s.trim_matches(|c: char| c == '|' || c == ' ');
        if s.is_empty() {
            return true;
        }
        s
    } else {
        s
    };
    // Chrome is short and is not a sentence (a sharing site's sentence about the document
    // is `is_sharing_sentence`).
    if s.len() > 240 || (s.ends_with('。') && s.len() > 90) {
        return false;
    }
    // A news wire's lead above the document it reprints ("中新网3月29日电 据司法部网站
    // 消息，…发布…报告。具体报告如下："), and a reprint's source ("转自：司法部").
    if (finder!("日电")
        .find(&s.as_bytes()[..s.len().min(48)])
        .is_some()
        && is_wire_lead(s))
        || ["转自:", "转自：", "转载自"]
            .iter()
            .any(|w| s.starts_with(w))
    {
        return true;
    }
    // An image's file name left where the picture stood ("图片1.png").
    if s.len() <= 80
        && s.as_bytes().last().is_some_and(|b| b"gGfF".contains(b))
        && !s.contains(' ')
        && [
            ".png", ".jpg", ".jpeg", ".gif", ".PNG", ".JPG", ".JPEG", ".GIF",
        ]
        .iter()
        .any(|e| s.ends_with(e))
    {
        return true;
    }
    // A link under a label ("一图读懂：https://…").
    // (The label is short: the address starts within the line's first bytes.)
    if let Some(at) = finder!("http").find(&s.as_bytes()[..s.len().min(48)])
        && char_len(&s[..at]) <= 12
        && s[..at].trim_end().ends_with([':', '：'])
        && is_url(&s[at..])
    {
        return true;
    }
    let any = dfa!(ANYWHERE);
    if any.is_match(s) || is_widget_line(s) || is_breadcrumb(s) || is_meta_pairs(s) {
        return true;
    }
    // An encyclopedia's own headings and info box around the document ("基本介绍",
    // "• 中文名：…", "• 发布单位：…").
    let bare = s.trim_start_matches(['•', '·', '●', ' ', '\u{3000}']);
    if matches!(bare, "基本介绍" | "基本信息" | "词条简介" | "内容简介")
        || ["中文名：", "中文名:", "外文名：", "外文名:"]
            .iter()
            .any(|w| bare.starts_with(w))
    {
        return true;
    }
    // A bare address, or a navigation bar: 首页 | 走进… | 政务公开 | …
    if is_url(s) {
        return true;
    }
    if s.starts_with("首页") && s.matches(['|', '｜']).count() >= 2 {
        return true;
    }
    // Short ASCII-only lines of page furniture: "EN", "Print | Close", "中文 | English".
    if s.is_ascii() && s.len() <= 40 {
        let words = [
            "EN", "English", "Print", "Close", "Search", "Menu", "Login", "Share",
        ];
        if s.split(['|', '/', ' '])
            .filter(|w| !w.is_empty())
            .all(|w| words.contains(&w))
        {
            return true;
        }
    }
    // A bilingual site banner: "深圳市南山区人民政府 Shenzhen Nanshan District …".
    if let Some(i) = s.bytes().position(|b| b.is_ascii_alphabetic())
        && s[i..].chars().all(|c| c.is_ascii() && !c.is_ascii_digit())
        && crate::ingest::meta::is_agency_name(s[..i].trim_end())
    {
        return true;
    }
    // A 红头 line: "XX市科学技术局文件".
    if s.ends_with("文件")
        && char_len(s) <= 24
        && crate::ingest::meta::is_agency_name(s.trim_end_matches("文件"))
    {
        return true;
    }
    LEADING.iter().any(|p| {
        s.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(['：', ':', '】']) || p.ends_with('：'))
    })
}

/// Publication info as label–value pairs: "文章来源：司法局 更新时间：2021/03/29 11:30:01",
/// "时间:2023-05-07 17:15:05 公文范文 来源:网友投稿", "• 日期: 2024- 01- 25 15: 27".
pub(super) fn is_meta_pairs(s: &str) -> bool {
    const LABELS: &[&str] = &[
        "来源",
        "发布时间",
        "发布日期",
        "更新时间",
        "更新日期",
        "时间",
        "日期",
        "作者",
        "编辑",
        "浏览",
        "浏览量",
        "浏览次数",
        "点击",
        "访问量",
        "阅读",
        "发布者",
        "发布人",
        "责任编辑",
        "供稿",
        "撰稿",
        "审核",
        "发布",
        "字号",
        "字体",
        "發布時間",
        "來源",
        "时间 ",
        "分享",
    ];
    let t = s.trim_start_matches(['•', '·', '●', '【', '[', ' ']);
    // A source set off by a dot or a bar instead of a colon ("文章来源 · 市政府办公厅
    // clock 157天前"): a short line that is not a sentence.
    if s.len() <= 200 && !t.contains(['。', '，']) {
        let rest = ["文章来源", "信息来源", "新闻来源", "稿件来源"]
            .iter()
            .find_map(|l| t.strip_prefix(l));
        if rest.is_some_and(|r| r.trim_start().starts_with(['·', '|', '丨', '｜'])) {
            return true;
        }
    }
    // Every pair has a colon, and a clock time has one too.
    if s.len() > 200 || !has_colon(s) {
        return false;
    }
    let label_at = |r: &str| {
        LABELS.iter().any(|l| {
            r.strip_prefix(l)
                .is_some_and(|x| x.trim_start().starts_with([':', '：']))
        })
    };
    // A line that starts with a label and a colon ("时间：…", "文章来源：…").
    let lead = label_at(t)
        || ["文章", "信息", "新闻", "稿件"]
            .iter()
            .any(|p| t.strip_prefix(p).is_some_and(label_at));
    if lead && !t.contains('。') {
        return true;
    }
    // Two labels with colons anywhere ("…网站 发布时间:2025-12-31 16:33", "2026-01-20 17:01 | 武汉市水务局").
    let pairs = LABELS
        .iter()
        .filter(|l| {
            s.match_indices(*l)
                .any(|(i, _)| s[i + l.len()..].trim_start().starts_with([':', '：']))
        })
        .count();
    let dated =
        || crate::ingest::meta::find_date(s).is_some() && !s.contains('。') && char_len(s) <= 60;
    pairs >= 2 || (pairs == 1 && dated()) || (has_clock_time(s) && dated())
}

/// "11:30", "15: 27": a time of day, which a report's text rarely has next to a date.
pub(super) fn has_clock_time(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len()).any(|i| {
        matches!(b[i], b':')
            && b[i - 1].is_ascii_digit()
            && b[i + 1..]
                .iter()
                .find(|c| **c != b' ')
                .is_some_and(|c| c.is_ascii_digit())
    })
}

pub(super) fn is_url(s: &str) -> bool {
    let starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    (starts("http://") || starts("https://") || starts("www.")) && !s.contains(' ')
}

/// A web page title ends with the site's name: "…年度报告_某某区人民政府门户网站".
/// Returns the document part and the site suffix.
pub(super) fn split_site_suffix(s: &str) -> Option<(&str, &str)> {
    // No separator (most lines), by one byte scan: _ | - ｜ －.
    let sep = crate::ingest::text::any_triple(s.as_bytes(), |x, y, z| {
        (x == b'_')
            | (x == b'|')
            | (x == b'-')
            | ((x == 0xEF) & (((y == 0xBD) & (z == 0x9C)) | ((y == 0xBC) & (z == 0x8D))))
    });
    if !sep {
        return None;
    }
    let i = s.rfind(['_', '|', '｜', '－', '-'])?;
    let sep_len = s[i..].chars().next()?.len_utf8();
    let (left, right) = (s[..i].trim_end(), s[i + sep_len..].trim_start());
    let site = ["网站", "门户网", "政府网", "人民政府网", "信息网", "官网"];
    // The site is named by its kind, or (after a report title) by the agency itself:
    // "…年度报告 - 国家知识产权局".
    let named_site = site.iter().any(|w| right.ends_with(w))
        || (left.ends_with("报告") && crate::ingest::meta::is_agency_name(right));
    (!left.is_empty() && char_len(right) <= 24 && named_site).then_some((left, right))
}

/// A page title led by the site's agency: "长沙市司法局_关于长沙市2020年…的报告".
/// Returns the document part and the site part.
pub(super) fn split_site_prefix(s: &str) -> Option<(&str, &str)> {
    // A report's title ends the line (most lines end otherwise: one comparison).
    if !s.ends_with("报告") {
        return None;
    }
    let i = s.find(['_', '|', '｜'])?;
    let sep_len = s[i..].chars().next()?.len_utf8();
    let (left, right) = (s[..i].trim_end(), s[i + sep_len..].trim_start());
    (char_len(left) <= 24
        && crate::ingest::meta::is_agency_name(left)
        && right.ends_with("报告")
        && char_len(right) >= 8
        && !right.contains(['_', '|', '｜']))
    .then_some((right, left))
}

pub(super) fn chrome_source(s: &str) -> Option<String> {
    for key in ["信息来源", "来源"] {
        if let Some(pos) = s.find(key) {
            let rest = &s[pos + key.len()..];
            let rest = rest.trim_start_matches(['：', ':', ' ']);
            let value: String = rest
                .chars()
                .take_while(|&c| !is_space(c) && !matches!(c, '【' | '】' | '|' | '｜' | '[' | ']'))
                .collect();
            if !value.is_empty() {
                return Some(value);
            }
        }
    }
    None
}
