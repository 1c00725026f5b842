//! Shared by the report's integration tests (and, by path, the samples example).
#![allow(dead_code)]

pub mod sample;
