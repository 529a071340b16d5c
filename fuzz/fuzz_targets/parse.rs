//! Any bytes: decoding and parsing never panic, and no control character survives
//! (see baogao::fuzzing::parse_case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baogao::fuzzing::parse_case(data));
