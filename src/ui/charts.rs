//! SVG charts drawn from the engine's numbers (being built).
