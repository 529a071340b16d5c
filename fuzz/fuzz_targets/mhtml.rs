//! Any bytes after a saved page's MIME headers: the MHTML path never panics or hangs,
//! and no control character survives (see baogao::fuzzing::mhtml_case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baogao::fuzzing::mhtml_case(data));
