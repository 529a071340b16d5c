//! The five sample reports compiled into the binary.

/// (file name, bytes) of each embedded sample, in file-name order.
pub const SAMPLES: &[(&str, &[u8])] = &[
    (
        "000_0130af0617496cbb.txt",
        include_bytes!("../../assets/samples/000_0130af0617496cbb.txt"),
    ),
    (
        "001_6c4c41263adb4e45.txt",
        include_bytes!("../../assets/samples/001_6c4c41263adb4e45.txt"),
    ),
    (
        "002_1a53be3b51f15ed6.txt",
        include_bytes!("../../assets/samples/002_1a53be3b51f15ed6.txt"),
    ),
    (
        "003_acca43c715f0f15e.txt",
        include_bytes!("../../assets/samples/003_acca43c715f0f15e.txt"),
    ),
    (
        "004_14f45f1c49fc9359.txt",
        include_bytes!("../../assets/samples/004_14f45f1c49fc9359.txt"),
    ),
];
