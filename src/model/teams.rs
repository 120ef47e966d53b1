//! Team operations beyond add and rename (being built).
