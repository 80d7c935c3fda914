fn main() -> std::process::ExitCode {
    newstag::cli::main()
}
