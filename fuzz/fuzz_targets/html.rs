//! Any bytes as the rest of a web page: the HTML path never panics or hangs, and no
//! control character survives (see baogao::fuzzing::html_case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baogao::fuzzing::html_case(data));
