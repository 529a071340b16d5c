//! Any bytes as a Word document's XML parts: the DOCX path never panics or hangs, and no
//! control character survives (see baogao::fuzzing::docx_case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baogao::fuzzing::docx_case(data));
