fn main() {
    std::process::exit(casepack::cli::run());
}
