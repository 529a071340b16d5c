use super::*;

#[test]
fn line_ends_alone_take_the_fast_path_and_agree_with_the_slow_one() {
    for s in [
        "a\r\nb",
        "一\r二\r\n\r\n三\r",
        "\r",
        "\r\n",
        "x\r\r\ny",
        "法治\r\n（一）\r\n",
    ] {
        let mut slow = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\r' {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                slow.push('\n');
            } else {
                slow.push(c);
            }
        }
        assert!(is_clean_but_cr(s) && !is_clean(s));
        assert_eq!(sanitize(s), (slow, 0), "{s:?}");
    }
    assert!(!is_clean_but_cr("a\r\n\u{1b}[31m"));
}

#[test]
fn the_byte_scan_flags_exactly_what_sanitize_may_touch() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let flagged = (c.is_control() && !matches!(c, '\n' | '\t'))
            || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2028}'..='\u{202e}')
            || matches!(c, '\u{2060}'..='\u{206f}' | '\u{feff}');
        for s in [format!("法{c}治"), format!("{c}"), format!("治理{c}")] {
            assert_eq!(!is_clean(&s), flagged, "{:04X} in {s:?}", c as u32);
            if !flagged {
                assert_eq!(sanitize(&s).0, s);
            }
        }
    }
}

#[test]
fn escape_sequences_are_removed_whole() {
    let (s, n) = sanitize("a\x1b]0;pwned\x07b\x1b[2Jc\x1b]52;c;SGVsbG8=\x1b\\d\x08e\x07f");
    assert_eq!(s, "abcdef");
    assert!(n > 0);
}

#[test]
fn line_endings_normalised() {
    assert_eq!(sanitize("a\r\nb\rc\n").0, "a\nb\nc\n");
}
