//! Runs every example under `cargo test`, so the examples in `examples/` are
//! checked on each test run and cannot rot.

#[path = "../examples/custom_pack.rs"]
mod custom_pack;
#[path = "../examples/custom_rule.rs"]
mod custom_rule;
#[path = "../examples/lint_string.rs"]
mod lint_string;
#[path = "../examples/snapshot_pack.rs"]
mod snapshot_pack;

#[test]
fn example_lint_string() {
    lint_string::main();
}

#[test]
fn example_custom_rule() {
    custom_rule::main();
}

#[test]
fn example_custom_pack() {
    custom_pack::main();
}

#[test]
fn example_snapshot_pack() {
    snapshot_pack::main();
}
