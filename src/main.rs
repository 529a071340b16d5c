//! The `baogao` command line: thin; the commands are in [`cli`].

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}

// Parsing allocates many small strings on both cores; mimalloc's thread-local heaps cut
// load time noticeably against glibc malloc (see README, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
