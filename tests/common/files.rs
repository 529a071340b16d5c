//! Reports in the formats they are published in, generated from text: Word documents,
//! PDFs and OFD packages (and the line wrapping a typeset page does).

use std::collections::BTreeMap;
use std::io::Write;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// WordprocessingML's and its markup-compatibility namespaces.
pub const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

/// OFD's namespace.
pub const OFD_NS: &str = r#"xmlns:ofd="http://www.ofdspec.org/2016""#;

/// A .docx (zip) of the given parts.
pub fn docx(document_body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        write!(
            z,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{document_body}<w:sectPr/></w:body></w:document>"#
        )
        .unwrap();
        if let Some(n) = numbering {
            z.start_file("word/numbering.xml", opts).unwrap();
            write!(
                z,
                r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>{n}</w:numbering>"#
            )
            .unwrap();
        }
        if let Some(s) = styles {
            z.start_file("word/styles.xml", opts).unwrap();
            write!(
                z,
                r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>{s}</w:styles>"#
            )
            .unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// The numbering a Chinese report's template defines: 一、 / （一） / 1.
pub const NUMBERING: &str = r#"<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>"#;

pub const ZH: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

/// A line's leading marker as (level, number, marker length), for the three forms the
/// template numbers.
pub fn marker(line: &str) -> Option<(usize, usize, usize)> {
    for (n, zh) in ZH.iter().enumerate().rev() {
        let top = format!("{zh}、");
        if line.starts_with(&top) {
            return Some((0, n + 1, top.len()));
        }
        let second = format!("（{zh}）");
        if line.starts_with(&second) {
            return Some((1, n + 1, second.len()));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && line[digits..].starts_with('.') {
        let n: usize = line[..digits].parse().ok()?;
        return Some((2, n, digits + 1));
    }
    None
}

pub fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

/// The sample's lines as Word paragraphs: a marker that Word's numbering would show at
/// that point (counting as Word does: each level restarts under the one above) is taken
/// out of the text and given as numbering; any other line is kept as typed.
pub fn as_word_body(text: &str) -> (String, usize) {
    let mut body = String::new();
    let mut counts = [0usize; 3];
    let mut numbered = 0;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            body.push_str("<w:p/>");
            continue;
        }
        if let Some((lvl, n, len)) = marker(t)
            && n == counts[lvl] + 1
            && (lvl == 0 || counts[lvl - 1] > 0)
        {
            counts[lvl] = n;
            for c in counts.iter_mut().skip(lvl + 1) {
                *c = 0;
            }
            numbered += 1;
            let rest = t[len..].trim_start();
            body.push_str(&format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="3"/></w:numPr></w:pPr>{}</w:p>"#,
                run(rest)
            ));
            continue;
        }
        body.push_str(&format!("<w:p>{}</w:p>", run(t)));
    }
    (body, numbered)
}

#[derive(Clone, Copy)]
pub enum Font {
    /// Type0, /Encoding /GBK-EUC-H, no ToUnicode: the strings are GBK bytes.
    GbkEuc,
    /// Type0, /Encoding /Identity-H, ToUnicode: the strings are glyph codes.
    IdentityToUnicode,
    /// Identity-H and no ToUnicode: nothing maps back to characters.
    IdentityBare,
}

/// Lines wrapped at `width` columns (a Chinese character two, a digit or Latin letter
/// one), as a typeset page breaks them at its text width.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        // A blank line is a line's space left empty on the page.
        if line.is_empty() {
            out.push(String::new());
            continue;
        }
        let mut cur = String::new();
        let mut w = 0;
        for c in line.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w + cw > width {
                out.push(std::mem::take(&mut cur));
                w = 0;
            }
            cur.push(c);
            w += cw;
        }
        out.push(cur);
    }
    out
}

