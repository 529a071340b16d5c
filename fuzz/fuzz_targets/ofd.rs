//! Any bytes as an OFD's page parts: the OFD path never panics or hangs, and no control
//! character survives (see baogao::fuzzing::ofd_case).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| baogao::fuzzing::ofd_case(data));
