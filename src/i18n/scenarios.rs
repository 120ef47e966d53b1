//! The texts of the scenarios part of the planner.

crate::texts! {
    pub enum ScenariosText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::ScenariosText>();
    }
}
