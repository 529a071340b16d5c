//! Any bytes after a PDF header: the PDF path never panics or hangs, and no control
//! character survives (see baogao::fuzzing::pdf_case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baogao::fuzzing::pdf_case(data));