/// A PDF of `lines`, 36 lines a page, "- N -" at each page's foot.
pub fn pdf(lines: &[String], font: Font) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    // Glyph codes for the Identity-H fonts: one per distinct character.
    let mut codes: BTreeMap<char, u16> = BTreeMap::new();
    for c in lines
        .iter()
        .flat_map(|l| l.chars())
        .chain("- 0123456789".chars())
    {
        let next = codes.len() as u16 + 1;
        codes.entry(c).or_insert(next);
    }
    let glyphs = |s: &str| -> Vec<u8> { s.chars().flat_map(|c| codes[&c].to_be_bytes()).collect() };
    // A string in runs of one font each: on GBK-EUC-H the characters GBK has (F1), the
    // others (a no-break space, a rare character) in an embedded subset (F2), as an
    // office program falls back to another font.
    let runs = |s: &str| -> Vec<(&'static str, Vec<u8>)> {
        match font {
            Font::GbkEuc => {
                let mut out: Vec<(&'static str, String)> = Vec::new();
                for c in s.chars() {
                    let mut b = [0; 4];
                    let f = if encoding_rs::GBK.encode(c.encode_utf8(&mut b)).2 {
                        "F2"
                    } else {
                        "F1"
                    };
                    match out.last_mut() {
                        Some((g, run)) if *g == f => run.push(c),
                        _ => out.push((f, c.to_string())),
                    }
                }
                out.into_iter()
                    .map(|(f, run)| match f {
                        "F1" => (f, encoding_rs::GBK.encode(&run).0.into_owned()),
                        _ => (f, glyphs(&run)),
                    })
                    .collect()
            }
            _ => vec![("F1", glyphs(s))],
        }
    };
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => "STSong-Light",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("GB1"),
            "Supplement" => 4,
        },
    });
    let gbk_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "STSong-Light-GBK-EUC-H",
        "Encoding" => "GBK-EUC-H",
        "DescendantFonts" => vec![descendant.into()],
    });
    let mut font_dict = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+SimSun",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
    };
    if !matches!(font, Font::IdentityBare) {
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        let entries: Vec<(&char, &u16)> = codes.iter().collect();
        for block in entries.chunks(100) {
            cmap.push_str(&format!("{} beginbfchar\n", block.len()));
            for (c, code) in block {
                let utf16: String = c
                    .encode_utf16(&mut [0; 2])
                    .iter()
                    .map(|u| format!("{u:04X}"))
                    .collect();
                cmap.push_str(&format!("<{code:04X}> <{utf16}>\n"));
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        let mut stream = Stream::new(dictionary! {}, cmap.into_bytes());
        stream.compress().unwrap();
        font_dict.set("ToUnicode", doc.add_object(stream));
    }
    let subset = doc.add_object(font_dict);
    let resources = doc.add_object(match font {
        Font::GbkEuc => dictionary! { "Font" => dictionary! { "F1" => gbk_font, "F2" => subset } },
        _ => dictionary! { "Font" => dictionary! { "F1" => subset } },
    });
    let mut kids = Vec::new();
    for (n, page) in lines.chunks(36).enumerate() {
        let show = |ops: &mut Vec<Operation>, t: &str, size: i64| {
            for (f, bytes) in runs(t) {
                ops.push(Operation::new("Tf", vec![f.into(), size.into()]));
                ops.push(Operation::new(
                    "Tj",
                    vec![Object::String(bytes, StringFormat::Hexadecimal)],
                ));
            }
        };
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("TL", vec![21.into()]),
            Operation::new("Td", vec![72.into(), 780.into()]),
        ];
        for l in page {
            show(&mut ops, l, 15);
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        // The page number, centred at the foot, in its own text object.
        ops.extend([
            Operation::new("BT", vec![]),
            Operation::new(
                "Tm",
                vec![
                    1.into(),
                    0.into(),
                    0.into(),
                    1.into(),
                    280.into(),
                    40.into(),
                ],
            ),
        ]);
        show(&mut ops, &format!("- {} -", n + 1), 12);
        ops.push(Operation::new("ET", vec![]));
        let mut content = Stream::new(
            dictionary! {},
            Content { operations: ops }.encode().unwrap(),
        );
        content.compress().unwrap();
        let content_id = doc.add_object(content);
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            })
            .into(),
        );
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// An OFD package of `lines`, 36 lines a page: each line a text object 7 mm below the
/// last, the page number drawn first at the foot, the lines in reverse order.
pub fn ofd(lines: &[String]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("OFD.xml", opts).unwrap();
        write!(z, r#"<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {OFD_NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#).unwrap();
        let pages: Vec<&[String]> = lines.chunks(36).collect();
        let mut list = String::new();
        for (n, page) in pages.iter().enumerate() {
            list.push_str(&format!(
                r#"<ofd:Page ID="{}" BaseLoc="Pages/Page_{n}/Content.xml"/>"#,
                n + 10
            ));
            let mut objects = vec![format!(
                r#"<ofd:TextObject ID="1" Boundary="95 280 20 6" Font="2" Size="4.2"><ofd:TextCode X="0" Y="4.2">- {} -</ofd:TextCode></ofd:TextObject>"#,
                n + 1
            )];
            let mut body = Vec::new();
            for (i, l) in page.iter().enumerate() {
                if l.is_empty() {
                    continue;
                }
                let y = 25.0 + 7.0 * i as f32;
                body.push(format!(
                    r#"<ofd:TextObject ID="{}" Boundary="25 {y} 160 7" Font="3" Size="5.6"><ofd:TextCode X="0" Y="5.6" DeltaX="g {} 5.6">{}</ofd:TextCode></ofd:TextObject>"#,
                    i + 2,
                    l.chars().count().saturating_sub(1),
                    esc(l)
                ));
            }
            body.reverse();
            objects.extend(body);
            z.start_file(format!("Doc_0/Pages/Page_{n}/Content.xml"), opts)
                .unwrap();
            write!(z, r#"<?xml version="1.0" encoding="UTF-8"?><ofd:Page {OFD_NS}><ofd:Content><ofd:Layer ID="0">{}</ofd:Layer></ofd:Content></ofd:Page>"#, objects.concat()).unwrap();
        }
        z.start_file("Doc_0/Document.xml", opts).unwrap();
        write!(z, r#"<?xml version="1.0" encoding="UTF-8"?><ofd:Document {OFD_NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{list}</ofd:Pages></ofd:Document>"#).unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// A Word 97–2003 .doc of `text`: a compound file with a WordDocument stream (a FIB, then
/// the characters) and a 1Table stream holding the piece table. A paragraph of ASCII
/// only is stored as a compressed 8-bit piece, every other one as a 16-bit piece, as
/// Word writes them. Line ends become paragraph marks.
pub fn doc(text: &str) -> Vec<u8> {
    const TEXT_AT: usize = 1024;
    let mut word = vec![0u8; TEXT_AT];
    let mut cps: Vec<u32> = vec![0];
    let mut pcds: Vec<u8> = Vec::new();
    let mut cp = 0u32;
    for para in text.split_inclusive('\n') {
        let para = para.replace('\n', "\r");
        let n = para.encode_utf16().count() as u32;
        let fc = word.len() as u32;
        let fc_field = if para.is_ascii() {
            word.extend(para.bytes());
            (fc * 2) | 0x4000_0000
        } else {
            word.extend(para.encode_utf16().flat_map(u16::to_le_bytes));
            fc
        };
        pcds.extend([0, 0]);
        pcds.extend(fc_field.to_le_bytes());
        pcds.extend([0, 0]);
        cp += n;
        cps.push(cp);
    }
    // FibBase: wIdent, nFib, and fWhichTblStm (the 1Table stream).
    word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    word[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
    word[0x0A..0x0C].copy_from_slice(&0x0200u16.to_le_bytes());
    // csw = 14 words, cslw = 22 longs (ccpText the fourth), cbRgFcLcb = 93 pairs.
    word[32..34].copy_from_slice(&14u16.to_le_bytes());
    word[62..64].copy_from_slice(&22u16.to_le_bytes());
    word[76..80].copy_from_slice(&cp.to_le_bytes());
    word[152..154].copy_from_slice(&93u16.to_le_bytes());
    let mut plc: Vec<u8> = cps.iter().flat_map(|c| c.to_le_bytes()).collect();
    plc.extend(&pcds);
    let mut clx = vec![2u8];
    clx.extend((plc.len() as u32).to_le_bytes());
    clx.extend(plc);
    // fcClx / lcbClx: the 34th pair of FibRgFcLcb97.
    word[154 + 66 * 4..154 + 67 * 4].copy_from_slice(&0u32.to_le_bytes());
    word[154 + 67 * 4..154 + 68 * 4].copy_from_slice(&(clx.len() as u32).to_le_bytes());
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    cf.create_stream("WordDocument")
        .unwrap()
        .write_all(&word)
        .unwrap();
    cf.create_stream("1Table").unwrap().write_all(&clx).unwrap();
    cf.flush().unwrap();
    cf.into_inner().into_inner()
}

/// A government site's page around a report's lines: navigation, breadcrumbs, the
/// info-disclosure catalogue, share bar, related links, footer, scripts; the CMS's meta
/// tags; the text as paragraphs (blank lines dropped, as a CMS does) inside the content
/// block; encoded as GBK with a meta charset.
pub fn gov_page(title: &str, date: &str, text: &str) -> Vec<u8> {
    let mut p = String::new();
    p.push_str("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html><head>\n");
    p.push_str("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">\n");
    p.push_str(&format!(
        "<title>{}_某某市人民政府门户网站</title>\n",
        esc(title)
    ));
    p.push_str(&format!(
        "<meta name=\"ArticleTitle\" content=\"{}\">\n",
        esc(title).replace('"', "&quot;")
    ));
    p.push_str(&format!(
        "<meta name=\"PubDate\" content=\"{date} 10:15\">\n"
    ));
    p.push_str("<style>.nav{color:red} /* 一、不是标题 */</style>\n");
    p.push_str("<script>var t = '（一）不是标题';</script></head>\n<body>\n");
    p.push_str("<div class=\"top\"><a href=\"/\">首页</a> | <a href=\"/zwgk\">政务公开</a> | <a href=\"/hd\">互动交流</a> | <a href=\"/fw\">办事服务</a> | <a href=\"/en\">English</a></div>\n");
    p.push_str("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a> &gt; <a>法治政府建设</a></div>\n");
    p.push_str("<table class=\"xxgk\"><tr><td>索引号：</td><td>11371300MB28XXXX/2025-00012</td><td>主题分类：</td><td>综合政务</td></tr>");
    p.push_str(
        "<tr><td>有效性：</td><td>有效</td><td>公开方式：</td><td>主动公开</td></tr></table>\n",
    );
    p.push_str("<div class=\"article\"><div class=\"TRS_Editor\">\n");
    for line in text.lines() {
        let t = line.trim_end();
        if t.trim().is_empty() {
            continue;
        }
        p.push_str(&format!("<p>{}</p>\n", esc(t)));
    }
    p.push_str("</div></div>\n");
    p.push_str("<div class=\"share\">分享到：<a>微信</a> <a>微博</a> 【<a>打印本页</a>】 【<a>关闭窗口</a>】</div>\n");
    p.push_str("<div class=\"related\"><h3>相关链接</h3><ul><li><a href=\"/a\">某某区2024年法治政府建设情况报告</a></li><li><a href=\"/b\">某某县2024年度法治政府建设工作报告</a></li><li><a href=\"/c\">关于开展法治政府建设示范创建的通知</a></li></ul></div>\n");
    p.push_str("<div class=\"foot\"><a>网站地图</a> | <a>联系我们</a><br>主办单位：某某市人民政府办公室 版权所有<br>网站标识码：3713000001 鲁ICP备05000000号</div>\n");
    p.push_str("</body></html>\n");
    let (bytes, _, _) = encoding_rs::GBK.encode(&p);
    bytes.into_owned()
}

/// `bytes` quoted-printable, lines folded at 76 with soft breaks, as a browser saves them.
pub fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut col = 0;
    for &b in bytes {
        let piece = if b == b'\n' {
            out.push_str("\r\n");
            col = 0;
            continue;
        } else if (33..=126).contains(&b) && b != b'=' {
            (b as char).to_string()
        } else {
            format!("={b:02X}")
        };
        if col + piece.len() > 75 {
            out.push_str("=\r\n");
            col = 0;
        }
        col += piece.len();
        out.push_str(&piece);
    }
    out
}

/// A page saved by a browser as one file: the page quoted-printable (or base64) with its
/// charset, then a picture, as multipart/related.
pub fn mhtml(page: &[u8], base64: bool) -> Vec<u8> {
    use base64::Engine;
    let b = "----MultipartBoundary--7Hc2xYkQ";
    let (enc, body) = if base64 {
        let s = base64::engine::general_purpose::STANDARD.encode(page);
        let lines: Vec<&str> = s
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        ("base64", lines.join("\r\n"))
    } else {
        ("quoted-printable", quoted_printable(page))
    };
    format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/art/2025/3/1/art_1.html\r\nSubject: =?utf-8?Q?report?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{b}\"\r\n\r\n\r\n--{b}\r\nContent-Type: text/html; charset=\"gbk\"\r\nContent-Transfer-Encoding: {enc}\r\nContent-Location: http://www.example.gov.cn/art/2025/3/1/art_1.html\r\n\r\n{body}\r\n\r\n--{b}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://www.example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n\r\n--{b}--\r\n"
    )
    .into_bytes()
}
