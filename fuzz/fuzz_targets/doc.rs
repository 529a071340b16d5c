//! Any bytes as a Word 97–2003 document's streams: the DOC path never panics or hangs,
//! and no control character survives (see baogao::fuzzing::doc_case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baogao::fuzzing::doc_case(data));
