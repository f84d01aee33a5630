//! `make watch`: what each family's developer published on the Hugging Face Hub after its list's
//! `checked_to`, what changed on the repositories the content lists, and which pages without an
//! API to read again. The client (`hub`) talks HTTP; the comparison (`report`) is pure.

// The Hub's answers are untrusted input: a surprise must become a message, never a panic.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod hub;
pub mod report;
