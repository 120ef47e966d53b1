//! The texts of the roster part of the planner.

crate::texts! {
    pub enum RosterText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::RosterText>();
    }
}
