//! The whole pipeline on any bytes: decode and parse them as one or two reports, open
//! them in the reader, draw frames at fuzzed sizes and press fuzzed keys, drawing after
//! each (see baogao::fuzzing::pipeline_case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baogao::fuzzing::pipeline_case(data));
