//! Any bytes: decoding and parsing never panic, and no control character survives.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = baogao::ingest::parse_bytes("fuzz.txt", data) {
        for s in r.sections.iter().flat_map(|s| [&s.title, &s.text]) {
            assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
});
