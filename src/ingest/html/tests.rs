use super::*;

#[test]
fn pages_are_told_from_text_by_their_markup() {
    assert!(is_html(b"<!DOCTYPE html><html><body>x</body></html>"));
    assert!(is_html(b"\xEF\xBB\xBF  \n<HTML><BODY>x"));
    assert!(is_html(b"<!-- saved --><meta charset=gbk><html>"));
    assert!(!is_html("一、加强组织领导 <b>".as_bytes()));
    assert!(!is_html(b"<p>a fragment</p>"));
    assert!(!is_html(b""));
}

#[test]
fn the_declared_charset_decides_and_a_gbk_page_reads() {
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
         </head><body><div><p>一、加强组织领导，健全工作机制，压实各方责任。</p></div></body></html>",
    );
    assert_eq!(declared_encoding(&gbk), Some(encoding_rs::GBK));
    let d = extract(&gbk).unwrap();
    assert_eq!(d.encoding, "GBK");
    assert!(d.text.contains("一、加强组织领导"), "{}", d.text);
}

#[test]
fn navigation_is_left_out_and_blocks_become_lines() {
    let page = "<html><head><title>某某县司法局2024年法治政府建设情况报告_某某县人民政府</title>\
        <meta name=\"PubDate\" content=\"2025-01-20 09:30\"></head><body>\
        <div class=nav><a href=/>首页</a><a href=/a>政务公开</a><a href=/b>政策文件</a><a>通知公告</a></div>\
        <div class=content><p>2024年，县司法局坚持依法行政，全面推进法治政府建设，现将情况报告如下：</p>\
        <p>一、主要举措和成效</p><p>（一）加强组织领导。局党组研究法治工作四次，制定年度计划，明确责任分工。</p>\
        <p>第一行<br>第二行，继续说明工作情况。</p>\
        <table><tr><td>项目</td><td>数量</td></tr></table></div>\
        <div class=foot><a>网站地图</a> <a>联系我们</a></div><script>var x='一、假';</script></body></html>";
    let d = extract(page.as_bytes()).unwrap();
    let lines: Vec<&str> = d.text.lines().collect();
    assert_eq!(
        lines[0],
        "某某县司法局2024年法治政府建设情况报告_某某县人民政府"
    );
    assert_eq!(lines[1], "发布时间：2025-01-20 09:30");
    assert!(lines.contains(&"一、主要举措和成效"), "{lines:?}");
    assert!(lines.contains(&"第一行") && lines.contains(&"第二行，继续说明工作情况。"));
    assert!(lines.contains(&"项目 | 数量"), "{lines:?}");
    assert!(!d.text.contains("政务公开") && !d.text.contains("网站地图"));
    assert!(!d.text.contains("假"));
}

#[test]
fn deep_nesting_and_broken_markup_neither_panic_nor_hang() {
    // Deep but within the bound: read (walked without recursion).
    let deep = format!(
        "<html><body>{}一、加强领导，健全机制。{}</body></html>",
        "<div>".repeat(1500),
        "</div>".repeat(10)
    );
    let d = extract(deep.as_bytes()).unwrap();
    assert!(d.text.contains("一、加强领导"));
    // Deeper: refused at once with its reason, before the tree builder sees it.
    let deeper = deep.replace("<div>", "<div><span>");
    assert!(matches!(extract(deeper.as_bytes()), Err(Skip::Binary(why)) if why.contains("deep")));
    // Thousands of self-closing paragraphs and line breaks are not depth.
    let flat = format!("<html><body>{}</body></html>", "<p>一行<br>".repeat(10_000));
    assert!(extract(flat.as_bytes()).is_ok());
    for bad in [
        &b"<html><body><p>\xFF\xFE\x00 <<<>>></p"[..],
        b"<html><table><tr><td><table><td>a</table>",
        b"<html><body></body></html>",
    ] {
        let _ = extract(bad);
    }
}
